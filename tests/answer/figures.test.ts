import { describe, expect, it } from 'vitest';
import { findFigures, statesCount, statesMoney, statesQuantity, statesShare } from '../../src/answer/figures.js';

const texts = (sentence: string) => findFigures(sentence).map((figure) => `${figure.kind}:${figure.text}`);

describe('findFigures', () => {
  it('reads percentages, sums of money and counts', () => {
    expect(texts('In 2015, 28% of councils, 12 per cent of homes and 54 councils cost £30m')).toEqual(['percent:28%', 'percent:12 per cent', 'number:54', 'money:£30m']);
    // Each with the amount as written, for telling a question's own figure from another.
    expect(findFigures('In 2015, 28% of councils, 1,234 homes and £30m').map((figure) => figure.value)).toEqual([28, 1234, 30]);
  });

  it('does not count years, the day of a date, or the second half of a split year', () => {
    expect(texts('On 31 March 2024 some 60% of LAs had a good grade')).toEqual(['percent:60%']);
    expect(texts('by August 31, 2019 there were 5 homes')).toEqual(['number:5']);
    expect(texts('in 2013-14 and 2007/08, 12 councils')).toEqual(['number:12']);
    // A month's name, not a word that starts like one.
    expect(texts('12 declined and 10 marked their first improvement')).toEqual(['number:12', 'number:10']);
  });
});

describe('what a text states', () => {
  it('a quantity, in digits or words', () => {
    expect(statesQuantity('seven councils were inadequate')).toBe(true);
    expect(statesQuantity('councils rely on agency staff')).toBe(false);
    // A date alone states no quantity.
    expect(statesQuantity('inspections as at 31 August 2019')).toBe(false);
  });

  it('a share: a percentage, a share in words, or a count out of a whole', () => {
    expect(statesShare('one in seven councils')).toBe(true);
    expect(statesShare('34 of 236 chief executives')).toBe(true);
    expect(statesShare('a poll of 236 chief executives')).toBe(false);
  });

  it('a sum of money', () => {
    expect(statesMoney('£340 per child in need')).toBe(true);
    expect(statesMoney('£30 million a year')).toBe(true);
    expect(statesMoney('two further authorities')).toBe(false);
  });
});

describe('statesCount', () => {
  it('reads a count in digits or in words', () => {
    for (const text of ['this year that rose to eight', 'seven councils were inadequate', '147 councils', 'a third of councils', 'none were outstanding', 'half of them improved']) {
      expect(statesCount(text), text).toBe(true);
    }
  });

  it('takes no change, ordinal, length of time, share or sum for a count', () => {
    for (const text of [
      'the number has doubled in one year',
      'for the third time',
      'in the third quarter',
      'rose three times',
      'the twenty-first century',
      'within two to three weeks',
      'in two years',
      '30% were inadequate',
      'it cost £30m',
      'all councils and every authority, most of them',
    ]) {
      expect(statesCount(text), text).toBe(false);
    }
  });
});
