/** The seam between the engine and its surfaces (CLI, Slack). Surfaces depend on this, never on the pipeline's parts. */
import type { Reply } from '../answer/types.js';
import type { Figure, StatsQuery } from '../stats/types.js';

export interface AskOptions {
  /** How many citations at most (default 3). */
  maxCitations?: number;
  /** Earlier question in the same conversation, for elliptical follow-ups ("and in 2019?"). */
  previousQuestion?: string;
}

export interface IndexedSource {
  docId: string;
  title: string;
  source: string;
  passages: number;
}

export interface IngestSummary {
  documents: number;
  passages: number;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  skipped: { path: string; reason: string }[];
  seconds: number;
}

export interface CitelineEngine {
  /** A question in, a cited reply out. */
  ask(question: string, options?: AskOptions): Promise<Reply>;
  /** The extracts that support or bear on a claim someone posted. */
  findSources(claim: string, options?: AskOptions): Promise<Reply>;
  /** The indexed documents, for `/citeline sources`. */
  sources(): IndexedSource[];
  /** Every figure matching "[grade] [year or period] [words]", sorted by period (`/citeline stats`). */
  stats(query: string): { query: StatsQuery; figures: Figure[] };
  /** Re-reads the reports folder and swaps the new index in. */
  reindex(): Promise<IngestSummary>;
}
