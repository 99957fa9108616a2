/** Finds the numbers in a sentence that could be figures: shares, sums of money, ratios and counts. */
import type { FigureUnit } from './types.js';
import { DIGITS, PER_BASE, type NumberPatterns } from './number-patterns.js';
import { MONTH_NAME } from '../search/text-analysis.js';
import { findPeriods } from './periods.js';
import { isYear } from './year-patterns.js';
import { foldQuotes, type Vocabulary } from './vocabulary.js';
import { round } from '../util/round.js';

export interface NumberMention {
  start: number;
  end: number;
  value: number;
  unit: FigureUnit;
  per?: string;
  outOf?: number;
  /** Counts need a counted thing or a grade beside them before they are kept as figures. */
  needsContext: boolean;
}

interface Span {
  start: number;
  end: number;
}

const AMOUNT = new RegExp(`(${DIGITS})\\s?([a-z]+)?`, 'i');
const BASE_AFTER_SHARE = /^\s+of\s+(?:the\s+)?(\d+(?:,\d{3})*)(?![\d,.]*\d|\s?%|\s?per)/i;

/** The numbers a text states as figures, years and dates left out, each with its value and as written (a claim's figures, a line's). */
export function statedNumbers(text: string, vocabulary: Vocabulary): { value: number; unit: FigureUnit; written: string; start: number; outOf?: number }[] {
  return figuresOutsidePeriods(text, vocabulary).figures.map((n) => ({ value: n.value, unit: n.unit, written: text.slice(n.start, n.end), start: n.start, ...(n.outOf !== undefined ? { outOf: n.outOf } : {}) }));
}

/** A text's periods, and its figures outside them (a year or a date is no figure). */
function figuresOutsidePeriods(text: string, vocabulary: Vocabulary): { periods: Span[]; figures: NumberMention[] } {
  const periods = findPeriods(text, vocabulary);
  return { periods, figures: findNumbers(text, vocabulary, periods) };
}

/** Whether a text holds a digit, a number word or a fraction: most sentences do not, and need no further reading. */
export function mayHoldNumber(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.numberPatterns.any.test(text);
}

