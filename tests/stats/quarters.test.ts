import { describe, expect, it } from 'vitest';
import { extractFigures, FiguresIndex, loadStatsVocabulary, parseStatsQuery } from '../../src/stats/index.js';
import { findQuarters, yearOfAccount } from '../../src/stats/quarters.js';
import { periodsMeet } from '../../src/stats/periods.js';
import { passage } from './helpers.js';

const vocabulary = loadStatsVocabulary('data');
const labels = (text: string, year?: number) => findQuarters(text, year).map((m) => [text.slice(m.start, m.end), m.period.label, m.period.sortKey]);

describe('quarters', () => {
  it('reads a quarter of a year of account, of a calendar year, and written either side of its year', () => {
    expect(labels('Referrals fell in Q2 2025/26.')).toEqual([['Q2 2025/26', '2025/26 Q2', '2025-09-30']]);
    expect(labels('in the fourth quarter of 2024-25')).toEqual([['fourth quarter of 2024-25', '2024/25 Q4', '2025-03-31']]);
    expect(labels('Progress report, quarter 3 2025')).toEqual([['quarter 3 2025', '2025 Q3', '2025-09-30']]);
    expect(labels('2023/24 Q1 figures')).toEqual([['2023/24 Q1', '2023/24 Q1', '2023-06-30']]);
  });

  it('reads a bare quarter only in the year of account it is given, and no quarter in "a quarter of"', () => {
    expect(labels('Contacts received: Q1 6,240')).toEqual([]);
    expect(labels('Contacts received: Q1 6,240', 2025)).toEqual([['Q1', '2025/26 Q1', '2025-06-30']]);
    expect(labels('a quarter of councils, 2024/25 to 2025/26')).toEqual([]);
  });

  it('knows the year of account of a split year or a quarter of one, not of a calendar quarter', () => {
    const [fy] = findQuarters('Q2 2025/26');
    const [calendar] = findQuarters('quarter 3 2025');
    expect(yearOfAccount(fy!.period)).toBe(2025);
    expect(yearOfAccount(calendar!.period)).toBeUndefined();
  });

  it('meets a query for its quarter or its year of account, and a quarter asked meets a date inside it', () => {
    const q2 = findQuarters('Q2 2025/26')[0]!.period;
    const q4 = findQuarters('Q4 2024/25')[0]!.period;
    const ask = (text: string) => parseStatsQuery(text, vocabulary).period!;
    expect(periodsMeet(q2, ask('q2 2025/26'))).toBe(true);
    expect(periodsMeet(q2, ask('2025/26'))).toBe(true);
    expect(periodsMeet(q4, ask('2025/26'))).toBe(false);
    expect(periodsMeet(q2, ask('q1 2025/26'))).toBe(false);
    expect(periodsMeet(ask('31 August 2025'), ask('q2 2025/26'))).toBe(true);
    expect(periodsMeet(ask('31 October 2025'), ask('q2 2025/26'))).toBe(false);
    expect(periodsMeet(ask('2025/26'), ask('q2 2025/26'))).toBe(false);
  });
});

describe("a scorecard's quarter columns", () => {
  const scorecard = passage('| Indicator | Target | Q1 | Q2 |\n| --- | --- | --- | --- |\n| Contacts received | n/a | 6,240 | 5,980 |\n\nWe held 93% of reviews on time (81% in quarter 1).', {
    docId: 'scorecard.md',
    title: 'Performance scorecard, quarter 2 2025/26',
  });

  it('reads each column in the year of account the title names, and prose naming a bare quarter as before', () => {
    const figures = extractFigures([scorecard], vocabulary);
    expect(figures.map((f) => [f.raw, f.period?.label, f.period?.inferred])).toEqual([
      ['6,240', '2025/26 Q1', false],
      ['5,980', '2025/26 Q2', false],
      ['93%', '2025/26 Q2', true],
      ['81%', '2025/26 Q2', true],
    ]);
  });

  it('finds a column by the quarter asked for', () => {
    const index = new FiguresIndex(extractFigures([scorecard], vocabulary), vocabulary);
    expect(index.lookup(parseStatsQuery('contacts q1 2025/26', vocabulary)).map((f) => f.raw)).toEqual(['6,240']);
  });
});
