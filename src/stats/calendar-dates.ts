/**
 * English calendar dates with a stated year, as reports write them: "31 March 2024", "4th December
 * 2018", "March 31, 2024", "November 2013", "the end of August 2019", "2024-03-31", "31/03/2024"
 * (day before month), "03/2024", and ranges of them ("1 April 2023 to 31 March 2024", "1–3 March
 * 2019", "April to June 2019", "between April 2015 and March 2016").
 *
 * Written by hand rather than with a general date parser: such a parser's import and the first
 * compile of its patterns cost tens of milliseconds in every cold process (an ingest's figures, a
 * restarted app's first dated answer), for a job of a few patterns. Relative phrases
 * ("last year") are the stats vocabulary's, read in periods.ts.
 */

/** A date as precise as stated: a month without a day, or a day. The year is stated, or given by the report's period. */
export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31; absent when only the month is stated ("November 2013"). */
  day?: number;
}

export interface CalendarMention {
  /** The words as written, without a leading "on" or "in". */
  text: string;
  start: number;
  end: number;
  from: CalendarDate;
  /** For a range, its last date. */
  to?: CalendarDate;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join('|');
// Full names first, so that "june" is not read as "jun"; only an abbreviation takes a full stop
// ("Dec. 2015"); never part of a longer word ("mayor", "marching").
const MONTH = `(${Object.keys(MONTHS)
  .map((name) => (name.length <= 4 && name !== 'may' && name !== 'june' && name !== 'july' ? `${name}\\.?` : name))
  .join('|')})(?![a-z])`;
const YEAR = '(19[5-9]\\d|20\\d\\d)(?![\\d])';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])';
const SPAN = '\\s*(?:to|-|–|—|until|till|through)\\s*';

/**
 * One date, or a span of days within a month. Alternatives in order, each tried where a date may
 * start (leftmost wins; at one place, the first alternative that matches):
 * 1. day first: "31 March 2024", "1st of April", "1–3 March 2019", "31-Mar-2024" (year optional,
 *    for the first date of a range: "31 March to 2 April 2024");
 * 2. month first: "March 31, 2024", "March 1–3 2019";
 * 3. month and year: "November 2013", "March, 2019", "May of 2015";
 * 4. a month alone, only where a range to a month follows ("April to June 2019");
 * 5. numbers: "2024-03-31", "2024/03/31", "31/03/2024", "31.03.2024", "03/2024".
 */
const DATE = new RegExp(
  [
    `(?<![\\w.,£$€])${DAY}(?:${SPAN}${DAY})?(?:\\s+of\\s+|\\s+|-|/)${MONTH}(?:(?:,?\\s+|-|/)${YEAR})?`,
    `(?<![\\w])${MONTH}\\s+${DAY}(?:${SPAN}${DAY})?(?!\\s*(?:(?:am|pm|per\\s?cent)\\b|%))(?:,?\\s+${YEAR})?`,
    `(?<![\\w])${MONTH}(?:\\s*,\\s*|\\s*-\\s*|\\s+of\\s+|\\s+)${YEAR}`,
    `(?<![\\w])${MONTH}(?=${SPAN}(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(?:${MONTH_NAMES})(?![a-z]))`,
    `(?<![\\w.,£$€/])(?:${YEAR}([-/.])(\\d{1,2})\\13(\\d{1,2})|(\\d{1,2})([-/.])(\\d{1,2})\\17${YEAR}|(\\d{1,2})/${YEAR})(?![\\w/]|[.,]\\d)`,
  ].join('|'),
  'gi',
);

/**
 * A stated year, and a month name or a numeric date ("12/03/2019", "2019-03-31", "03/2024"): without
 * both, a text states no calendar date. Not a decimal ("12.5") or a financial year ("2015-16"), which
 * are common. Most sentences have neither, and the patterns above run only where both are.
 */
const HAS_YEAR = /\b(?:19[5-9]\d|20\d\d)\b/;
const DATE_HINT = new RegExp(`\\b(?:${MONTH_NAMES})\\b|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\b\\d{1,2}\\/\\d{4}\\b`, 'i');

/** What joins two dates into a range, and what may come before the first ("from", "between"). */
const RANGE_JOIN = /^\s*(?:to|-|–|—|until|till|through)\s*$/i;
const BETWEEN_JOIN = /^\s+and\s+$/i;
const BETWEEN = /\bbetween\s+$/i;
/** "the end of August 2019", "last day of March 2024": the month's last day. */
const END_OF = /\b(?:end|last\s+day)\s+of\s+(?:the\s+)?$/i;

/** A date as matched, its year perhaps still to be taken from the range it starts. */
interface Token {
  start: number;
  end: number;
  year?: number;
  month: number;
  day?: number;
  /** A span of days within one month ("1–3 March 2019"): its last day. */
  lastDay?: number;
  /** Written day first ("30 September"): without a year, still a date; "September 12" may be a month and a count. */
  dayFirst?: true;
}

