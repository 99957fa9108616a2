import { describe, expect, it } from 'vitest';
import { orderedFigures, trainFigureOrder, type FigureLookupExample, type ListedFigure } from '../../src/train/figure-order.js';

/** A seeded generator, so the made-up lookups are the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Lookups whose gold figure stands second or later in the search's order, and is the one whose
 * clause says the query's words most; `noise` says nothing.
 */
function lookups(set: string, count: number, next: () => number): FigureLookupExample[] {
  return Array.from({ length: count }, (_, n) => {
    const gold = 1 + Math.floor(next() * 3);
    const tier: ListedFigure[] = Array.from({ length: 4 }, (_, i) => ({
      signals: { clauseCoverage: i === gold ? 0.6 + next() * 0.4 : next() * 0.5, noise: next() },
      gold: i === gold,
      statement: `${set}-${n}-${i}`,
      sentence: true,
    }));
    return { set, id: `${set}-${n}`, tiers: [tier, []] };
  });
}

describe('learning the figure order', () => {
  it('learns the signal that marks the asked-for figure, and scores it held out by set above the search order', () => {
    const next = random(7);
    const examples = ['a', 'b', 'c'].flatMap((set) => lookups(set, 30, next));
    const report = trainFigureOrder(examples, ['clauseCoverage', 'noise']);
    const weight = (name: string) => report.model.weights[report.model.features.indexOf(name)]!;
    expect(weight('clauseCoverage')).toBeGreaterThan(Math.abs(weight('noise')) * 3);
    for (const row of report.heldOut) {
      expect(row.searchOrder[0]).toBe(0);
      expect(row.learned[0]).toBeGreaterThan(row.lookups * 0.8);
    }
    expect(report.table).toMatch(/\| all \| 90 \| 0\.00 \/ /);
  });

  it('lists each tier in turn, one statement of each fact', () => {
    const figure = (statement: string, score: number, gold = false): ListedFigure => ({ signals: { score }, gold, statement, sentence: true });
    const example: FigureLookupExample = { set: 's', id: 'q', tiers: [[figure('a', 0), figure('b', 2), figure('a', 5)], [figure('c', 9, true), figure('b', 1)]] };
    const listed = orderedFigures(example, (signals) => signals.score!);
    // The closest tier's best stays after the tier saying every word; "a" and "b" are listed once.
    expect(listed.map((f) => `${f.statement}${f.signals.score}`)).toEqual(['a5', 'b2', 'c9']);
  });

  it('shows a fact by a sentence stating it in the place of a table row ordered first, as the lookup does', () => {
    const row = (statement: string, score: number, sentence: boolean): ListedFigure => ({ signals: { score }, gold: sentence, statement, sentence });
    const example: FigureLookupExample = { set: 's', id: 'q', tiers: [[row('a', 1, true), row('a', 5, false), row('b', 3, false)], [row('b', 9, true)]] };
    const listed = orderedFigures(example, (signals) => signals.score!);
    // "a": its row is ordered first and its sentence stands there; "b": the sentence is in a later tier, so the row stays.
    expect(listed.map((f) => [f.statement, f.signals.score, f.sentence])).toEqual([['a', 1, true], ['b', 3, false]]);
  });
});
