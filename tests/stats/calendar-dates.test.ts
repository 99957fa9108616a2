import { describe, expect, it } from 'vitest';
import { findCalendarDates } from '../../src/stats/calendar-dates.js';

const dates = (text: string) => findCalendarDates(text).map(({ text: words, from, to }) => ({ words, from, ...(to ? { to } : {}) }));

describe('findCalendarDates: single dates', () => {
  it('reads a day, month and year in the orders reports write them', () => {
    expect(dates('As at 31 March 2024, 60% were good.')).toEqual([{ words: '31 March 2024', from: { year: 2024, month: 3, day: 31 } }]);
    expect(dates('Published 4th December 2018 and 1st of April 2019.')).toEqual([
      { words: '4th December 2018', from: { year: 2018, month: 12, day: 4 } },
      { words: '1st of April 2019', from: { year: 2019, month: 4, day: 1 } },
    ]);
    expect(dates('Updated March 31, 2024.')).toEqual([{ words: 'March 31, 2024', from: { year: 2024, month: 3, day: 31 } }]);
    expect(dates('Received 29 APR 2015; revised 3 Sept. 2015.')).toEqual([
      { words: '29 APR 2015', from: { year: 2015, month: 4, day: 29 } },
      { words: '3 Sept. 2015', from: { year: 2015, month: 9, day: 3 } },
    ]);
  });

  it('reads a month and year as the month, and "the end of" a month as its last day', () => {
    expect(dates('In November 2013 the framework changed.')).toEqual([{ words: 'November 2013', from: { year: 2013, month: 11 } }]);
    expect(dates('Data to the end of February 2016.')).toEqual([{ words: 'end of February 2016', from: { year: 2016, month: 2, day: 29 } }]);
  });

  it('reads numeric dates year first, or day before month as English reports do', () => {
    expect(dates('Run on 2024-03-31, on 12/03/2019 and 01.02.2020; month 03/2024.')).toEqual([
      { words: '2024-03-31', from: { year: 2024, month: 3, day: 31 } },
      { words: '12/03/2019', from: { year: 2019, month: 3, day: 12 } },
      { words: '01.02.2020', from: { year: 2020, month: 2, day: 1 } },
      { words: '03/2024', from: { year: 2024, month: 3 } },
    ]);
  });

  it('keeps only dates with a stated year, and no day that is not in its month', () => {
    expect(dates('By 31 March the plan was due; 30 February 2019 is no date.')).toEqual([]);
  });

  it('gives a day and month without a year the year the report\'s period gives it, and nothing else', () => {
    const ofYear = (text: string) => findCalendarDates(text, (month) => (month >= 4 ? 2025 : 2026)).map(({ text: words, from }) => ({ words, from }));
    expect(ofYear('At 30 September, 41 posts were empty; by 31 March the panel met.')).toEqual([
      { words: '30 September', from: { year: 2025, month: 9, day: 30 } },
      { words: '31 March', from: { year: 2026, month: 3, day: 31 } },
    ]);
    // A month alone, a span of days and a day not in its month stay unread; a stated year wins.
    expect(ofYear('In September 12 boats left, on 1-3 May the port shut, and on 30 February it rained.')).toEqual([]);
    expect(ofYear('On 30 September 2019 it opened.')[0]!.from).toEqual({ year: 2019, month: 9, day: 30 });
  });

  it('does not read months inside other words, numbers that are not days, or figures after a month', () => {
    expect(dates('The mayor said 2015 was hard.')).toEqual([]);
    expect(dates('In March 10 per cent of councils were inadequate, 2015 figures show.')).toEqual([]);
    expect(dates('Costs rose by 1.5 March 2019 prices.')).toEqual([{ words: 'March 2019', from: { year: 2019, month: 3 } }]);
    expect(dates('It cost £31 May 2015 prices; version 1.12.2019.5 shipped.')).toEqual([{ words: 'May 2015', from: { year: 2015, month: 5 } }]);
  });
});

describe('findCalendarDates: ranges', () => {
  it('joins two dates by "to", "-" or "until", and "between … and"', () => {
    expect(dates('From 1 April 2014 to 31 March 2015, 10 were inadequate.')).toEqual([
      { words: '1 April 2014 to 31 March 2015', from: { year: 2014, month: 4, day: 1 }, to: { year: 2015, month: 3, day: 31 } },
    ]);
    expect(dates('Inspections between 1 April 2023 and 31 March 2024.')).toEqual([
      { words: '1 April 2023 and 31 March 2024', from: { year: 2023, month: 4, day: 1 }, to: { year: 2024, month: 3, day: 31 } },
    ]);
    expect(dates('Both 1 April 2023 and 31 March 2024 are dates.')).toHaveLength(2);
  });

  it('takes the first date\'s year from the second when it states none, the year before when its month is later', () => {
    expect(dates('Inspection dates: 9 October to 2 November 2017')).toEqual([
      { words: '9 October to 2 November 2017', from: { year: 2017, month: 10, day: 9 }, to: { year: 2017, month: 11, day: 2 } },
    ]);
    expect(dates('April to June 2019 and November to February 2020.')).toEqual([
      { words: 'April to June 2019', from: { year: 2019, month: 4 }, to: { year: 2019, month: 6 } },
      { words: 'November to February 2020', from: { year: 2019, month: 11 }, to: { year: 2020, month: 2 } },
    ]);
  });

  it('reads a span of days in one month', () => {
    expect(dates('Fieldwork 1–3 March 2019.')).toEqual([{ words: '1–3 March 2019', from: { year: 2019, month: 3, day: 1 }, to: { year: 2019, month: 3, day: 3 } }]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(dates('31 March 2024 to 1 April 2023')).toEqual([
      { words: '31 March 2024', from: { year: 2024, month: 3, day: 31 } },
      { words: '1 April 2023', from: { year: 2023, month: 4, day: 1 } },
    ]);
  });
});

describe('findCalendarDates: what is not a date', () => {
  it('reads "may" and "mar" in lower case before a year as verbs, and a capital May as the month', () => {
    expect(dates('Be that as it may, 2015 was a hard year; problems that mar 2019 results.')).toEqual([]);
    expect(dates('In May 2015 the framework changed.')).toEqual([{ words: 'May 2015', from: { year: 2015, month: 5 } }]);
  });

  it('takes 29 February only in a leap year, and no range from a month to itself or back to an earlier day', () => {
    expect(dates('29 February 2016 and 29 February 2015')).toEqual([{ words: '29 February 2016', from: { year: 2016, month: 2, day: 29 } }]);
    expect(dates('March to March 2019')).toEqual([{ words: 'March 2019', from: { year: 2019, month: 3 } }]);
    expect(dates('31 March to 2 March 2024')).toEqual([{ words: '2 March 2024', from: { year: 2024, month: 3, day: 2 } }]);
  });
});
