import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeLabel, loadGradeModel, orderGrades, parseGradeModel } from '../../src/grades/model.js';
import { gradesIn } from '../../src/search/query.js';
import { findGrades } from '../../src/stats/grades.js';
import { loadStatsVocabulary } from '../../src/stats/vocabulary.js';

const file = () => JSON.parse(readFileSync(new URL('../../data/grades.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const model = loadGradeModel('data');

describe('the grade model (data/grades.json)', () => {
  it('holds the grades worst first, with their spellings, combined grades and both cue rules, comments dropped', () => {
    expect(model.order).toEqual(['Inadequate', 'Requires improvement', 'Adequate', 'Good', 'Outstanding']);
    expect(model.combined.map((c) => gradeLabel(c.grades))).toEqual(['Inadequate or requires improvement', 'Good or outstanding']);
    expect(model.figureCues.window).toBeGreaterThan(0);
    expect([...model.figureCues.ambiguous]).toEqual(['Good']);
    expect(model.rankingCues.ambiguous.has('Adequate')).toBe(true);
    expect('$comment' in file() && '$comment' in (file().cues as object)).toBe(true);
    expect(JSON.stringify([...model.phrases])).not.toContain('$comment');
  });

  it('gives search and the figures index the same spellings: a phrase one reads, the other reads too', () => {
    const stats = loadStatsVocabulary('data', model);
    expect(stats.gradeModel).toBe(model);
    // Once only in the search vocabulary, now read in a report's figure as well.
    expect(findGrades('In 2016, 12% of councils got the lowest grade.', stats).map((m) => m.grades)).toEqual([['Inadequate']]);
    expect(gradesIn('in 2016, 12% of councils got the lowest grade.', model)).toEqual(['Inadequate']);
    // Once only in the stats vocabulary: the whole phrase is one grade, its "good" no second one.
    expect(gradesIn('councils requiring improvement to be good', model)).toEqual(['Requires improvement']);
  });

  it('reads "good+" as good or outstanding in search and in the figures index alike, and a "+" elsewhere as no grade', () => {
    const stats = loadStatsVocabulary('data', model);
    expect(gradesIn('what share were rated good+ in 2024?', model)).toEqual(['Good or outstanding']);
    expect(findGrades('what share were rated good+ in 2024?', stats, { matcher: stats.gradesAnyCase, requireCue: false }).map((m) => m.grades)).toEqual([['Good', 'Outstanding']]);
    expect(gradesIn('good staff with 5+ years', model)).toEqual([]);
  });

  it('orders and labels grades worst first', () => {
    expect(orderGrades(['Outstanding', 'Good', 'Good'], model)).toEqual(['Good', 'Outstanding']);
    expect(gradeLabel(['Requires improvement', 'Good', 'Outstanding'])).toBe('Requires improvement, good or outstanding');
  });

  it.each([
    ['a combined grade naming no grade', (json: Record<string, unknown>) => ((json.combined as { grades: string[] }[])[0]!.grades = ['Excellent']), 'combined.0.grades.0'],
    ['an empty spelling', (json: Record<string, unknown>) => ((json.grades as { spellings: string[] }[])[0]!.spellings = ['']), 'grades.0.spellings.0'],
    ['a window that is not a positive integer', (json: Record<string, unknown>) => (((json.cues as Record<string, { window: number }>).figures!).window = 0), 'cues.figures.window'],
  ])('refuses an edit that breaks it, naming where: %s', (_, damage, problem) => {
    const json = file();
    damage(json);
    expect(() => parseGradeModel(json)).toThrow(problem);
  });
});
