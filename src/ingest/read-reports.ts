/**
 * Report files to what ingest needs of each: its passages, or that it is unchanged since the index
 * was built, or why it cannot be read. One loop for both places reading happens: the main thread
 * (small ingests) and the ingest worker (large ones, where reading overlaps embedding). A listener
 * hears how far reading has got within a large file, so that a progress bar moves while one file of
 * tens of megabytes is cut into passages.
 */
import { chunkDocument } from './chunk.js';
import { DEFAULT_READ_OPTIONS, loadDocuments, type ReadOptions } from './load-document.js';
import type { DocumentFormat, Passage } from './types.js';

/** What the index keeps of a document besides its passages. */
export interface DocumentRecord {
  docId: string;
  /** sha256 of the file's bytes: what the next ingest compares. */
  hash: string;
  title: string;
  source: string;
  format: DocumentFormat;
}

/**
 * How far reading has got within one file: of its `of` bytes, about `bytes` are read and cut into
 * passages (the share of its text cut, as bytes). Plain data: posted between threads.
 */
export interface ReadProgress {
  file: string;
  bytes: number;
  of: number;
}

export type ReadProgressListener = (progress: ReadProgress) => void;

/**
 * Progress is told in steps of at least this many bytes, and only within a file of at least two
 * steps: a smaller file is done as soon as it is begun, and its report says so.
 */
export const READ_PROGRESS_STEP = 256 * 1024;

/**
 * Of the time reading a file takes, the share loading it takes (reading, decoding, cutting it into
 * blocks) before it is cut into passages: 0.7-0.8 s of 3.4-10.5 s for 30 MB of plain text. A PDF's
 * loader tells its pages as it reads them, and its pages are most of its time.
 */
const LOADED_SHARE = 0.15;
const PDF_LOADED_SHARE = 0.9;

/** One report file, read. Posted between threads as is, so plain data only. */
export type ReadReport =
  | { kind: 'read'; file: string; document: DocumentRecord; passages: Passage[] }
  | { kind: 'unchanged'; file: string; docId: string }
  | { kind: 'skipped'; file: string; path: string; reason: string };

/**
 * Each file in order, read, cleaned and cut into passages. A file whose bytes have the hash `known`
 * holds for its document id is not cut again: it is `unchanged`. `files` are absolute paths under
 * `root`, which document ids are relative to. `onProgress` hears, within a file of at least two
 * READ_PROGRESS_STEPs, the bytes done as they rise by a step; a file's end is its report.
 */
export async function* readReports(
  files: readonly string[],
  root: string,
  known: ReadonlyMap<string, string>,
  options: ReadOptions = DEFAULT_READ_OPTIONS,
  onProgress?: ReadProgressListener,
): AsyncGenerator<ReadReport> {
  // One teller per large file, told first by its loader (a PDF's pages, while other files load
  // beside it) and then by cutting it into passages.
  const tellers = new Map<string, (share: number) => void>();
  const tellerFor = (file: string, bytes: number) => {
    if (!onProgress || bytes < 2 * READ_PROGRESS_STEP) return undefined;
    let tell = tellers.get(file);
    if (!tell) tellers.set(file, (tell = progressWithin(file, bytes, onProgress)));
    return tell;
  };
  const onLoad = onProgress && ((file: string, share: number, bytes: number) => tellerFor(file, bytes)?.(PDF_LOADED_SHARE * share));
  for await (const outcome of loadDocuments(files, root, undefined, options, onLoad)) {
    const { file } = outcome;
    if ('error' in outcome) {
      tellers.delete(file);
      yield { kind: 'skipped', file, path: outcome.error.path, reason: outcome.error.reason };
      continue;
    }
    const { document } = outcome;
    if (known.get(document.id) === document.hash) {
      tellers.delete(file);
      yield { kind: 'unchanged', file, docId: document.id };
      continue;
    }
    const tell = tellerFor(file, outcome.bytes);
    tellers.delete(file);
    const loaded = document.format === 'pdf' ? PDF_LOADED_SHARE : LOADED_SHARE;
    tell?.(loaded);
    const passages = chunkDocument(document, tell ? { onProgress: (share) => tell(loaded + (1 - loaded) * share) } : {});
    if (passages.length === 0) {
      yield { kind: 'skipped', file, path: file, reason: 'no text to index' };
      continue;
    }
    const { id: docId, hash, title, source, format } = document;
    yield { kind: 'read', file, document: { docId, hash, title, source, format }, passages };
  }
}

/** Takes the share of `file` done; tells `onProgress` its bytes each time they have risen by a step. */
function progressWithin(file: string, size: number, onProgress: ReadProgressListener): (share: number) => void {
  let told = 0;
  return (share) => {
    const bytes = Math.min(size, Math.round(size * share));
    if (bytes - told < READ_PROGRESS_STEP) return;
    told = bytes;
    onProgress({ file, bytes, of: size });
  };
}
