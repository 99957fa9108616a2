/** The seam between the engine and its surfaces (CLI, Slack). Surfaces depend on this, never on the pipeline's parts. */
import type { Reply } from '../answer/types.js';
import type { StatsMatches, StatsQuery } from '../stats/types.js';

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

/** What the loaded index holds, for the Home tab. */
export interface IndexAbout {
  documents: number;
  passages: number;
  /** The embedding model the index was built with. */
  model: string;
  /** ISO time the index was last saved; '' when it never was. */
  builtAt: string;
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
  /** Counts, model and build time of the loaded index. */
  about(): IndexAbout;
  /**
   * Every figure matching "[grade] [year or period] [words]" (`/citeline stats`); none saying every
   * word, those saying most of them and those of the passages a search finds (`everyWord` false).
   * Each tier's first figures in the learned order (data/figure-order-weights.json), the rest in the search's.
   */
  stats(query: string): Promise<{ query: StatsQuery } & StatsMatches>;
  /** Re-reads the reports folder and swaps the new index in. */
  reindex(): Promise<IngestSummary>;
}
