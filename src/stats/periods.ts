/** Finds the periods a sentence names: years, financial/academic years, quarters, dates, seasons and relative words. */
import { findCalendarDates, lastDayOfMonth, type CalendarDate } from './calendar-dates.js';
import { findQuarters, inQuarter, yearOfAccount } from './quarters.js';
import type { Period, PeriodMention } from './types.js';
import { SPLIT_YEAR_WRITTEN, YEAR, secondYearOf, splitYearLabel } from './year-patterns.js';
import type { Vocabulary } from './vocabulary.js';

export type { PeriodMention } from './types.js';

/** A document's date as far as it is known. */
export interface KnownDate {
  year: number;
  /** ISO date ("2015-05-05") or month ("2015-05") or year, as precise as the source. */
  label: string;
}

const SPLIT_YEAR = new RegExp(`\\b${SPLIT_YEAR_WRITTEN}(?![\\d/-])`, 'g');
const PLAIN_YEAR = new RegExp(`(?<![£$€\\d,.])\\b(${YEAR})\\b(?![%,.]?\\d|\\s?%|\\s?per ?cent)`, 'g');

/**
 * `now`: the period of the text's report (its date, else the period its title names), which "today" and "last year" are read against.
 * `yearOfAccount`: the first calendar year of the split year the text's report is of, to read a bare "Q1" in (quarters.ts).
 */