export function findNumbers(text: string, vocabulary: Vocabulary, taken: Span[] = []): NumberMention[] {
  const patterns = vocabulary.numberPatterns;
  if (!patterns.any.test(text)) return [];
  const plain = foldQuotes(text);
  const found: NumberMention[] = [];
  const occupied = [...taken];
  const add = (mention: NumberMention) => {
    if (occupied.some((s) => mention.start < s.end && mention.end > s.start)) return;
    found.push(mention);
    occupied.push(mention);
  };
  const units = vocabulary.data.units;

  // Ratios first, so their amounts are not read again as sums of money.
  for (const m of plain.matchAll(patterns.ratio)) {
    const first = readAmount(m[1]!, vocabulary);
    const second = readAmount(m[3]!, vocabulary);
    if (first > 0) add({ start: m.index, end: m.index + m[0].length, value: second / first, unit: 'ratio', needsContext: false });
  }

  for (const m of plain.matchAll(patterns.money)) {
    const symbol = Object.keys(units.currencies).find((c) => m[1]!.startsWith(c))!;
    // "£173m a year" and "£340 per child" are rates; "£4 on reactive work" is not, whatever follows "a".
    const isRate = m[3] !== undefined && (m[3].toLowerCase() === 'per' || /^(?:year|annum|month|week|day)$/i.test(m[4]!));
    const length = isRate ? m[0].length : m[1]!.length + (m[2]?.length ?? 0);
    add({
      start: m.index,
      end: m.index + length,
      value: readAmount(m[1]!, vocabulary),
      unit: units.currencies[symbol] as FigureUnit,
      ...(isRate ? { per: m[4]! } : {}),
      needsContext: false,
    });
  }

  // "8.1 per 10,000 children": a rate on a round base, read before the base could pass for a count.
  for (const m of plain.matchAll(patterns.rate)) {
    const per = ratePer(m[2]!, plain.slice(m.index + m[0].length), vocabulary);
    if (per) add({ start: m.index, end: m.index + m[0].length, value: readNumber(m[1]!, vocabulary), unit: 'rate', per, needsContext: false });
  }

  for (const m of plain.matchAll(patterns.percentagePoints)) {
    add({ start: m.index, end: m.index + m[0].length, value: readNumber(m[1]!, vocabulary), unit: 'percentage-points', needsContext: false });
  }
  for (const m of plain.matchAll(patterns.percent)) {
    // "24% of the 87": the base belongs to the share, not a count of its own.
    const base = BASE_AFTER_SHARE.exec(plain.slice(m.index + m[0].length));
    const outOf = base && !isYear(base[1]!) ? readNumber(base[1]!, vocabulary) : undefined;
    add({
      start: m.index,
      end: m.index + m[0].length + (outOf !== undefined ? base![0].length : 0),
      value: readNumber(m[1]!, vocabulary),
      unit: 'percent',
      ...(outOf !== undefined ? { outOf } : {}),
      needsContext: false,
    });
  }

  // "four in 10", "1 in 5": a share written as odds.
  for (const m of plain.matchAll(patterns.odds)) {
    const part = readNumber(m[1]!, vocabulary);
    const whole = readNumber(m[2]!, vocabulary);
    if (whole > 1 && whole <= 100 && part > 0 && part < whole) {
      add({ start: m.index, end: m.index + m[0].length, value: round((part / whole) * 100, 3), unit: 'percent', needsContext: false });
    }
  }
  // "three quarters of", "a quarter of".
  for (const m of plain.matchAll(patterns.fraction)) {
    const value = vocabulary.fractions.get(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    if (value !== undefined) add({ start: m.index, end: m.index + m[1]!.length, value, unit: 'percent', needsContext: false });
  }

  // "10 of 43", "26 out of 152".
  for (const m of plain.matchAll(patterns.partOf)) {
    const part = readNumber(m[1]!, vocabulary);
    const whole = readNumber(m[2]!, vocabulary);
    if (whole >= part && !isYear(m[2]!)) add({ start: m.index, end: m.index + m[0].length, value: part, unit: 'count', outOf: whole, needsContext: false });
  }
  // Plain counts: "20 local authorities", "605,100", "seven", "12 million children".
  for (const m of plain.matchAll(patterns.count)) {
    if (isYear(m[0]) || isNumbering(plain, m.index, m[0])) continue;
    const after = plain.slice(m.index + m[0].length);
    // "£4", "1.2.3", "2024-25" and ordinals ("the 15th rise") are not counts.
    if (/^[£$€\d.,]/.test(plain[m.index - 1] ?? '') || /^[\d/-]\d/.test(after) || ORDINAL_SUFFIX.test(after)) continue;
    const measured = !m[2] && isMeasured(plain, m.index, m.index + m[0].length, patterns);
    // "2.1" without "million" is a section number, not a count, unless a measure leads to it.
    if (!m[2] && /\./.test(m[1]!) && !measured) continue;
    const multiplier = m[2] ? (units.multipliers[m[2].toLowerCase()] ?? 1) : 1;
    add({
      start: m.index,
      end: m.index + m[0].length,
      value: round(readNumber(m[1]!, vocabulary) * multiplier, 3),
      unit: measured ? 'measure' : 'count',
      needsContext: !measured,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * What a bare amount in a table is, by the label and column it stands under: a rate when they name
 * a round base ("First-time entrants per 100,000 children"), a measure when they name one ("Average
 * reoffences") or it has a decimal, else a count.
 */
export function unitByLabel(label: string, amount: string, vocabulary: Vocabulary): Pick<NumberMention, 'unit' | 'per'> {
  const plain = foldQuotes(label);
  for (const m of plain.matchAll(RATE_BASE)) {
    const per = ratePer(m[1]!, plain.slice(m.index + m[0].length), vocabulary);
    if (per) return { unit: 'rate', per };
  }
  return { unit: amount.includes('.') || vocabulary.numberPatterns.measure.test(plain) ? 'measure' : 'count' };
}

/**
 * What a rate is per, from its base as written ("10,000", "thousand") and the words after it: "10,000
 * children". Undefined when the base is not a round one (100, 1,000, 10,000...): "per 12 weeks".
 */
function ratePer(base: string, after: string, vocabulary: Vocabulary): string | undefined {
  const value = /\d/.test(base) ? readNumber(base, vocabulary) : (vocabulary.data.units.multipliers[base.toLowerCase()] ?? 0);
  if (value < 100 || !Number.isInteger(Math.log10(value))) return undefined;
  return `${base}${RATE_SUBJECT.exec(after)![0]}`.trim();
}

/** "per 10,000" in a label: the base a rate is on. */
const RATE_BASE = new RegExp(`\\b${PER_BASE}`, 'gi');

/** How far before a bare value the measure naming it may stand, within its clause. */
const MEASURE_REACH = 90;
/** The words a measure leads to its value by: "was 16.9", "an average of 12", "rose from 16.2 to 17.4". */
const MEASURE_LINK = /\b(?:was|were|is|are|of|at|to|from|by|averaged|averages|reached)\s+$/i;
/** "at 30 September": a day of a date, not a value. */
const MONTH_AFTER = new RegExp(`^\\s+${MONTH_NAME}\\.?(?!\\w)`, 'i');
/** "a rate of 5 to 10 per cent": the low end of a range of shares, read with the share. */
const SHARE_RANGE_AFTER = /^\s*(?:to|-|–)\s*\d[\d.,]*\s*(?:%|per\s*cent|percent)/i;
/** "aged 15 to 44": the top of an age band. */
const AGES_BEFORE = /\bage[ds]?\s+\d+\s*(?:to|-|–)\s*$/i;
/** A rate's subject, after its base: up to three words ("10,000 children", "1,000 population"). */
const RATE_SUBJECT = /^(?:\s+[a-z][\w'-]*){0,3}/i;

/**
 * "The average caseload ... was 16.9": a bare number (digits) that a linking word joins to a measure
 * word earlier in its clause is that measure's value; a whole number a counted thing follows ("an
 * average of 12 councils") stays a count.
 */
function isMeasured(plain: string, start: number, end: number, patterns: NumberPatterns): boolean {
  if (!/^\d/.test(plain.slice(start, end))) return false;
  const before = plain.slice(Math.max(0, start - MEASURE_REACH), start);
  const after = plain.slice(end);
  if (!MEASURE_LINK.test(before) || MONTH_AFTER.test(after) || SHARE_RANGE_AFTER.test(after) || AGES_BEFORE.test(before)) return false;
  // A whole number of things is a count; a decimal one ("an average of 16.9 cases") is not.
  if (!plain.slice(start, end).includes('.') && patterns.countedAfter.test(after)) return false;
  const clause = before.split(/[;!?]|[.:](?=\s)/).at(-1)!;
  return patterns.measure.test(clause);
}

/** A value a text states: a figure with its unit, or a bare numeral read as no figure (a table cell, "Key Stage 4"). */
export interface StatedValue {
  value: number;
  unit: FigureUnit | 'bare';
}

/**
 * Every value a text states, years, dates and ordinals ("15th") left out: its figures with their
 * units (a share's base as a count), then every other numeral with its multiplier ("25.3k"), bare.
 */
export function statedValues(text: string, vocabulary: Vocabulary): StatedValue[] {
  const { periods, figures } = figuresOutsidePeriods(text, vocabulary);
  const values: StatedValue[] = figures.flatMap((n) => [{ value: n.value, unit: n.unit }, ...(n.outOf === undefined ? [] : [{ value: n.outOf, unit: 'count' as const }])]);
  // A ratio's amounts are values too ("for every £1 ... £4" states £1 and £4).
  const taken: Span[] = [...periods, ...figures.filter((n) => n.unit !== 'ratio')];
  const plain = foldQuotes(text);
  for (const m of plain.matchAll(NUMERALS)) {
    const end = m.index + m[1]!.length;
    if (taken.some((span) => m.index < span.end && end > span.start) || (m[2] !== undefined && ORDINAL_SUFFIX.test(m[2]))) continue;
    // A paragraph's or a section's number counts nothing, as findNumbers reads it.
    if (isNumbering(plain, m.index, m[1]!)) continue;
    const value = readAmount(m[0], vocabulary);
    if (Number.isFinite(value)) values.push({ value, unit: 'bare' });
  }
  return values;
}

const NUMERALS = new RegExp(AMOUNT.source, 'gi');
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/i;

/** "£30million" -> 30000000, "£2,300" -> 2300, "£1" -> 1. */
export function readAmount(text: string, vocabulary: Vocabulary): number {
  const m = AMOUNT.exec(text);
  if (!m) return Number.NaN;
  const multiplier = m[2] ? (vocabulary.data.units.multipliers[m[2].toLowerCase()] ?? 1) : 1;
  return round(Number(m[1]!.replace(/,/g, '')) * multiplier, 3);
}

export function readNumber(text: string, vocabulary: Vocabulary): number {
  const word = vocabulary.numberWords.get(text.toLowerCase().replace(/\s+/g, ' '));
  if (word !== undefined) return word;
  return Number(text.replace(/,/g, ''));
}

/** Whether the number written at `index` numbers a heading, a paragraph or a part of a text or a law. */
function isNumbering(plain: string, index: number, written: string): boolean {
  return looksLikeHeadingNumber(plain, index, written) || NUMBERED_LABEL.test(plain.slice(Math.max(0, index - 16), index));
}

/** "section 20 of the Act", "paragraph 4", "table 2": the number of a part of a text or a law, counting nothing. */
const NUMBERED_LABEL = /\b(?:section|s\.|paragraph|para|chapter|table|figure|annex|appendix|part|clause|schedule|regulation|article|recommendation)\s+$/i;

/**
 * "1. Introduction", "2.1 Adoption": numbering, not figures. Opening a text (before anything but a
 * word in lower case), or (as a numbered
 * paragraph in a run of them: "...interests. 29. No child") a sentence, before a capital.
 */
function looksLikeHeadingNumber(plain: string, index: number, text: string): boolean {
  if (!/^\d+(?:\.\d+)*$/.test(text)) return false;
  const before = plain.slice(0, index);
  const after = plain.slice(index + text.length);
  // "511 children were ...": a number opening a sentence before a word in lower case counts it.
  if (before.trim() === '') return /^\.?\s+(?![a-z])/.test(after);
  return SENTENCE_ENDED.test(before) && /^\.?\s+[A-Z]/.test(after);
}

const SENTENCE_ENDED = /(?:[.!?]["'’”)]?\s+|\n\s*)$/;
