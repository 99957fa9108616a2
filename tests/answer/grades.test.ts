import { describe, expect, it } from 'vitest';
import { orBetterGrade } from '../../src/answer/grades.js';

describe('a combined grade', () => {
  it('counts for its lowest grade when it reaches Outstanding ("good or better")', () => {
    expect(orBetterGrade(['Good', 'Outstanding'])).toBe('Good');
    expect(orBetterGrade(['Outstanding', 'Good'])).toBe('Good');
    expect(orBetterGrade(['Requires improvement', 'Good', 'Outstanding'])).toBe('Requires improvement');
  });

  it('counts for no single grade when it stops short of Outstanding, or is one grade', () => {
    expect(orBetterGrade(['Inadequate', 'Requires improvement'])).toBeUndefined();
    expect(orBetterGrade(['Outstanding'])).toBeUndefined();
    expect(orBetterGrade([])).toBeUndefined();
  });
});
