/** What a PassageStore holds, as loading a saved generation (load-generation.ts) hands it over. */
import type { HierarchicalNSW } from 'hnswlib-node';
import type { PassageFile } from './passage-file.js';
import type { IndexFile, StoredDocument, StoredPassage } from './types.js';

export interface SavedState {
  generation: string;
  builtAt: string;
  files: Record<string, IndexFile>;
}

/**
 * A live passage: what the store knows of it without reading it. A saved index's passages are read
 * a block at a time, when a question first needs one of them (passage-file.ts).
 */
export interface PassageEntry {
  readonly id: string;
  readonly docId: string;
  /** Its point in the graph; the passage's own `label` is set from it when the passage is read. */
  label: number;
  /** Set at once for a passage added in this process; for a saved one, once its block is read. */
  passage: StoredPassage | undefined;
  /** Its row in the saved passage file; -1 for a passage added in this process. */
  readonly row: number;
}

/** The passage file of the generation a store was loaded from, and its rows' entries. */
export interface SavedPassages {
  file: PassageFile;
  rows: readonly PassageEntry[];
  /** Named in the message when a block does not hold what the table says. */
  indexDir: string;
}

export interface StoreState {
  model: string;
  dimension: number;
  M: number;
  efConstruction: number;
  graph: HierarchicalNSW;
  deletedCount: number;
  nextLabel: number;
  documents: Map<string, StoredDocument>;
  passages: Map<string, PassageEntry>;
  /** The same entries by graph label. */
  entriesByLabel: (PassageEntry | undefined)[];
  savedPassages?: SavedPassages;
  artifacts: Map<string, unknown>;
  saved: SavedState;
}
