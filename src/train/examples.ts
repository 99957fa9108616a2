/**
 * Training examples: every candidate window of every question of a set, with its signals and
 * whether it answers (it comes from a gold document and holds the gold span).
 */
import type { RankedQuestion } from '../engine/citeline.js';
import { documentName } from '../eval/gold-documents.js';
import { holdsSpan } from '../eval/metrics.js';
import { goldSpans, type EvalQuestion } from '../eval/questions.js';
import { SIGNALS } from '../search/signals/index.js';

export interface WindowExample {
  values: number[];
  /** The window holds a gold span: citing it answers. */
  gold: boolean;
  /** Its best sentence holds the span: leading with it answers. */
  focusGold: boolean;
  passageId: string;
  docId: string;
  text: string;
  sentence: string;
  /** Offsets of `text` in its passage's text, and of `sentence` in `text` (as AnswerWindow keeps them), to grow quotes as replies do. */
  start: number;
  end: number;
  focusStart: number;
  focusEnd: number;
  /** Which of the question's terms (QuestionExample.terms) its best sentence holds, 1 or 0. */
  sentenceHolds: number[];
  /** Its question terms' features for the term importance: an index into QuestionExample.termTables. */
  termTable: number;
}

export interface QuestionExample {
  set: string;
  collection: string;
  id: string;
  kind: string;
  answerable: boolean;
  /** The documents the question is about (none for an unanswerable one): what cross-validation holds out together. */
  documents: string[];
  /** The question's terms, in the order termTables' rows and sentenceHolds follow. */
  terms: string[];
  /** The distinct tables of term features (one row a term) its windows read: one per document and heading. */
  termTables: number[][][];
  /** The gold spans, and the text of each candidate passage by id: a grown quote is scored as a reply's is. */
  spans: { doc: string; answer: string }[];
  passages: Record<string, string>;
  windows: WindowExample[];
}

export const SIGNAL_NAMES = Object.keys(SIGNALS);


export function questionExample(set: { name: string; collection: string }, question: EvalQuestion, ranked: RankedQuestion): QuestionExample {
  const spans = goldSpans(question);
  const terms = [...ranked.question.termWeights.keys()];
  const tables = new Map<ReadonlyMap<string, readonly number[]>, number>();
  const tableOf = (features: ReadonlyMap<string, readonly number[]>) => {
    if (!tables.has(features)) tables.set(features, tables.size);
    return tables.get(features) as number;
  };
  const windows = ranked.ranked.map(({ evidence, values }) => {
    const { window } = evidence;
    return {
      values: SIGNAL_NAMES.map((name) => values[name] ?? 0),
      gold: spans.some((span) => documentName(window.hit.passage.docId) === documentName(span.doc) && holdsSpan(window.text, span.answer)),
      focusGold: spans.some((span) => documentName(window.hit.passage.docId) === documentName(span.doc) && holdsSpan(window.sentence, span.answer)),
      passageId: window.hit.passage.id,
      docId: window.hit.passage.docId,
      text: window.text,
      sentence: window.sentence,
      start: window.start,
      end: window.end,
      focusStart: window.focusStart,
      focusEnd: window.focusEnd,
      sentenceHolds: terms.map((term) => (evidence.sentenceTerms.has(term) ? 1 : 0)),
      termTable: tableOf(evidence.termFeatures),
    };
  });
  return {
    set: set.name,
    collection: set.collection,
    id: question.id,
    kind: question.kind,
    answerable: spans.length > 0,
    documents: spans.map((span) => documentName(span.doc)),
    terms,
    termTables: [...tables.keys()].map((features) => terms.map((term) => [...(features.get(term) ?? [])])),
    spans,
    passages: Object.fromEntries(ranked.ranked.map(({ evidence }) => [evidence.window.hit.passage.id, evidence.window.hit.passage.text])),
    windows,
  };
}
