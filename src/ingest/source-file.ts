/** What every loader starts from: the file's bytes, its id and hash, and the text decoding they share. */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { FrontMatter } from './front-matter.js';
import type { DocumentBlock, DocumentFormat, LoadedDocument } from './types.js';
import { UnreadableDocumentError } from './types.js';

export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the ingest root, forward slashes: the document id, also used in error messages. */
  id: string;
  bytes: Buffer;
  /** sha256 of READING_VERSION and `bytes`, hex: what incremental ingest compares. */
  hash: string;
}

/**
 * How files are read into passages. Bumped when a loader or the chunker makes other text or passages
 * from the same bytes, so that the next ingest reads every report again instead of keeping passages
 * an older Citeline made (2: Markdown keeps the author's spaces; 3: a numbered list run into one
 * line is split before each item number; 4: links and teasers ("Follow this link", "Read on") are
 * site chrome; 5: so are notices about the reader's browser; 6: PDF text as one flow across pages,
 * headers and footers by position and shape, hyphens by the document's words, table rows as
 * sentences, OCR of scanned pages, titles from page 1 or the file name without its extension;
 * 7: a PDF margin line opening with a printed file's name is a header; 8: passages keep the
 * paragraph they start in, which a citation names when there is no page or heading; 9: a numbered
 * paragraph's number opens its first sentence instead of standing as a sentence of its own;
 * 25: a table's header may name its columns by dates with a note, "31 March 2025 (%)").
 */
export const READING_VERSION = 25;

export function sourceFile(path: string, id: string, bytes: Buffer): SourceFile {
  return { path, id, bytes, hash: createHash('sha256').update(`citeline-reading-${READING_VERSION}\n`).update(bytes).digest('hex') };
}

export function unreadable(file: Pick<SourceFile, 'id'>, reason: string): UnreadableDocumentError {
  return new UnreadableDocumentError(file.id, reason);
}

/** The file name without its extension, the title of last resort. */
export function fileTitle(file: Pick<SourceFile, 'path'>): string {
  const name = basename(file.path);
  const extension = extname(name);
  return extension && extension.length < name.length ? name.slice(0, -extension.length) : name;
}

/**
 * The bytes of a text file (Markdown, plain text, HTML) as a string with `\n` line ends: UTF-8 (with or
 * without BOM), UTF-16 with a BOM, else Windows-1252. Bytes that look binary are refused.
 */
export function decodeText(file: SourceFile): string {
  const { bytes } = file;
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8192).includes(0)) throw unreadable(file, 'not a text file (binary content)');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** What bytes 0x80-0x9F mean in Windows-1252 (Node's own decoder treats them as Latin-1 controls). */
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** Assembles a document, taking title/source/publisher/date from the front matter first, then `found`. */
export function assembleDocument(
  file: SourceFile,
  format: DocumentFormat,
  blocks: DocumentBlock[],
  found: { title?: string; source?: string; publisher?: string; date?: string },
  frontMatter?: FrontMatter,
): LoadedDocument {
  const nonEmpty = blocks.filter((block) => block.text.trim() !== '');
  if (nonEmpty.length === 0) throw unreadable(file, 'no text found');
  const document: LoadedDocument = {
    id: file.id,
    path: file.path,
    title: frontMatter?.title ?? found.title ?? fileTitle(file),
    source: frontMatter?.source ?? found.source ?? file.id,
    format,
    hash: file.hash,
    blocks: nonEmpty,
  };
  const publisher = frontMatter?.publisher ?? found.publisher;
  const date = frontMatter?.date ?? found.date;
  if (publisher) document.publisher = publisher;
  if (date) document.date = date;
  return document;
}

/** Collapses runs of spaces and tabs, trims each line and drops blank lines at either end. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
