/** Builds what the ranking signals read from short texts of our own, with the real vocabulary and no model. */
import type { Passage } from '../../src/ingest/types.js';
import { asksForPlace } from '../../src/search/evidence.js';
import { foldText } from '../../src/search/text-analysis.js';
import { analyseQuery } from '../../src/search/query.js';
import type { QuestionEvidence, WindowEvidence } from '../../src/search/signals/types.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';
import { windowsOf, type AnswerWindow } from '../../src/search/windows.js';

export const vocabulary = await loadSearchVocabulary('data');

export function passage(text: string, extra: Partial<Passage> = {}): Passage {
  return { id: extra.id ?? `p-${text.length}`, docId: 'doc.md', title: 'A report', source: 'https://example.org/report', text, start: 0, end: text.length, ...extra };
}

/** Question evidence with every term weighted 1 (as if each were equally rare), none absent. */
export function question(text: string, overrides: Partial<QuestionEvidence> = {}): QuestionEvidence {
  const query = analyseQuery(text, vocabulary);
  return {
    query,
    vocabulary,
    termWeights: new Map(query.terms.map((term) => [term, 1])),
    orderedTerms: vocabulary.normaliser.terms(text),
    asksForPerson: /^who\b/i.test(text),
    asksForPlace: asksForPlace(text),
    specificity: { mean: 1, peak: 1 },
    termSpecificity: new Map(query.terms.map((term) => [term, 1])),
    preambleTerms: new Set(),
    ...overrides,
  };
}

export function windowFrom(
  window: AnswerWindow,
  similarity: Partial<Pick<WindowEvidence, 'windowSimilarity' | 'sentenceSimilarity' | 'wordSimilarity' | 'termImportance'>> = {},
): WindowEvidence {
  const terms = vocabulary.normaliser.terms(window.text);
  return {
    window,
    terms,
    termSet: new Set(terms),
    sentenceTerms: new Set(vocabulary.normaliser.terms(window.sentence)),
    titleTerms: new Set(vocabulary.normaliser.terms(`${window.hit.passage.title}\n${window.hit.passage.heading ?? ''}`)),
    windowSimilarity: similarity.windowSimilarity ?? 0,
    sentenceSimilarity: similarity.sentenceSimilarity ?? 0,
    wordSimilarity: similarity.wordSimilarity ?? new Map(),
    foldedText: foldText(window.text).toLowerCase(),
    foldedTitle: foldText(`${window.hit.passage.title}\n${window.hit.passage.heading ?? ''}`).toLowerCase(),
    termFeatures: new Map(),
    termImportance: similarity.termImportance ?? new Map(),
    listedFigureRank: 0,
  };
}

/** The first window of a one-sentence passage: the whole text. */
export function evidence(text: string, extra: Partial<Passage> = {}, rank = 0): WindowEvidence {
  const hit = { passage: passage(text, extra), score: 1, lexical: 1, semantic: 0.5 };
  return windowFrom(windowsOf(hit, rank)[0] as AnswerWindow);
}
