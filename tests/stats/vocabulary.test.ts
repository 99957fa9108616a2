import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGradeModel } from '../../src/grades/model.js';
import { checkVocabularyData, parseVocabulary } from '../../src/stats/vocabulary.js';

const file = () => JSON.parse(readFileSync(new URL('../../data/stats-vocabulary.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the stats vocabulary file', () => {
  it('is read whole: every field kept, objects\' comments dropped, optional lists defaulting to empty', () => {
    const json = file();
    const data = checkVocabularyData(json);
    // Grades are data/grades.json's (tests/grades): this file holds what figures count and are measured in.
    expect(data.counted.map((entry) => entry.name)).toContain('local authorities');
    expect('$comment' in json).toBe(true);
    expect('$comment' in data).toBe(false);
    const { measureWords: _measures, ...units } = json.units as Record<string, unknown>;
    const defaulted = checkVocabularyData({ ...json, units });
    expect(defaulted.units.measureWords).toEqual([]);
  });

  it.each([
    ['an empty alias', (json: Record<string, unknown>) => ((json.counted as { aliases: string[] }[])[0]!.aliases = ['']), 'counted.0.aliases.0: expected a non-empty string'],
    ['a season month out of range', (json: Record<string, unknown>) => ((json.seasons as Record<string, number>).spring = 13), 'seasons.spring: expected a month from 1 to 12'],
    ['a missing list', (json: Record<string, unknown>) => delete json.counted, 'counted: expected a list'],
    ['a narrower group that is not a list', (json: Record<string, unknown>) => ((json.counted as { narrower?: unknown }[])[0]!.narrower = ['cla']), 'counted.0.narrower.0: expected a list'],
  ])('refuses an edit that breaks it, naming where: %s', (_, damage, problem) => {
    const json = file();
    damage(json);
    expect(() => parseVocabulary(json, loadGradeModel('data'), [])).toThrow(problem);
  });
});
