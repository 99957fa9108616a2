/**
 * Datelines: the line that dates a page ("16 December 2016", "Page last updated at 14:17 GMT,
 * Wednesday, 17 December 2008"). To most questions it is a heading; asked when a piece came out, it
 * is the answer.
 */
import type { AnalysedQuery } from '../search/query.js';
import { MONTH_NAME, foldText } from '../search/text-analysis.js';

/**
 * A line that is a date alone, as a dateline is, with the words that stamp a page around it: "16
 * December 2016", "Date: 29 APR 2015", "April 29, 2015", "Tuesday 15 October 2013 18:36 BST",
 * "Page last updated at 14:17 GMT, Wednesday, 17 December 2008".
 */
export function isDateline(sentence: string): boolean {
  const folded = foldText(sentence);
  if (!DATELINE_DATE.test(folded)) return false;
  return folded.replace(DATELINE_WORDS, '').replace(/[\s,.:;|()–—-]+/g, '') === '';
}

/** A dateline, to a question asking when a piece was published (AnalysedQuery.asksWhenPublished): its answer. */
export function datesThePiece(sentence: string, query: AnalysedQuery): boolean {
  return query.asksWhenPublished && isDateline(sentence);
}

/** A day and month (either order) and a year. */
const DATELINE_DATE = new RegExp(
  String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME}\.?|${MONTH_NAME}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d\d\b`,
  'i',
);

/** What a dateline holds besides its date: weekdays, times and zones, and the words that stamp a page. */
const DATELINE_WORDS = new RegExp(
  String.raw`\b(?:${MONTH_NAME}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d|\d{1,2}[:.]\d\d|gmt|bst|utc|am|pm|page|last|first|updated|published|posted|date|at|on)\b`,
  'gi',
);
