/** BM25 over passage text, document title, heading and publisher (MiniSearch does the scoring). */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Passage } from '../ingest/types.js';
import { tokenize, type TermNormaliser } from './text-analysis.js';

const FIELDS = ['text', 'title', 'heading', 'publisher'] as const;

/** Field weights: a title or heading that names the subject is strong evidence (see README, "Tuning"). */
export const FIELD_BOOSTS = { text: 1, title: 1.5, heading: 1, publisher: 1.5 } as const;

export interface LexicalHit {
  id: string;
  score: number;
  /** Query terms found in the passage. */
  matchedTerms: string[];
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export class LexicalIndex {
  /** Passages holding each term, worked out once: MiniSearch has no document-frequency lookup, and a search per term is costly. */
  private readonly dfCache = new Map<string, number>();
  private readonly presentCache = new Map<string, boolean>();

  private constructor(private readonly index: MiniSearch<Passage>) {}

  static build(passages: readonly Passage[], normaliser: TermNormaliser): LexicalIndex {
    const index = new MiniSearch<Passage>(options(normaliser));
    index.addAll(passages);
    return new LexicalIndex(index);
  }

  static fromJSON(data: AsPlainObject, normaliser: TermNormaliser): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJS<Passage>(data, options(normaliser)));
  }

  toJSON(): AsPlainObject {
    return this.index.toJSON();
  }

  add(passages: readonly Passage[]): void {
    this.index.addAll(passages);
    this.dfCache.clear();
    this.presentCache.clear();
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) if (this.index.has(id)) this.index.discard(id);
    this.dfCache.clear();
    this.presentCache.clear();
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** Whether any passage holds the term, in its text, title, heading or publisher ("BBC" may stand only in a title). */
  has(term: string): boolean {
    let present = this.presentCache.get(term);
    if (present === undefined) {
      present = this.documentFrequency(term) > 0 || this.index.search(term, { tokenize: (q) => [q], processTerm: (t) => t }).length > 0;
      if (this.presentCache.size > 100_000) this.presentCache.clear();
      this.presentCache.set(term, present);
    }
    return present;
  }

  /** Inverse document frequency of a term, BM25's form, never negative. */
  idf(term: string): number {
    const n = this.index.documentCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private documentFrequency(term: string): number {
    const cached = this.dfCache.get(term);
    if (cached !== undefined) return cached;
    const df = this.countDocumentsWithTerm(term);
    if (this.dfCache.size > 100_000) this.dfCache.clear();
    this.dfCache.set(term, df);
    return df;
  }

  search(terms: readonly WeightedTerm[], limit: number): LexicalHit[] {
    if (terms.length === 0) return [];
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const results = this.index.search(
      // Terms are already normalised: hand them over space-separated and keep processTerm as identity.
      { queries: [...weights.keys()], combineWith: 'OR' },
      {
        boost: FIELD_BOOSTS,
        boostTerm: (term) => weights.get(term) ?? 1,
        tokenize: (query) => query.split(' '),
        processTerm: (term) => term,
      },
    );
    return results.slice(0, limit).map((result) => ({ id: String(result.id), score: result.score, matchedTerms: result.terms }));
  }

  private countDocumentsWithTerm(term: string): number {
    // MiniSearch exposes no document frequency; an exact single-term search counts the passages holding it.
    return this.index.search(term, { tokenize: (q) => [q], processTerm: (t) => t, fields: ['text'] }).length;
  }
}

function options(normaliser: TermNormaliser) {
  return {
    fields: [...FIELDS],
    idField: 'id',
    extractField: (passage: Passage, field: string) => (passage as unknown as Record<string, string | undefined>)[field] ?? '',
    tokenize: (text: string) => tokenize(text),
    processTerm: (term: string) => normaliser.term(term),
  };
}
