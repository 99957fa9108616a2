/** Signals of shared words: how much of the question a window holds, how densely, and in what order. */
import { tieredCoverage } from '../coverage.js';
import { importanceShare } from '../term-importance.js';
import type { QuestionEvidence, Signal } from './types.js';

/** The passage's BM25 score, as a share of the best passage's for this question. */
export const passageBm25: Signal = (_question, { window }) => window.hit.lexical;

/** IDF-weighted share of the question's terms the window holds (vocabulary equivalents for part credit). */
export const windowCoverage: Signal = (question, window) => coverageOf(question, window.termSet);

/** The same for the window's best sentence alone: the line the answer rests on. */
export const sentenceCoverage: Signal = (question, window) => coverageOf(question, window.sentenceTerms);

/** The same for the document's title and the passage's heading. */
export const titleCoverage: Signal = (question, window) => coverageOf(question, window.titleTerms);

/** BM25 of the window as a short document of its own (term frequency saturates), over the question's total IDF. */
export const windowBm25: Signal = (question, window) => {
  const k1 = 1.2;
  const b = 0.75;
  const averageLength = 35;
  const counts = new Map<string, number>();
  for (const term of window.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const lengthNorm = 1 - b + (b * window.terms.length) / averageLength;
  let score = 0;
  let total = 0;
  for (const [term, weight] of question.termWeights) {
    total += weight;
    const tf = counts.get(term) ?? 0;
    if (tf > 0) score += (weight * tf * (k1 + 1)) / (tf + k1 * lengthNorm);
  }
  return total === 0 ? 0 : score / total;
};

/**
 * How close together the question's terms stand in the window: distinct terms matched over the
 * shortest run of window terms that holds them all (1 when adjacent), 0 with fewer than two.
 */
export const proximity: Signal = (question, window) => {
  const positions: { term: string; at: number }[] = [];
  window.terms.forEach((term, at) => {
    if (question.termWeights.has(term)) positions.push({ term, at });
  });
  const distinct = new Set(positions.map((p) => p.term)).size;
  if (distinct < 2) return 0;
  // Sliding window over positions: the shortest run holding every distinct matched term.
  const inRun = new Map<string, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < positions.length; right++) {
    const entering = positions[right] as { term: string; at: number };
    inRun.set(entering.term, (inRun.get(entering.term) ?? 0) + 1);
    while (inRun.size === distinct) {
      const leaving = positions[left] as { term: string; at: number };
      best = Math.min(best, entering.at - leaving.at + 1);
      const count = (inRun.get(leaving.term) ?? 1) - 1;
      if (count === 0) inRun.delete(leaving.term);
      else inRun.set(leaving.term, count);
      left += 1;
    }
  }
  return distinct / best;
};

/** Share of the question's adjacent term pairs that stand adjacent in the window: phrases, not just words. */
export const phraseMatch: Signal = (question, window) => {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < question.orderedTerms.length; i++) pairs.add(`${question.orderedTerms[i]} ${question.orderedTerms[i + 1]}`);
  if (pairs.size === 0) return 0;
  const found = new Set<string>();
  for (let i = 0; i + 1 < window.terms.length; i++) {
    const pair = `${window.terms[i]} ${window.terms[i + 1]}`;
    if (pairs.has(pair)) found.add(pair);
  }
  return found.size / pairs.size;
};

function coverageOf(question: QuestionEvidence, terms: ReadonlySet<string>): number {
  return tieredCoverage([{ terms, credit: 1 }], question.query, question.termWeights);
}

/**
 * Share of the question's rarest terms (the two of highest IDF, or one for a one-term question)
 * the window holds: the words that pin down what is asked, which common words cannot stand in for.
 */
export const rareTermCoverage: Signal = (question, window) => rarestShare(question, window.termSet);

/** The same share for the window's best sentence alone. */
export const sentenceRareTermCoverage: Signal = (question, window) => rarestShare(question, window.sentenceTerms);

function rarestShare(question: QuestionEvidence, terms: ReadonlySet<string>): number {
  const rarest = [...question.termWeights].sort((a, b) => b[1] - a[1]).slice(0, 2);
  if (rarest.length === 0) return 0;
  return rarest.filter(([term]) => terms.has(term)).length / rarest.length;
}

/**
 * Coverage of what the question asks beyond its document's subject: the share of the question's
 * terms that the document's title and the passage's heading do not hold, found in the window.
 * A question that names its report to find it ("in the yearly fostering review, how many carers
 * were recruited?") is answered by the window that says how many, not the opening that restates
 * the title.
 */
export const askCoverage: Signal = (question, window) => {
  const beyondTitle = new Map([...question.termWeights].map(([term, weight]) => [term, window.titleTerms.has(term) ? 0 : weight]));
  return tieredCoverage([{ terms: window.termSet, credit: 1 }], question.query, beyondTitle);
};

/**
 * Coverage of the best sentence with each question term weighed by the learned probability that it
 * stands in the answering sentence (term-importance.ts): 0 without the model.
 */
export const sentenceLearnedCoverage: Signal = (_question, window) => importanceShare(window.termImportance, (term) => (window.sentenceTerms.has(term) ? 1 : 0));
