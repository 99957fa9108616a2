/**
 * The extractive reply: the ranked windows become the lead (the best window's sentence) and the
 * citations (each passage once, citations.ts), with the ranker's confidence; when the
 * probability that the reports answer at all falls below the threshold, the reply declines and shows
 * the closest extracts as such. No language model.
 */
import type { AnalysedQuery } from '../search/query.js';
import type { RankedWindow } from '../search/ranker.js';
import type { AnswerWindow } from '../search/windows.js';
import { round } from '../util/round.js';
import { chooseCitations, type ChosenCitation, type CitableWindow } from './citations.js';
import { findFigures } from './figures.js';
import { citationLocation } from './location.js';
import { quoteSpan } from './quote-span.js';
import type { Citation, Reply } from './types.js';

export interface ExtractiveSettings {
  maxCitations: number;
  /** Below this probability that the reports answer, the reply declines. */
  declineBelow: number;
  noAnswerText: string;
}

/** What the ranker's models say of a question's ranked windows. */
export interface RankedBelief {
  /** The probability that the best window answers: the confidence shown. */
  confidence: number;
  /** The probability that the reports answer the question at all: what declining reads. */
  answerable: number;
}

export function extractiveReply(query: AnalysedQuery, ranked: readonly RankedWindow[], { confidence, answerable }: RankedBelief, settings: ExtractiveSettings): Reply {
  const chosen = chooseCitations(ranked, settings.maxCitations, citable);
  // Every window with its score: the sentences each quote may grow by (quote-span.ts).
  const neighbours = ranked.map((item) => ({ window: item.evidence.window, score: item.score }));
  const best = chosen[0]?.quoted;
  const answered = best !== undefined && answerable >= settings.declineBelow;
  return {
    question: query.text,
    answered,
    answer: answered && best ? leadOf(best) : settings.noAnswerText,
    // The best window cannot answer more surely than the reports answer at all.
    confidence: round(Math.min(confidence, answerable), 3),
    citations: chosen.map((item) => toCitation(item, query, neighbours)),
  };
}

/** The best sentence; for a table (or the one it introduces), the row that answers under its header line. */
function leadOf({ evidence }: RankedWindow): string {
  const line = markedText(evidence);
  const header = evidence.focusRow?.header;
  if (!header) return line;
  return `${'line' in header ? header.line : windowSlice(evidence.window, header)}\n${line}`;
}

/** What a window marks: its best sentence, or a table's answering row. */
function markedText({ window, focusRow }: Pick<RankedWindow['evidence'], 'window' | 'focusRow'>): string {
  return focusRow ? windowSlice(window, focusRow) : window.sentence;
}

/** Text of the window at offsets from its best sentence's start (where a table's rows are read from). */
function windowSlice(window: AnswerWindow, { start, end }: { start: number; end: number }): string {
  return window.text.slice(window.focusStart + start, window.focusStart + end);
}

/** What choosing citations reads of a ranked window. */
function citable(item: RankedWindow): CitableWindow {
  const { window } = item.evidence;
  return { passageId: window.hit.passage.id, docId: window.hit.passage.docId, text: window.text, sentence: window.sentence, score: item.score };
}

function toCitation({ quoted, focus }: ChosenCitation<RankedWindow>, query: AnalysedQuery, neighbours: readonly { window: AnswerWindow; score: number }[]): Citation {
  const { window } = quoted.evidence;
  const { passage } = window.hit;
  const marked = focus.evidence.window;
  const span = quoteSpan(window, neighbours);
  const extract = passage.text.slice(span.start, span.end);
  // The marked sentence's offsets (a table's answering row's), from the passage's into the quote's.
  const row = focus.evidence.focusRow;
  const sentenceStart = marked.start + marked.focusStart - span.start;
  const [focusStart, focusEnd] = row ? [sentenceStart + row.start, sentenceStart + row.end] : [sentenceStart, marked.start + marked.focusEnd - span.start];
  const wholeIsFocus = focusStart === 0 && focusEnd === extract.length;
  return {
    passageId: passage.id,
    docId: passage.docId,
    title: passage.title,
    source: passage.source,
    location: citationLocation(passage),
    extract,
    ...(wholeIsFocus ? {} : { focus: { start: focusStart, end: focusEnd } }),
    ...(passage.page !== undefined ? { page: passage.page } : {}),
    score: round(quoted.score, 3),
    figures: figuresAsked(markedText(focus.evidence), query),
  };
}

/** The figures of the kind the question asks for in the best sentence, for renderers to pick out. */
function figuresAsked(sentence: string, query: AnalysedQuery): string[] {
  const { percent, count, money } = query.asksFor;
  return findFigures(sentence)
    .filter((f) => (percent && f.kind === 'percent') || (money && f.kind === 'money') || (count && f.kind === 'number'))
    .map((f) => f.text);
}
