import type { Passage } from '../ingest/types.js';

export interface SearchHit {
  passage: Passage;
  /** Fused score in [0, 1]; higher is better. */
  score: number;
  /** The normalised component scores that were fused, for debugging and eval. */
  lexical: number;
  semantic: number;
}

export interface Searcher {
  search(query: string, k: number): Promise<SearchHit[]>;
}

/** What search needs from the store: nearest passages to a vector, and passages by id. */
export interface VectorSource {
  searchVectors(query: Float32Array, k: number): { passage: Passage; similarity: number }[];
  passage(id: string): Passage | undefined;
}
