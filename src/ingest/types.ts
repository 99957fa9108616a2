/** What the loaders produce and the chunker consumes: documents as located blocks of text. */

export type DocumentFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

/** A run of a document's text together with where a reader would find it. */
export interface DocumentBlock {
  text: string;
  /** The nearest heading above this block (Markdown, HTML, DOCX). */
  heading?: string;
  /** 1-based page number (PDF): the page the block starts on. */
  page?: number;
  /**
   * Where later pages start inside `text`, when a paragraph runs on across a page break (PDF):
   * offsets into `text`, in order.
   */
  pageStarts?: { offset: number; page: number }[];
  /** The block's text was read from a page image by OCR (a scanned PDF page). */
  ocr?: boolean;
}

export interface LoadedDocument {
  /** Stable key of the document in the index: its path relative to the ingest root, with forward slashes. */
  id: string;
  /** Absolute path on disk. */
  path: string;
  title: string;
  /** Link to the original: front matter `source:`, or the file path. */
  source: string;
  format: DocumentFormat;
  /** Organisation behind the document, when the front matter or metadata names it. */
  publisher?: string;
  /** Publication date as stated (front matter `date:` or PDF metadata), when known. */
  date?: string;
  /** sha256 of the file's bytes: what incremental ingest compares. */
  hash: string;
  blocks: DocumentBlock[];
}

/** A file that cannot be indexed; `reason` is shown to the user as is. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableDocumentError';
  }
}

/** The unit of retrieval: a few sentences of one document, with its citation. */
export interface Passage {
  /** Stable id derived from the document id and the passage text. */
  id: string;
  docId: string;
  title: string;
  source: string;
  publisher?: string;
  date?: string;
  heading?: string;
  /** The page the passage starts on (PDF): what a citation's `page` is. */
  page?: number;
  /** The page it ends on, when that is a later page than `page` (a passage across a page break). */
  pageEnd?: number;
  /** Some of its text was read by OCR from a scanned page. */
  ocr?: boolean;
  /** The document's block (paragraph, list item, table row) the passage starts in, from 1: where a reader finds a passage with no page or heading. */
  paragraph?: number;
  /**
   * The header line of the Markdown table the passage starts inside of, when a passage before holds
   * it: a long table is cut between rows, and its later rows are read by the columns it names.
   */
  tableHeader?: string;
  text: string;
  /** Character offsets of `text` within the document's blocks joined by a blank line. */
  start: number;
  end: number;
}
