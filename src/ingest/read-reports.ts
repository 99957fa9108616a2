/**
 * Report files to what ingest needs of each: its passages, or that it is unchanged since the index
 * was built, or why it cannot be read. One loop for both places reading happens: the main thread
 * (small ingests) and the ingest worker (large ones, where reading overlaps embedding).
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

/** One report file, read. Posted between threads as is, so plain data only. */
export type ReadReport =
  | { kind: 'read'; file: string; document: DocumentRecord; passages: Passage[] }
  | { kind: 'unchanged'; file: string; docId: string }
  | { kind: 'skipped'; file: string; path: string; reason: string };

/**
 * Each file in order, read, cleaned and cut into passages. A file whose bytes have the hash `known`
 * holds for its document id is not cut again: it is `unchanged`. `files` are absolute paths under
 * `root`, which document ids are relative to.
 */
export async function* readReports(
  files: readonly string[],
  root: string,
  known: ReadonlyMap<string, string>,
  options: ReadOptions = DEFAULT_READ_OPTIONS,
): AsyncGenerator<ReadReport> {
  for await (const outcome of loadDocuments(files, root, undefined, options)) {
    const { file } = outcome;
    if ('error' in outcome) {
      yield { kind: 'skipped', file, path: outcome.error.path, reason: outcome.error.reason };
      continue;
    }
    const { document } = outcome;
    if (known.get(document.id) === document.hash) {
      yield { kind: 'unchanged', file, docId: document.id };
      continue;
    }
    const passages = chunkDocument(document);
    if (passages.length === 0) {
      yield { kind: 'skipped', file, path: file, reason: 'no text to index' };
      continue;
    }
    const { id: docId, hash, title, source, format } = document;
    yield { kind: 'read', file, document: { docId, hash, title, source, format }, passages };
  }
}