export function findPeriods(text: string, vocabulary: Vocabulary, now?: Period, yearOfAccount?: number): PeriodMention[] {
  const mentions: PeriodMention[] = [];
  const free = (start: number, end: number) => mentions.every((m) => end <= m.start || start >= m.end);
  const add = (mention: PeriodMention) => {
    if (free(mention.start, mention.end)) mentions.push(mention);
  };

  // Years, dates and seasons all need a digit; without one only relative words ("last year") remain.
  if (/\d/.test(text) || /\bquarter\b/i.test(text)) {
    for (const mention of findQuarters(text, yearOfAccount)) add(mention);
  }
  if (/\d/.test(text)) {
    for (const mention of calendarDates(text, now)) add(mention);
    for (const mention of yearMentions(text, vocabulary)) add(mention);
  }
  for (const hit of vocabulary.relative.find(text)) {
    // "up to date" says current, not "to date" as a period.
    if (/\bup\s+$/i.test(text.slice(Math.max(0, hit.start - 4), hit.start))) continue;
    const offset = vocabulary.relativeOffset.get(hit.key) ?? 0;
    add({ start: hit.start, end: hit.end, period: relative(hit.text, offset, now), relative: true });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Split years, seasons and plain years, in that order of precedence. */
function* yearMentions(text: string, vocabulary: Vocabulary): Generator<PeriodMention> {
  for (const match of text.matchAll(SPLIT_YEAR)) {
    const first = Number(match[1]);
    const second = secondYearOf(first, match[2]!);
    // Only consecutive years are a financial or academic year; "2010-2014" is a span of years, read as its end.
    if (second === first + 1) yield { start: match.index, end: match.index + match[0].length, period: splitYear(match[0], first) };
    else if (second > first + 1 && match[2]!.length === 4) yield { start: match.index, end: match.index + match[0].length, period: yearPeriod(match[0], second) };
  }
  for (const match of text.matchAll(vocabulary.seasonPattern)) {
    const month = vocabulary.data.seasons[match[1]!.toLowerCase()]!;
    yield { start: match.index, end: match.index + match[0].length, period: season(match[0], match[1]!, Number(match[2]), month) };
  }
  for (const match of text.matchAll(PLAIN_YEAR)) {
    const year = Number(match[1]);
    yield { start: match.index, end: match.index + match[0].length, period: yearPeriod(match[0], year) };
  }
}

/** Dates with a stated year: "31 March 2024", "4th December 2018", "the end of August 2019"; a day and month in the report's period ("at 30 September"). */
function calendarDates(text: string, now?: Period): PeriodMention[] {
  return findCalendarDates(text, now && yearWithin(now)).map(({ text: words, start, end, from, to }) => {
    const period: Period = to
      ? {
          text: words,
          kind: 'date-range',
          label: `${dateLabel(from)} to ${dateLabel(to)}`,
          years: range(from.year, to.year),
          sortKey: endKey(to),
          inferred: false,
        }
      : { text: words, kind: 'date', label: dateLabel(from), years: [from.year], sortKey: endKey(from), inferred: false };
    return { start, end, period };
  });
}

/** The year a month without one falls in within the report's period: of a year of account (April to March), the first year up to December. */
function yearWithin(now: Period): ((month: number) => number) | undefined {
  if (now.years.length === 0) return undefined;
  const first = firstYearOfAccount(now);
  if (first !== undefined) return (month) => (month >= 4 ? first : first + 1);
  const year = Math.max(...now.years);
  return () => year;
}

/** "2024-03-31", or "2024-03" for a month. */
function dateLabel(date: CalendarDate): string {
  return [String(date.year), pad(date.month), date.day === undefined ? undefined : pad(date.day)].filter(Boolean).join('-');
}

/** Sort keys are the period's last day, so a month sorts after its first day and a year after its months. */
function endKey(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day ?? lastDayOfMonth(date.year, date.month))}`;
}

function splitYear(text: string, first: number): Period {
  return { text, kind: 'financial-year', label: splitYearLabel(first), years: [first, first + 1], sortKey: `${first + 1}-03-31`, inferred: false };
}

function season(text: string, name: string, year: number, firstMonth: number): Period {
  const lastMonth = Math.min(firstMonth + 2, 12);
  return {
    text,
    kind: 'season',
    label: `${name.toLowerCase()} ${year}`,
    years: [year],
    sortKey: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    inferred: false,
  };
}

/**
 * Whether a figure's period can be the one asked for: they share a year, except that two split
 * years ("2024/25", "2025/26") share one and are still different years of account, a quarter of one
 * is of that year alone, and a quarter asked for is met only by that quarter or a date inside it.
 */
export function periodsMeet(stated: Period, asked: Period): boolean {
  if (asked.kind === 'quarter') return inQuarter(stated, asked);
  if (stated.kind === 'quarter' && asked.kind === 'financial-year' && yearOfAccount(stated) !== undefined) return yearOfAccount(stated) === asked.years[0];
  if (stated.kind === 'financial-year' && asked.kind === 'financial-year') return stated.label === asked.label;
  return stated.years.some((year) => asked.years.includes(year));
}

export function yearPeriod(text: string, year: number): Period {
  return { text, kind: 'year', label: String(year), years: [year], sortKey: `${year}-12-31`, inferred: false };
}

/**
 * "today", "now", "last year": read against the report's own period (`now`), or left as stated without one.
 * "This year" in a report titled for 2025/26 is 2025/26, and "last year" the year of account before it.
 */
function relative(text: string, yearOffset: number, now?: Period): Period {
  if (!now || now.years.length === 0) return { text, kind: 'relative', label: text.toLowerCase(), years: [], sortKey: '', inferred: false };
  if (yearOffset === 0) return { ...now, text, inferred: false };
  const first = firstYearOfAccount(now);
  if (first !== undefined) return splitYear(text, first + yearOffset);
  return yearPeriod(text, Math.max(...now.years) + yearOffset);
}

/** The first calendar year of the year of account a period is, or is a quarter of; undefined for other periods. */
function firstYearOfAccount(period: Period): number | undefined {
  if (period.kind === 'quarter') return yearOfAccount(period) ?? Math.min(...period.years);
  return period.kind === 'financial-year' ? period.years[0] : undefined;
}

/** A document's date as the period it names: a day, a month or a year. */
export function datePeriod(date: KnownDate): Period {
  const base = yearPeriod(date.label, date.year);
  return /-/.test(date.label) ? { ...base, kind: 'date', label: date.label, sortKey: date.label.length === 10 ? date.label : base.sortKey } : base;
}

/** Reads a document's stated date ("2015-05-05", "5 May 2015", "December 2018", "2016"). */
export function parseDocumentDate(stated: string | undefined): KnownDate | undefined {
  if (!stated) return undefined;
  const iso = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(stated.trim());
  if (iso) return { year: Number(iso[1]), label: iso[0] };
  const [date] = findCalendarDates(stated);
  return date ? { year: date.from.year, label: dateLabel(date.from) } : undefined;
}

function range(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= Math.max(from, to); y++) years.push(y);
  return years;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
