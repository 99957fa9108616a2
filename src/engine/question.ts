/** Questions as people type them: tidied for search, and follow-ups read with the question before. */
import { yearsIn } from '../search/text-analysis.js';

/** The longest question searched; beyond this a question is a pasted document, and its start is what matters. */
export const MAX_QUESTION_CHARS = 2000;

/** Drops control characters and Slack markup, folds white space, keeps at most MAX_QUESTION_CHARS. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<[@#!][^>]*>/g, ' ') // <@U123>, <#C123|name>, <!channel>
    .replace(/<(https?:[^|>]+)\|([^>]*)>/g, '$2') // <url|label> -> label
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/**
 * "18/19", "'17-18": a financial or academic year as people type it, spelled out as the reports
 * write it ("2018/19"), so that it is read as a year rather than two numbers. Only consecutive years
 * from 2000 to 2039, and never part of a longer number, a date or a percentage.
 */
const SHORT_SPLIT_YEAR = /(?<![\d/.,£$-])'?(\d\d)\s?[/-]\s?(\d\d)(?![\d/%]|[.,]\d|\s?per ?cent)/g;

export function spellOutShortYears(question: string): string {
  return question.replace(SHORT_SPLIT_YEAR, (written, first: string, second: string) =>
    Number(first) <= 39 && Number(second) === Number(first) + 1 ? `20${first}/${second}` : written,
  );
}

/** "and in 2019?" after "what share were inadequate in 2015?" means the same question for 2019. */
export function isFollowUp(question: string): boolean {
  const words = question.split(/\s+/).filter(Boolean);
  return words.length <= 5 || /^(and|what about|how about|same for|but|or)\b/i.test(question);
}

export function mergeFollowUp(previous: string, current: string): string {
  if (!previous || !isFollowUp(current)) return current;
  // The new question's year replaces the old one's; the rest of the old question carries over.
  const previousWithoutYears = yearsIn(current).length > 0 ? stripYears(previous) : previous;
  return `${previousWithoutYears} ${current}`.replace(/\s+/g, ' ').trim();
}

function stripYears(text: string): string {
  return text.replace(/\b(?:19|20)\d\d(?:\s?[/-–]\s?(?:19|20)?\d\d)?\b/g, ' ');
}
