/**
 * Whether the lines found for a claim state the figures it states. A claim ("apparently 28% were
 * inadequate by 2015") is backed only by lines that state its figures, as written or rounded the way
 * people round them ("1,800" for 1,796, "25.3k" for 25,300, "three" for 3), or near them when the
 * claim hedges ("nearly two thirds" for 62%, "about 200" for 198); lines that only share its subject
 * do not back it, nor a value of another kind (a claimed share by a count, a sum by a day of a date).
 */
import { MONTH_NAME } from '../search/text-analysis.js';
import { statedNumbers, statedValues, type FigureUnit, type StatedValue, type Vocabulary } from '../stats/index.js';

/** How far a hedged figure ("about", "nearly", "~") may be from the one a line states, relative to it. */
const HEDGED_WITHIN = 0.1;
/** How far a share written in words or as odds ("two thirds", "9 in 10") may be, in percentage points. */
const WORDED_SHARE_WITHIN = 5;
/** How far a hedged or rounded share may be, in percentage points ("about 25%" for 23%, not "~98%" for 90%). */
const SHARE_WITHIN_POINTS = 3;

/**
 * What a stated value may be to back a claimed figure of each unit. People drop a currency sign
 * ("a 4.5m overspend") but do not add one, and a share is never backed by a count or a sum.
 */
const BACKED_BY: Record<FigureUnit, readonly StatedValue['unit'][]> = {
  percent: ['percent', 'percentage-points', 'bare'],
  'percentage-points': ['percentage-points', 'percent', 'bare'],
  ratio: ['ratio', 'percent', 'bare'],
  count: ['count', 'measure', 'rate', 'GBP', 'USD', 'EUR', 'bare'],
  measure: ['measure', 'count', 'rate', 'bare'],
  rate: ['rate', 'measure', 'count', 'bare'],
  GBP: ['GBP', 'bare'],
  USD: ['USD', 'bare'],
  EUR: ['EUR', 'bare'],
};

const HEDGE_BEFORE = /(?:~|\b(?:about|around|roughly|nearly|almost|approximately|approx\.?|some|over|under|more than|less than|fewer than|up to|just over|just under|close to|getting on for))\s*$/i;
/** "Sept 24", "Aug 23": a month and a year written short, not a figure. */
const MONTH_BEFORE = new RegExp(`\\b${MONTH_NAME}\\.?\\s*$`, 'i');
/** "per 100k": a rate's base, not a figure of its own. */
const PER_BEFORE = /\bper\s*$/i;
/** "under-18", "over-65s", "aged 10": an age naming who is counted, not a figure. */
const AGE_BEFORE = /\b(?:(?:under|over)-|aged?\s+)$/i;
const AGE_GROUP_AFTER = /^s\b/;
/** "a one-word rating", "a 12-month plan": a number joined to the word after it describes, it is no figure. */
const COMPOUND_AFTER = /^-(?!odd\b)[a-z]/i;
/** "Q2", "quarter 3": a quarter's number. */
const QUARTER_BEFORE = /\b(?:q|quarter\s+)$/i;
/** "24/25", "2014-15": the second year of a year of account, after the first. */
const YEAR_OF_ACCOUNT_BEFORE = /\b(?:\d{2}|\d{4})\s?[/–-]\s?$/;

interface ClaimedFigure {
  value: number;
  unit: FigureUnit;
  written: string;
  hedged: boolean;
  /** A share written in words or as odds. */
  worded: boolean;
}

/** A claim's figures, read once, to be looked for in any number of texts. */
export class ClaimFigures {
  private readonly figures: ClaimedFigure[];

  constructor(
    claim: string,
    private readonly vocabulary: Vocabulary,
  ) {
    this.figures = claimedFigures(claim, vocabulary);
  }

  /** The claim's figures, as it writes them. */
  get claimed(): string[] {
    return this.figures.map((figure) => figure.written);
  }

  /** Those of the claim's figures that none of the texts states. */
  unstated(texts: readonly string[]): string[] {
    const stated = this.figures.length === 0 ? [] : texts.flatMap((text) => statedValues(text, this.vocabulary));
    return this.figures.filter((figure) => !stated.some((value) => backs(value, figure))).map((figure) => figure.written);
  }
}

/** The claim's figures, as it writes them, and those of them that none of the texts states. */
export function claimFigures(claim: string, texts: readonly string[], vocabulary: Vocabulary): { claimed: string[]; unstated: string[] } {
  const figures = new ClaimFigures(claim, vocabulary);
  return { claimed: figures.claimed, unstated: figures.unstated(texts) };
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
    const after = claim.slice(n.start + n.written.length);
    const age = AGE_BEFORE.test(before) || AGE_GROUP_AFTER.test(after);
    if (MONTH_BEFORE.test(before) || PER_BEFORE.test(before) || age || COMPOUND_AFTER.test(after)) return [];
    if (QUARTER_BEFORE.test(before) || isYearOfAccount(before, n.value)) return [];
    const worded = n.unit === 'percent' && !/%|per\s?cent/i.test(n.written);
    return [{ value: n.value, unit: n.unit, written: n.written, hedged: HEDGE_BEFORE.test(before), worded }];
  });
}

/** Whether a number is the second year of a year of account ("in 24/25": 25 after 24), not a figure. */
function isYearOfAccount(before: string, value: number): boolean {
  const first = YEAR_OF_ACCOUNT_BEFORE.exec(before)?.[0].match(/\d+/)?.[0];
  return first !== undefined && (Number(first) + 1) % 100 === value % 100;
}

function backs(stated: StatedValue, figure: ClaimedFigure): boolean {
  if (!BACKED_BY[figure.unit].includes(stated.unit)) return false;
  const { value } = stated;
  if (nearlyEqual(value, figure.value)) return true;
  const off = Math.abs(value - figure.value);
  if (figure.worded) return off <= WORDED_SHARE_WITHIN;
  // A hedge allows a tenth either way, and rounding no more than that ("2,000" is not 1,550).
  const within = figure.unit === 'percent' ? Math.min(SHARE_WITHIN_POINTS, HEDGED_WITHIN * Math.abs(value)) : HEDGED_WITHIN * Math.abs(value);
  if (off > within) return false;
  return figure.hedged || nearlyEqual(figure.value, roundToSignificant(value, significantDigits(figure.written)));
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
