import { describe, expect, it } from 'vitest';
import { medianOfRuns, percentile, rangeOfRuns } from '../../src/bench/measure.js';

describe('bench measures', () => {
  it('take percentiles by rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });

  it('combine runs field by field into medians, through nested objects and lists, keeping texts', () => {
    const runs = [
      { store: 'Citeline', loadMs: 50, searches: [{ ef: 100, recallAt10: 0.99, searchP50Ms: 0.09 }] },
      { store: 'Citeline', loadMs: 44, searches: [{ ef: 100, recallAt10: 0.99, searchP50Ms: 0.07 }] },
      { store: 'Citeline', loadMs: 75, searches: [{ ef: 100, recallAt10: 0.99, searchP50Ms: 0.08 }] },
    ];
    expect(medianOfRuns(runs)).toEqual({ store: 'Citeline', loadMs: 50, searches: [{ ef: 100, recallAt10: 0.99, searchP50Ms: 0.08 }] });
    expect(rangeOfRuns(runs, (run) => run.loadMs)).toEqual([44, 75]);
    expect(medianOfRuns([{ a: 1 }])).toEqual({ a: 1 });
    expect(medianOfRuns([4, 1, 3, 2])).toBe(2.5);
    expect(() => medianOfRuns([])).toThrow(/no runs/);
  });
});
