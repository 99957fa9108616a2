/** The on-disk index: what a saved build holds, and the one error a damaged or missing index raises. */
import type { DocumentFormat, Passage } from '../ingest/types.js';

/** Bumped whenever the files of a saved index change shape; other versions are refused, never guessed at. */
/** 2: passages and artifacts gzipped. 3: passages in blocks deflated one by one, read when first needed (passage-file.ts). */
export const INDEX_FORMAT_VERSION = 3;

/** The command that fixes every index problem; each IndexLoadError message ends with it. */
export const REBUILD_HINT = 'Run `npm run ingest -- --rebuild`.';

export interface StoredDocument {
  docId: string;
  /** sha256 of the file's bytes when it was indexed: what incremental ingest compares. */
  hash: string;
  title: string;
  source: string;
  format: DocumentFormat;
  /** The document's passages, in reading order. */
  passageIds: string[];
}

export interface HnswSettings {
  space: 'cosine';
  M: number;
  efConstruction: number;
  /** Slots allocated in the graph (it grows by doubling). */
  capacity: number;
  /** Slots in use: live passages plus deleted ones still in the graph. */
  elementCount: number;
  /** Slots marked deleted (removed or replaced passages), dropped when a save compacts the graph. */
  deletedCount: number;
}

export interface IndexFile {
  bytes: number;
  sha256: string;
}

export interface IndexManifest {
  formatVersion: number;
  /** The embedding model, as configured (a Hugging Face id or a local folder). */
  model: string;
  dimension: number;
  documentCount: number;
  passageCount: number;
  documents: Record<string, StoredDocument>;
  hnsw: HnswSettings;
  /** Every file of the generation, by name; each is checked on load. */
  files: Record<string, IndexFile>;
  /** The folder (inside the index folder) holding this build's files; '' before the first save. */
  generation: string;
  /** ISO time of the save; '' before the first save. */
  builtAt: string;
}

/** A passage as stored: `label` is its point in the vector graph. */
export interface StoredPassage extends Passage {
  label: number;
}

export type IndexLoadErrorKind =
  /** No index in the folder yet. */
  | 'missing'
  /** Written by another format version of Citeline. */
  | 'version'
  /** Built with another embedding model (or dimension): its vectors cannot be compared with new ones. */
  | 'model-mismatch'
  /** Malformed, truncated, altered or incomplete files. */
  | 'corrupt';

/** The saved index cannot be used. The message says why and always ends with how to fix it. */
export class IndexLoadError extends Error {
  constructor(
    readonly kind: IndexLoadErrorKind,
    readonly indexDir: string,
    problem: string,
  ) {
    super(`${problem} ${REBUILD_HINT}`);
    this.name = 'IndexLoadError';
  }
}
