/**
 * What a question's candidate windows say together: the share of their distinct best sentences
 * that hold each question term, over all candidates and within each document. A term most of a
 * document's sentences hold names the document's subject (it found the document); the terms few of
 * them hold tell its sentences apart.
 */
import type { AnswerWindow } from './windows.js';

export interface CandidateTermShares {
  /** Each question term's share of every distinct candidate sentence. */
  overall: ReadonlyMap<string, number>;
  /** By document id: each question term's share of that document's distinct candidate sentences. */
  byDocument: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function candidateTermShares(
  windows: readonly AnswerWindow[],
  questionTerms: readonly string[],
  termsOf: (text: string) => readonly string[],
): CandidateTermShares {
  const sentencesByDocument = new Map<string, Set<string>>();
  for (const window of windows) {
    const docId = window.hit.passage.docId;
    const sentences = sentencesByDocument.get(docId) ?? new Set<string>();
    sentences.add(window.sentence);
    sentencesByDocument.set(docId, sentences);
  }
  const overallCounts = new Map<string, number>(questionTerms.map((term) => [term, 0]));
  let overallSentences = 0;
  const byDocument = new Map<string, Map<string, number>>();
  for (const [docId, sentences] of sentencesByDocument) {
    const counts = new Map<string, number>(questionTerms.map((term) => [term, 0]));
    for (const sentence of sentences) {
      const held = new Set(termsOf(sentence));
      for (const term of questionTerms) {
        if (!held.has(term)) continue;
        counts.set(term, (counts.get(term) ?? 0) + 1);
        overallCounts.set(term, (overallCounts.get(term) ?? 0) + 1);
      }
    }
    overallSentences += sentences.size;
    byDocument.set(docId, shares(counts, sentences.size));
  }
  return { overall: shares(overallCounts, overallSentences), byDocument };
}

function shares(counts: ReadonlyMap<string, number>, total: number): Map<string, number> {
  return new Map([...counts].map(([term, count]) => [term, total === 0 ? 0 : count / total]));
}
