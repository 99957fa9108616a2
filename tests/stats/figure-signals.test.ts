import { describe, expect, it } from 'vitest';
import { loadStatsVocabulary } from '../../src/stats/index.js';
import { clauseAround, clauseCoverage, nearCoverage, numberInWords, periodStated, proximity, readFigureSignals, searchRank, sentenceCoverage, sentenceLength, statedAsChange, wordCoverage, type FigureReading, type QueryWords } from '../../src/stats/figure-signals.js';
import type { Period } from '../../src/stats/types.js';

const vocabulary = loadStatsVocabulary('data');
const keyWords = (text: string) => vocabulary.words.keyWords(text);

/** Every word weighs the same: the signals' arithmetic, apart from the index's weights. */
function query(text: string): QueryWords {
  const words = keyWords(text);
  const distinct = [...new Set(words)];
  return { words, share: (amount) => distinct.reduce((sum, word) => sum + amount(word), 0) / distinct.length, keyWords };
}

/** The figure `raw` of `sentence` (its first occurrence), read with the sentence's own words. */
function figure(sentence: string, raw: string, fields: Partial<FigureReading> = {}): FigureReading {
  const rawStart = sentence.indexOf(raw);
  const said = new Set(keyWords(sentence));
  return { sentence, rawStart, rawEnd: rawStart + raw.length, says: (word) => said.has(word), sentenceSays: (word) => said.has(word), searchRank: undefined, period: undefined, counted: undefined, ...fields };
}

const ferries = 'Eastport ran 1,450 ferry crossings in 2024/25, while the harbour logged 310 berth bookings and 12 pilot transfers.';

describe('figure signals', () => {
  it('reads which words of the query a figure says, anywhere and in its sentence alone', () => {
    const crossings = figure(ferries, '1,450', { says: (word) => keyWords(`${ferries} Eastport harbour review`).includes(word) });
    expect(wordCoverage(crossings, query('harbour review crossings'))).toBe(1);
    expect(sentenceCoverage(crossings, query('harbour review crossings'))).toBeCloseTo(2 / 3);
    expect(wordCoverage(crossings, query('bus journeys'))).toBe(0);
  });

  it('tells figures of one sentence apart by the words of their own clause', () => {
    const asked = query('berth bookings');
    expect(clauseCoverage(figure(ferries, '310'), asked)).toBe(1);
    expect(clauseCoverage(figure(ferries, '1,450'), asked)).toBe(0);
    expect(clauseCoverage(figure(ferries, '1,450'), query('ferry crossings'))).toBe(1);
    // The comma inside "1,450" ends no clause.
    expect(ferries.slice(clauseAround(ferries, ferries.indexOf('1,450'), ferries.indexOf('1,450') + 5).start)).toMatch(/^Eastport ran 1,450/);
  });

  it('counts a query word less the further it stands from the figure', () => {
    const asked = query('pilot transfers');
    const pilots = proximity(figure(ferries, '12'), asked);
    const bookings = proximity(figure(ferries, '310'), asked);
    const crossings = proximity(figure(ferries, '1,450'), asked);
    expect(pilots).toBeGreaterThan(bookings);
    expect(bookings).toBeGreaterThan(crossings);
    expect(pilots).toBeLessThanOrEqual(1);
    expect(nearCoverage(figure(ferries, '12'), asked)).toBe(1);
    expect(nearCoverage(figure(ferries, '1,450'), asked)).toBe(0);
  });

  it('reads where the search ranks the passage, whether the sentence names the period, and how long it is', () => {
    const stated: Period = { text: '2024/25', kind: 'financial-year', label: '2024/25', years: [2024, 2025], sortKey: '2024-04', inferred: false };
    expect(searchRank(figure(ferries, '310', { searchRank: 0 }), query('x'))).toBe(1);
    expect(searchRank(figure(ferries, '310', { searchRank: 3 }), query('x'))).toBe(1 / 4);
    expect(searchRank(figure(ferries, '310'), query('x'))).toBe(0);
    expect(periodStated(figure(ferries, '310', { period: stated }), query('x'))).toBe(1);
    expect(periodStated(figure(ferries, '310', { period: { ...stated, inferred: true } }), query('x'))).toBe(0);
    expect(sentenceLength(figure('Costs rose by 4%.', '4%'), query('x'))).toBeLessThan(sentenceLength(figure(ferries, '310'), query('x')));
  });

  it('reads how a figure is stated: in words, or as a change rather than a level', () => {
    const moved = 'Permits issued rose by 12% to 1,480, about one a day; Change: -5 on the quarter.';
    expect(numberInWords(figure(moved, 'one'), query('x'))).toBe(1);
    expect(numberInWords(figure(moved, '1,480'), query('x'))).toBe(0);
    expect(statedAsChange(figure(moved, '12%'), query('x'))).toBe(1);
    expect(statedAsChange(figure(moved, '-5'), query('x'))).toBe(1);
    expect(statedAsChange(figure(moved, '1,480'), query('x'))).toBe(0);
  });

  it('reads every signal by name', () => {
    const signals = readFigureSignals(figure(ferries, '310', { searchRank: 0 }), query('berth bookings'));
    expect(Object.keys(signals).sort()).toEqual(['clauseCoverage', 'countedNamed', 'nearCoverage', 'numberInWords', 'periodStated', 'proximity', 'searchRank', 'sentenceCoverage', 'sentenceLength', 'statedAsChange', 'wordCoverage']);
    expect(signals.clauseCoverage).toBe(1);
  });
});
