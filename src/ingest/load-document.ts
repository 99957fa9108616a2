/**
 * One report file in, one LoadedDocument out, whatever its format (chosen by extension).
 * Every way a single file can fail (unsupported type, empty, unreadable, damaged, encrypted, no text)
 * is an UnreadableDocumentError with a short reason for the user, so the caller can skip that file
 * and go on with the others. Any other error is a bug and is left to propagate.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { formatOf, unsupportedReason } from './formats.js';
import { loadMarkdown } from './load-markdown.js';
import { loadPdf } from './load-pdf.js';
import { loadText } from './load-text.js';
import { withoutSiteChrome } from './site-chrome.js';
import { sourceFile, unreadable, type SourceFile } from './source-file.js';
import type { DocumentFormat, LoadedDocument } from './types.js';
import { UnreadableDocumentError } from './types.js';

/** The document id of `path`: relative to `root`, forward slashes. */
export function documentId(path: string, root: string): string {
  const id = relative(resolve(root), resolve(path)).split(sep).join('/');
  return id === '' || id.startsWith('../') ? resolve(path).split(sep).join('/') : id;
}

/** How files are read; what config sets (OCR). */
export interface ReadOptions {
  /** Read PDF pages without a text layer by OCR. */
  ocr: boolean;
}

export const DEFAULT_READ_OPTIONS: Readonly<ReadOptions> = Object.freeze({ ocr: true });

/** Hears the share of a file loaded so far (0-1), where its loader can tell (a PDF, page by page). */
export type LoadListener = (share: number) => void;

/**
 * Reads and parses one file. `root` is the ingest root the id is relative to (default: the file's
 * own folder, so the id is the file name). The error's `path` is that id too.
 */
export async function loadDocument(path: string, root: string = dirname(resolve(path)), options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<LoadedDocument> {
  return (await loadSized(path, root, options)).document;
}

/** loadDocument, and the size of the file read, in bytes. */
async function loadSized(path: string, root: string, options: ReadOptions, onLoad?: (share: number, bytes: number) => void): Promise<{ document: LoadedDocument; bytes: number }> {
  const absolute = resolve(path);
  const id = documentId(absolute, root);
  const format = formatOf(absolute);
  if (!format) throw new UnreadableDocumentError(id, unsupportedReason(absolute));

  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new UnreadableDocumentError(id, readFailureReason(error));
  }
  const file = sourceFile(absolute, id, bytes);
  if (bytes.length === 0) throw unreadable(file, 'empty file');

  const size = bytes.length;
  return { document: withoutSiteChrome(await parse(format, file, options, onLoad && ((share) => onLoad(share, size)))), bytes: size };
}

async function parse(format: DocumentFormat, file: SourceFile, options: ReadOptions, onLoad?: LoadListener): Promise<LoadedDocument> {
  switch (format) {
    case 'markdown':
      return loadMarkdown(file);
    case 'text':
      return loadText(file);
    // HTML's and DOCX's loaders are imported on first use: their parsers (htmlparser2, mammoth) took
    // about 90 ms to import, paid by every `ask` and every Markdown-only ingest.
    case 'html':
      return (await import('./load-html.js')).loadHtml(file);
    case 'pdf':
      return loadPdf(file, { ocr: options.ocr, ...(onLoad ? { onPage: (read: number, pages: number) => onLoad(read / pages) } : {}) });
    case 'docx':
      return (await import('./load-docx.js')).loadDocx(file);
  }
}

/** One file's outcome: its document and the file's size in bytes, or why it could not be read. */
export type LoadOutcome = { file: string; document: LoadedDocument; bytes: number } | { file: string; error: UnreadableDocumentError };

/** Files read at once by `loadDocuments`. */
const READ_AHEAD = 8;

/**
 * `loadDocument` for every file, in order, with the next few files read while one is handled: read
 * one at a time, a 10k-report ingest spent half a second of its reading waiting between files. An
 * error other than UnreadableDocumentError (a bug) is thrown when its file's turn comes.
 */
export async function* loadDocuments(
  files: readonly string[],
  root: string,
  ahead = READ_AHEAD,
  options: ReadOptions = DEFAULT_READ_OPTIONS,
  onLoad?: (file: string, share: number, bytes: number) => void,
): AsyncGenerator<LoadOutcome> {
  const load = (file: string): Promise<LoadOutcome | { file: string; bug: unknown }> =>
    loadSized(file, root, options, onLoad && ((share, bytes) => onLoad(file, share, bytes))).then(
      ({ document, bytes }) => ({ file, document, bytes }),
      (error: unknown) => (error instanceof UnreadableDocumentError ? { file, error } : { file, bug: error }),
    );
  // The files being read, in order: at most `ahead` at a time.
  const reading = files.slice(0, Math.max(1, ahead)).map(load);
  for (let next = reading.length; reading.length > 0; next++) {
    const outcome = await reading.shift()!;
    if (next < files.length) reading.push(load(files[next]!));
    if ('bug' in outcome) throw outcome.bug;
    yield outcome;
  }
}

function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
