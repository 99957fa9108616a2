/**
 * Whether the lines found for a claim state the figures it states. A claim ("apparently 28% were
 * inadequate by 2015") is backed only by lines that state its figures, as written or rounded the way
 * people round them ("1,800" for 1,796, "25.3k" for 25,300, "three" for 3), or near them when the
 * claim hedges ("nearly two thirds" for 62%, "about 200" for 198); lines that only share its subject
 * do not back it.
 */
import { MONTH_NAME } from '../search/text-analysis.js';
import { numeralValues, statedNumbers, type Vocabulary } from '../stats/index.js';

/** How far a hedged figure ("about", "nearly", "~") may be from the one a line states, relative to it. */
const HEDGED_WITHIN = 0.1;
/** How far a share written in words or as odds ("two thirds", "9 in 10") may be, in percentage points. */
const WORDED_SHARE_WITHIN = 5;

const HEDGE_BEFORE = /(?:~|\b(?:about|around|roughly|nearly|almost|approximately|approx\.?|some|over|under|more than|less than|fewer than|up to|just over|just under|close to|getting on for))\s*$/i;
/** "Sept 24", "Aug 23": a month and a year written short, not a figure. */
const MONTH_BEFORE = new RegExp(`\\b${MONTH_NAME}\\.?\\s*$`, 'i');
/** "per 100k": a rate's base, not a figure of its own. */
const PER_BEFORE = /\bper\s*$/i;

interface ClaimedFigure {
  value: number;
  written: string;
  hedged: boolean;
  /** A share written in words or as odds. */
  worded: boolean;
}

/** The claim's figures, as it writes them, and those of them that none of the texts states. */
export function claimFigures(claim: string, texts: readonly string[], vocabulary: Vocabulary): { claimed: string[]; unstated: string[] } {
  const claimed = claimedFigures(claim, vocabulary);
  const stated = claimed.length === 0 ? [] : texts.flatMap((text) => statedValues(text, vocabulary));
  return { claimed: claimed.map((figure) => figure.written), unstated: claimed.filter((figure) => !stated.some((value) => backs(value, figure))).map((figure) => figure.written) };
}

/**
 * Whether lines stating at least half the claim's figures were found (a claim stating none is not
 * judged by its figures). Not all: a claim adds figures of its own reckoning ("nearly doubled in 2
 * years" from "2023/24 to 2025/26").
 */
export function figuresBacked(claim: string, texts: readonly string[], vocabulary: Vocabulary): boolean {
  const { claimed, unstated } = claimFigures(claim, texts, vocabulary);
  return 2 * unstated.length <= claimed.length;
}

function claimedFigures(claim: string, vocabulary: Vocabulary): ClaimedFigure[] {
  return statedNumbers(claim, vocabulary).flatMap((n) => {
    const before = claim.slice(0, n.start);
    if (MONTH_BEFORE.test(before) || PER_BEFORE.test(before)) return [];
    const worded = n.unit === 'percent' && !/%|per\s?cent/i.test(n.written);
    return [{ value: n.value, written: n.written, hedged: HEDGE_BEFORE.test(before), worded }];
  });
}

/** Every value a line states: its figures as the statistics read them (with a share's base), and every numeral. */
function statedValues(text: string, vocabulary: Vocabulary): number[] {
  const figures = statedNumbers(text, vocabulary).flatMap((n) => (n.outOf === undefined ? [n.value] : [n.value, n.outOf]));
  return [...figures, ...numeralValues(text, vocabulary)];
}

function backs(value: number, figure: ClaimedFigure): boolean {
  if (nearlyEqual(value, figure.value)) return true;
  if (figure.worded) return Math.abs(value - figure.value) <= WORDED_SHARE_WITHIN;
  if (figure.hedged && Math.abs(value - figure.value) <= HEDGED_WITHIN * Math.abs(value)) return true;
  return nearlyEqual(figure.value, roundToSignificant(value, significantDigits(figure.written)));
}

/** "1,800" -> 2, "16.3" -> 3, "25.3k" -> 3, "300" -> 1. */
function significantDigits(written: string): number {
  const [whole = '', fraction = ''] = written.replace(/[^\d.]/g, '').split('.');
  const leading = whole.replace(/^0+/, '');
  if (fraction) return Math.max(1, (leading + fraction).replace(/^0+/, '').length);
  return Math.max(1, leading.replace(/0+$/, '').length);
}

function roundToSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const scale = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
