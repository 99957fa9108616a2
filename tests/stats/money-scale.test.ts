import { describe, expect, it } from 'vitest';
import { loadStatsVocabulary } from '../../src/stats/index.js';
import { moneyScale, scaledLabel } from '../../src/stats/money-scale.js';

const vocabulary = loadStatsVocabulary('data');

describe('moneyScale', () => {
  it('reads a money unit stated in brackets, with or without a multiplier', () => {
    expect(moneyScale('Table 3: Harbour spending by quay (£ thousand)', vocabulary)).toMatchObject({ unit: 'GBP', multiplier: 1000 });
    expect(moneyScale('Dredging budget (£m)', vocabulary)).toMatchObject({ unit: 'GBP', multiplier: 1_000_000 });
    expect(moneyScale('Fees (£000)', vocabulary)).toMatchObject({ unit: 'GBP', multiplier: 1000 });
    expect(moneyScale('Capital programme (€ billion, cash prices)', vocabulary)).toMatchObject({ unit: 'EUR', multiplier: 1_000_000_000 });
    expect(moneyScale('Mooring fee ($)', vocabulary)).toMatchObject({ unit: 'USD', multiplier: 1 });
  });

  it('takes no sum of money, or bracket of other words, for a unit', () => {
    expect(moneyScale('The fee (£2.50 a night) rose.', vocabulary)).toBeUndefined();
    expect(moneyScale('Mooring fees (per night)', vocabulary)).toBeUndefined();
    expect(moneyScale('Berths let (number)', vocabulary)).toBeUndefined();
  });
});

describe('scaledLabel', () => {
  it('shows a bare figure with the unit its table states, and nothing for a figure that writes its own', () => {
    expect(scaledLabel('640', 'GBP', 640_000)).toBe('640 (£ thousand)');
    expect(scaledLabel('1,120', 'GBP', 1_120_000)).toBe('1,120 (£ thousand)');
    expect(scaledLabel('4.5', 'GBP', 4_500_000)).toBe('4.5 (£ million)');
    expect(scaledLabel('£640,000', 'GBP', 640_000)).toBeUndefined();
    expect(scaledLabel('35', 'count', 35)).toBeUndefined();
  });
});
