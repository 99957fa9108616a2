/** Signals of meaning beyond shared words: the embedding model's vectors. */
import type { Signal } from './types.js';

/** Cosine similarity of the question to the passage, from vector search (0 when only BM25 found it). */
export const passageSimilarity: Signal = (_question, { window }) => window.hit.semantic;

/** Cosine similarity of the question to the window's sentences, their mean weighted by words. */
export const windowSimilarity: Signal = (_question, window) => window.windowSimilarity;

/** Cosine similarity of the question to the window's best sentence. */
export const sentenceSimilarity: Signal = (_question, window) => window.sentenceSimilarity;

/**
 * IDF-weighted mean, over the question's terms, of how closely the window says each: 1 when it
 * holds the term, else the best word similarity ("shaky" for "unstable"), never below 0.
 */
export const softCoverage: Signal = (question, window) => {
  let total = 0;
  let found = 0;
  for (const [term, weight] of question.termWeights) {
    total += weight;
    found += weight * (window.termSet.has(term) ? 1 : Math.max(0, window.wordSimilarity.get(term) ?? 0));
  }
  return total === 0 ? 0 : found / total;
};
