/**
 * Quarters: "Q2 2025/26", "quarter 3 2025", "the second quarter of 2024/25", "2025/26 Q1", and a bare
 * "Q1" (a scorecard's column) read in the year of account its report is of. A quarter of a split year
 * is of that year of account (Q1 April to June, Q4 January to March of its second year); a quarter
 * of a plain year is of the calendar.
 */
import { lastDayOfMonth } from './calendar-dates.js';
import type { Period, PeriodMention } from './types.js';
import { SPLIT_YEAR_WRITTEN, YEAR, secondYearOf, splitYearLabel } from './year-patterns.js';

const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };
/** "Q2", "quarter 2", "second quarter": groups 1 (the digit) or 2 (the ordinal). */
const WHICH = `(?:\\bq([1-4])|\\bquarter\\s+([1-4])|\\b(first|second|third|fourth)\\s+quarter)`;
/** A split year ("2025/26", groups first and second) or a plain year. */
const YEAR_AFTER = `(?:\\s+(?:of\\s+)?(?:${SPLIT_YEAR_WRITTEN}|(${YEAR})))?`;
const QUARTER = new RegExp(`${WHICH}${YEAR_AFTER}(?![\\w/])`, 'gi');
/** "2025/26 Q1", "2024-25 quarter 4". */
const YEAR_FIRST = new RegExp(`\\b${SPLIT_YEAR_WRITTEN}\\s+(?:q([1-4])|quarter\\s+([1-4]))(?![\\w/])`, 'gi');

/**
 * The quarters a text names. A quarter without a year is read in `yearOfAccount` (the first calendar
 * year of the split year the report is of) and is left out without one.
 */
export function findQuarters(text: string, yearOfAccount?: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const m of text.matchAll(YEAR_FIRST)) {
    const first = Number(m[1]);
    if (secondYearOf(first, m[2]!) !== first + 1) continue;
    found.push({ start: m.index, end: m.index + m[0].length, period: accountQuarter(m[0], first, Number(m[3] ?? m[4])) });
  }
  for (const m of text.matchAll(QUARTER)) {
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    const digit = m[1] ?? m[2];
    const quarter = digit ? Number(digit) : ORDINALS[m[3]!.toLowerCase()]!;
    const [, , , , splitFirst, splitSecond, plain] = m;
    let period: Period | undefined;
    if (splitFirst && secondYearOf(Number(splitFirst), splitSecond!) === Number(splitFirst) + 1) period = accountQuarter(m[0], Number(splitFirst), quarter);
    else if (plain) period = calendarQuarter(m[0], Number(plain), quarter);
    else if (!splitFirst && yearOfAccount !== undefined) period = accountQuarter(m[0], yearOfAccount, quarter);
    if (period) found.push({ start: m.index, end: m.index + m[0].length, period });
  }
  return found;
}

/** The first calendar year of the year of account a period is of, when it is one ("2025/26", "2025/26 Q2"). */
export function yearOfAccount(period: Period | undefined): number | undefined {
  if (period?.kind === 'financial-year') return period.years[0];
  const match = period?.kind === 'quarter' ? /^(\d{4})\/\d\d Q/.exec(period.label) : null;
  return match ? Number(match[1]) : undefined;
}

/** Whether a figure's period is the quarter asked for: that quarter, or a date inside it. */
export function inQuarter(stated: Period, asked: Period): boolean {
  if (stated.kind === 'quarter') return stated.label === asked.label;
  if (stated.kind !== 'date' && stated.kind !== 'date-range') return false;
  const end = asked.sortKey;
  const [year, month] = end.split('-').map(Number) as [number, number];
  const start = `${year}-${String(month - 2).padStart(2, '0')}-01`;
  return stated.sortKey >= start && stated.sortKey <= end;
}

function accountQuarter(text: string, first: number, quarter: number): Period {
  const year = quarter === 4 ? first + 1 : first;
  const endMonth = [6, 9, 12, 3][quarter - 1]!;
  return quarterPeriod(text, `${splitYearLabel(first)} Q${quarter}`, year, endMonth);
}

function calendarQuarter(text: string, year: number, quarter: number): Period {
  return quarterPeriod(text, `${year} Q${quarter}`, year, quarter * 3);
}

function quarterPeriod(text: string, label: string, year: number, endMonth: number): Period {
  const month = String(endMonth).padStart(2, '0');
  return { text, kind: 'quarter', label, years: [year], sortKey: `${year}-${month}-${lastDayOfMonth(year, endMonth)}`, inferred: false };
}
