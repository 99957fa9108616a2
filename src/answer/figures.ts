/** Figures as a reader spots them in a sentence: percentages, sums of money, plain numbers. */
import { MONTH_NAME, foldText } from '../search/text-analysis.js';

export interface FigureMention {
  text: string;
  kind: 'percent' | 'money' | 'number';
  /** The amount as written, without its unit or multiplier: 28 for "28%", 30 for "£30m". */
  value: number;
}

const FIGURE = /£\s?\d[\d,]*(?:\.\d+)?\s?(?:million|billion|bn|m|k)?\b|\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b)|\b\d[\d,]*(?:\.\d+)?\b/gi;

export function findFigures(sentence: string): FigureMention[] {
  const folded = foldText(sentence);
  const mentions: FigureMention[] = [];
  for (const match of folded.matchAll(FIGURE)) {
    const text = match[0].trim();
    const value = Number(/\d[\d,]*(?:\.\d+)?/.exec(text)![0].replace(/,/g, ''));
    if (text.startsWith('£')) mentions.push({ text, kind: 'money', value });
    else if (/%|per ?cent/i.test(text)) mentions.push({ text, kind: 'percent', value });
    else if (!/^(19|20)\d\d$/.test(text) && !partOfDate(folded, match.index, match.index + match[0].length)) mentions.push({ text, kind: 'number', value });
  }
  return mentions;
}

// A month's name, not any word that starts like one ("12 declined" is no date in December).
const MONTH_AFTER = new RegExp(String.raw`^\s+${MONTH_NAME}\b`, 'i');
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH_NAME}\.?\s+$`, 'i');

/** The day of a date ("31 March 2024", "August 31") or the second half of a split year ("2013-14"): no count. */
function partOfDate(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/(?:19|20)\d\d\s?[/-]\s?$/.test(before)) return true;
  return Number(text.slice(start, end)) <= 31 && (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before));
}

/** Numbers small enough to be written as words, and words that state a share of a whole. */
const SMALL_NUMBERS = 'one|two|three|four|five|six|seven|eight|nine|ten';
const TEENS_AND_TENS = 'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SHARE_WORDS = 'half|halves|halved|thirds?|quarters?|fifths?|tenths?|none|majority|minority|most|all|every';

/** Words that state a quantity without a digit: "seven councils", "three quarters", "none were", "half". */
const QUANTITY_WORD = new RegExp(
  String.raw`\b(?:${SMALL_NUMBERS}|${TEENS_AND_TENS}|hundreds?|thousands?|millions?|billions?|dozens?|${SHARE_WORDS}|doubled?|tripled?|twice|times|single)\b`,
  'i',
);

/**
 * Words that count without a digit: "eight councils", "rose to eight", "a dozen", "half", "a third
 * of", "none". Not "one", which is as often a pronoun ("one of the councils"); nor "all", "every"
 * or "most", which nearly every sentence says; nor an ordinal ("the third time", "twenty-first"),
 * a change ("doubled", "three times") or a length of time ("in two years", "two to three weeks").
 */
const COUNT_WORD = new RegExp(
  String.raw`\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|${TEENS_AND_TENS}|hundreds?|thousands?|dozens?)(?!-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)|half|halves|none|majority|minority)\b(?![\s-]+(?:(?:to|or|and)\s+\w+\s+)?(?:times|hours?|days?|weeks?|months?|quarters?|years?|decades?)\b)|\b(?:a|one|two|three)\s+(?:thirds?|quarters?|fifths?|tenths?)\s+of\b`,
  'gi',
);

/**
 * The counts a text states in words ("rose to eight"), as figure mentions of kind 'number' whose value
 * is not read (NaN): findFigures reads digits only, and what matters here is that a count is stated.
 */
export function countWordsIn(text: string): FigureMention[] {
  return [...text.matchAll(COUNT_WORD)].map((match) => ({ text: match[0], kind: 'number' as const, value: NaN }));
}

/**
 * Whether a text states how many: a number other than a year, a percentage or a sum (findFigures),
 * or a count in words. What "how many councils ...?" asks for; "the number doubled" says how it
 * changed, not how many there were, and "30% were inadequate" how large a share.
 */
export function statesCount(text: string): boolean {
  return findFigures(text).some((figure) => figure.kind === 'number') || countWordsIn(text).length > 0;
}

/** Whether a text states a quantity: a figure other than a year, or a number or quantity word. */
export function statesQuantity(text: string): boolean {
  return findFigures(text).length > 0 || QUANTITY_WORD.test(text);
}

/** Words that state a share without a digit: "half", "two thirds", "one in seven", "most", "none". */
const SHARE_WORD = new RegExp(String.raw`\b(?:${SHARE_WORDS}|(?:${SMALL_NUMBERS}|\d+) (?:in|out of) (?:\w+))\b`, 'i');
/** Whether a text states a share in words ("half improving", "one in seven"), which findFigures leaves out. */
export function statesShareInWords(text: string): boolean {
  return SHARE_WORD.test(text);
}

/** "10 of 43": a count out of a whole is a share too. */
const COUNT_OF_WHOLE = /\b\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*\b/;

/** Whether a text states a share: a percentage, a fraction or share in words, or a count out of a whole. */
export function statesShare(text: string): boolean {
  return findFigures(text).some((figure) => figure.kind === 'percent') || statesShareInWords(text) || COUNT_OF_WHOLE.test(foldText(text));
}

/** Whether a text states a sum of money: "£30m", "£340 per child", "30 million pounds". */
export function statesMoney(text: string): boolean {
  return findFigures(text).some((figure) => figure.kind === 'money') || /\b(?:pounds?|million|billion|bn)\b/i.test(text);
}