/** `yearOf`: the year a day and month written without one fall in ("At 30 September"), from the report's own period; without it, such a date is not read. */
export function findCalendarDates(text: string, yearOf?: (month: number) => number): CalendarMention[] {
  if ((!HAS_YEAR.test(text) && !yearOf) || !DATE_HINT.test(text)) return [];
  const tokens: Token[] = [];
  for (const match of text.matchAll(DATE)) {
    const token = tokenOf(match);
    if (token) tokens.push(token);
  }
  const mentions: CalendarMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const next = tokens[i + 1];
    const between = next ? text.slice(first.end, next.start) : '';
    const isRange = next && !first.lastDay && !next.lastDay && (RANGE_JOIN.test(between) || (BETWEEN_JOIN.test(between) && BETWEEN.test(before(text, first.start))));
    if (next && isRange) {
      const range = rangeOf(first, next);
      if (range) {
        mentions.push({ text: text.slice(first.start, next.end), start: first.start, end: next.end, ...range });
        i += 1;
        continue;
      }
    }
    const single = singleOf(first, text, yearOf);
    if (single) mentions.push(single);
  }
  return mentions;
}

/** "may" and "mar" in lower case are verbs as often as months. */
const VERB_MONTH = /^(?:may|mar)$/;

function tokenOf(match: RegExpMatchArray): Token | undefined {
  const g = match;
  const start = match.index!;
  const end = start + match[0].length;
  const month = (name: string | undefined) => MONTHS[name!.toLowerCase().replace('.', '')]!;
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  let token: Token | undefined;
  if (g[1] !== undefined) token = { start, end, day: number(g[1]), lastDay: number(g[2]), month: month(g[3]), year: number(g[4]), dayFirst: true };
  else if (g[5] !== undefined) token = { start, end, month: month(g[5]), day: number(g[6]), lastDay: number(g[7]), year: number(g[8]) };
  // "Be that as it may, 2015 ...", "problems that mar 2019 results": a verb, not a month, without a day.
  else if (g[9] !== undefined) token = VERB_MONTH.test(g[9]) ? undefined : { start, end, month: month(g[9]), year: number(g[10]) };
  else if (g[11] !== undefined) token = { start, end, month: month(g[11]) };
  else if (g[12] !== undefined) token = { start, end, year: number(g[12]), month: number(g[14])!, day: number(g[15]) };
  else if (g[16] !== undefined) token = { start, end, day: number(g[16]), month: number(g[18])!, year: number(g[19]) };
  else token = { start, end, month: number(g[20])!, year: number(g[21]) };
  return token && isValid(token) ? token : undefined;
}

function isValid(token: Token): boolean {
  if (!(token.month >= 1 && token.month <= 12)) return false;
  const longest = token.year === undefined ? 31 : lastDayOfMonth(token.year, token.month);
  const dayFits = (day: number | undefined) => day === undefined || (day >= 1 && day <= longest);
  return dayFits(token.day) && dayFits(token.lastDay) && (token.lastDay === undefined || token.lastDay > token.day!);
}

/** A date standing alone: kept only with its year, or a day and month the report's period gives one; "the end of" a month is its last day. */
function singleOf(token: Token, text: string, yearOf?: (month: number) => number): CalendarMention | undefined {
  const year = token.year ?? (token.dayFirst && !token.lastDay && yearOf ? yearOf(token.month) : undefined);
  if (year === undefined || !isValid({ ...token, year })) return undefined;
  const from: CalendarDate = { year, month: token.month, ...(token.day ? { day: token.day } : {}) };
  if (token.lastDay) {
    return { text: text.slice(token.start, token.end), start: token.start, end: token.end, from, to: { ...from, day: token.lastDay } };
  }
  const endOf = token.day === undefined ? END_OF.exec(before(text, token.start)) : null;
  if (endOf) {
    const start = token.start - endOf[0].length;
    return { text: text.slice(start, token.end), start, end: token.end, from: { ...from, day: lastDayOfMonth(from.year, from.month) } };
  }
  return { text: text.slice(token.start, token.end), start: token.start, end: token.end, from };
}

/** Two dates joined by "to" (or "between ... and"): the first takes the second's year when it states none. */
function rangeOf(first: Token, second: Token): { from: CalendarDate; to: CalendarDate } | undefined {
  if (second.year === undefined) return undefined;
  // "November to February 2020": the first month is in the year before ("31 March to 2 March 2024" is
  // no year-long range, but a slip).
  const year = first.year ?? (first.month > second.month ? second.year - 1 : second.year);
  const from: CalendarDate = { year, month: first.month, ...(first.day ? { day: first.day } : {}) };
  const to: CalendarDate = { year: second.year, month: second.month, ...(second.day ? { day: second.day } : {}) };
  if (first.day !== undefined && !isValid({ ...first, year })) return undefined;
  return startsBefore(from, to) ? { from, to } : undefined;
}

/** Whether `a` begins before `b` does: "March to March 2019" is no range. */
function startsBefore(a: CalendarDate, b: CalendarDate): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.month !== b.month) return a.month < b.month;
  return a.day !== undefined && b.day !== undefined && a.day < b.day;
}

/** The few words before a place in the text ("between", "the end of"): not the whole text before it, read again for every date. */
function before(text: string, index: number): string {
  return text.slice(Math.max(0, index - LOOK_BACK), index);
}

const LOOK_BACK = 32;

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
