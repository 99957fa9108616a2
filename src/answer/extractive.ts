/**
 * The extractive reply: the ranked windows become the lead (the best window's sentence) and the
 * citations (each passage once, best window first), with the ranker's confidence; when the
 * probability that the reports answer at all falls below the threshold, the reply declines and shows
 * the closest extracts as such. No language model.
 */
import type { AnalysedQuery } from '../search/query.js';
import type { RankedWindow } from '../search/ranker.js';
import { round } from '../util/round.js';
import { findFigures } from './figures.js';
import { citationLocation } from './location.js';
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
  const chosen = onePerPassage(ranked, settings.maxCitations);
  const best = chosen[0];
  const answered = best !== undefined && answerable >= settings.declineBelow;
  return {
    question: query.text,
    answered,
    answer: answered && best ? best.evidence.window.sentence : settings.noAnswerText,
    // The best window cannot answer more surely than the reports answer at all.
    confidence: round(Math.min(confidence, answerable), 3),
    citations: chosen.map((item) => toCitation(item, query)),
  };
}

/**
 * The best window of each passage, best first, skipping a window whose sentence another chosen
 * extract already quotes (neighbouring passages share a sentence).
 */
export function onePerPassage<T extends Pick<RankedWindow, 'evidence'>>(ranked: readonly T[], limit: number): T[] {
  const chosen: T[] = [];
  const passages = new Set<string>();
  for (const item of ranked) {
    if (chosen.length >= limit) break;
    const { window } = item.evidence;
    if (passages.has(window.hit.passage.id)) continue;
    if (chosen.some((other) => other.evidence.window.hit.passage.docId === window.hit.passage.docId && other.evidence.window.text.includes(window.sentence))) continue;
    passages.add(window.hit.passage.id);
    chosen.push(item);
  }
  return chosen;
}

function toCitation(item: RankedWindow, query: AnalysedQuery): Citation {
  const { window } = item.evidence;
  const { passage } = window.hit;
  const wholeIsFocus = window.focusStart === 0 && window.focusEnd === window.text.length;
  return {
    passageId: passage.id,
    docId: passage.docId,
    title: passage.title,
    source: passage.source,
    location: citationLocation(passage),
    extract: window.text,
    ...(wholeIsFocus ? {} : { focus: { start: window.focusStart, end: window.focusEnd } }),
    ...(passage.page !== undefined ? { page: passage.page } : {}),
    score: round(item.score, 3),
    figures: figuresAsked(window.sentence, query),
  };
}

/** The figures of the kind the question asks for in the best sentence, for renderers to pick out. */
function figuresAsked(sentence: string, query: AnalysedQuery): string[] {
  const { percent, count, money } = query.asksFor;
  return findFigures(sentence)
    .filter((f) => (percent && f.kind === 'percent') || (money && f.kind === 'money') || (count && f.kind === 'number'))
    .map((f) => f.text);
}
