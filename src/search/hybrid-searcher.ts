/**
 * Hybrid retrieval: BM25 and vector similarity, fused by a weighted score, then re-ranked on what
 * a reader checks first (the year, grade and kind of figure asked for, and the question's key terms),
 * which keeps the right passage among the few the learned ranker reads when headings and titles are
 * missing (PDFs): without it recall@3 on converted reports fell by up to 0.13.
 */
import type { Embedder } from '../embed/types.js';
import type { Passage } from '../ingest/types.js';
import { initialismExpansions, type CorpusNames } from './initialisms.js';
import type { LexicalIndex } from './lexical-index.js';
import { analyseQuery, type AnalysedQuery } from './query.js';
import { DEFAULT_RERANK_WEIGHTS, newestYear, rerankFeatures, type RerankWeights } from './rerank.js';
import type { SearchHit, VectorSource } from './types.js';
import { expansionTerms, type SearchVocabulary } from './vocabulary.js';

export interface FusionSettings {
  /** Weight of the BM25 score; the vector score gets 1 - lexicalWeight. */
  lexicalWeight: number;
  /** Weight of implied (vocabulary) terms relative to the question's own terms. */
  expansionWeight: number;
  /** Candidates drawn from each retriever before fusion. */
  candidates: number;
  rerank: RerankWeights;
}

export const DEFAULT_FUSION: FusionSettings = {
  lexicalWeight: 0.5,
  expansionWeight: 0.4,
  candidates: 60,
  rerank: DEFAULT_RERANK_WEIGHTS,
};

export class HybridSearcher {
  constructor(
    private readonly deps: {
      lexical: LexicalIndex;
      vectors: VectorSource;
      embedder: Embedder;
      vocabulary: SearchVocabulary;
      settings?: FusionSettings;
      /** The collection's names, for acronyms the reports never write (read when first needed). */
      names?: () => CorpusNames;
    },
  ) {}

  analyse(question: string): AnalysedQuery {
    const { vocabulary, lexical, names } = this.deps;
    const query = analyseQuery(question, vocabulary);
    if (!names) return query;
    // An acronym the vocabulary already reads ("LAC", looked-after children) keeps that reading.
    const known = (term: string) => lexical.has(term) || query.expansions.some((expansion) => expansion.phrase.includes(term));
    const spelled = initialismExpansions(query.text, names, known, (text) => vocabulary.normaliser.terms(text));
    if (spelled.length === 0) return query;
    const expansions = [...query.expansions, ...spelled];
    return { ...query, expansions, expansionTerms: expansionTerms(expansions, query.terms) };
  }

  async search(question: string, k: number): Promise<SearchHit[]> {
    return (await this.searchAnalysed(this.analyse(question), k)).hits;
  }

  async searchAnalysed(query: AnalysedQuery, k: number): Promise<{ hits: SearchHit[]; query: AnalysedQuery }> {
    const settings = this.deps.settings ?? DEFAULT_FUSION;
    const { lexical, vectors, embedder } = this.deps;

    const weightedTerms = [
      ...query.terms.map((term) => ({ term, weight: 1 })),
      // An equivalent phrase shares its weight among its words, so long names do not outweigh the question.
      ...query.expansions.flatMap((expansion) =>
        expansion.alternatives.flatMap((alternative) =>
          alternative.filter((term) => !query.terms.includes(term)).map((term) => ({ term, weight: settings.expansionWeight / alternative.length })),
        ),
      ),
    ];
    const lexicalHits = lexical.search(weightedTerms, settings.candidates);
    const [queryVector] = await embedder.embed([query.text]);
    const vectorHits = queryVector && hasSignal(queryVector) ? vectors.searchVectors(queryVector, settings.candidates) : [];

    const maxLexical = lexicalHits[0]?.score ?? 0;
    const lexicalOf = (score: number) => (maxLexical > 0 ? score / maxLexical : 0);
    // A list cut at `candidates` left out passages scoring at most its last: one the other list
    // found is given that bound, not 0 (which read a passage just past the cut as unrelated).
    const lexicalFloor = lexicalHits.length >= settings.candidates ? lexicalOf(lexicalHits.at(-1)!.score) : 0;
    const semanticFloor = vectorHits.length >= settings.candidates ? Math.max(0, vectorHits.at(-1)!.similarity) : 0;
    const candidates = new Map<string, { passage: Passage; lexical: number; semantic: number }>();
    for (const hit of lexicalHits) {
      const passage = vectors.passage(hit.id);
      if (passage) candidates.set(hit.id, { passage, lexical: lexicalOf(hit.score), semantic: semanticFloor });
    }
    for (const hit of vectorHits) {
      const semantic = Math.max(0, hit.similarity);
      const existing = candidates.get(hit.passage.id);
      if (existing) existing.semantic = semantic;
      else candidates.set(hit.passage.id, { passage: hit.passage, lexical: lexicalFloor, semantic });
    }
    const idf = termWeights(lexical, query);
    const scored: SearchHit[] = [];
    const latestYear = query.asksLatest ? maxOf([...candidates.values()].map((c) => newestYear(c.passage))) : undefined;
    for (const candidate of candidates.values()) {
      const fused = settings.lexicalWeight * candidate.lexical + (1 - settings.lexicalWeight) * candidate.semantic;
      const features = rerankFeatures(candidate.passage, query, idf, this.deps.vocabulary, latestYear);
      const { rerank } = settings;
      const score =
        fused +
        rerank.coverage * features.coverage +
        rerank.year * features.year +
        rerank.grade * features.grade +
        rerank.figure * features.figure +
        rerank.recency * features.recency;
      scored.push({ passage: candidate.passage, score, lexical: candidate.lexical, semantic: candidate.semantic });
    }
    scored.sort((a, b) => b.score - a.score);
    return { hits: scored.slice(0, k), query };
  }
}

/** IDF of each question term, so rare words ("catastrophic") count for more than common ones ("council"). */
export function termWeights(lexical: LexicalIndex, query: AnalysedQuery): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of query.terms) weights.set(term, lexical.idf(term));
  return weights;
}

function hasSignal(vector: Float32Array): boolean {
  for (const value of vector) if (value !== 0) return true;
  return false;
}

function maxOf(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length > 0 ? Math.max(...defined) : undefined;
}
