import { describe, expect, it } from 'vitest';
import { proseLeadForClaim } from '../../src/answer/claim-lead.js';
import type { RankedWindow } from '../../src/search/ranker.js';
import { loadStatsVocabulary } from '../../src/stats/index.js';

const vocabulary = loadStatsVocabulary('data');
// proseLeadForClaim reads a window's best sentence and its score alone.
const ranked = (...sentences: string[]): RankedWindow[] =>
  sentences.map((sentence, i) => ({ evidence: { window: { sentence } }, values: {}, score: 5 - i }) as unknown as RankedWindow);
const order = (items: readonly RankedWindow[]) => items.map((item) => item.evidence.window.sentence);

const TABLE = 'Measure | 2025 | 2026\nAverage caseload per officer | 57 | 52\nVacancy rate | 16.8% | 11.1%';
const ROW = 'Average caseload per officer: 31 March 2025 57, 31 March 2026 52';
const PROSE = 'The average caseload of an officer fell from 57 to 52 over the year.';
const OTHER = 'Officers said caseloads were still too high in the north of the county.';
const CLAIM = 'avg officer caseload is down to 52 apparently, was 57 a year before';

describe('which line a claim leads with', () => {
  it('leads with a sentence stating every figure of the claim before the table that states them too', () => {
    const reordered = proseLeadForClaim(ranked(TABLE, OTHER, PROSE), CLAIM, vocabulary, 8);
    expect(order(reordered)).toEqual([PROSE, TABLE, OTHER]);
    expect(reordered[0]!.score).toBeGreaterThan(reordered[1]!.score);
  });

  it('does the same for a row as DOCX, HTML and PDF tables are read', () => {
    expect(order(proseLeadForClaim(ranked(ROW, PROSE, OTHER), CLAIM, vocabulary, 8))).toEqual([PROSE, ROW, OTHER]);
  });

  it('keeps the table first when no sentence close behind states all the figures', () => {
    const half = 'The average caseload fell to 52.';
    expect(order(proseLeadForClaim(ranked(TABLE, half, OTHER), CLAIM, vocabulary, 8))).toEqual([TABLE, half, OTHER]);
    expect(order(proseLeadForClaim(ranked(TABLE, OTHER, PROSE), CLAIM, vocabulary, 2))).toEqual([TABLE, OTHER, PROSE]);
  });

  it('leads with it before a sentence on the subject that does not state the figures', () => {
    expect(order(proseLeadForClaim(ranked(OTHER, TABLE, PROSE), CLAIM, vocabulary, 8))).toEqual([PROSE, OTHER, TABLE]);
  });

  it('leaves the order alone when a sentence stating every figure already leads, or the claim states no figure', () => {
    const restated = 'Caseloads per officer: down to 52 from 57.';
    expect(order(proseLeadForClaim(ranked(restated, TABLE, PROSE), CLAIM, vocabulary, 8))).toEqual([restated, TABLE, PROSE]);
    expect(order(proseLeadForClaim(ranked(TABLE, PROSE), 'officer caseloads have come down', vocabulary, 8))).toEqual([TABLE, PROSE]);
    expect(order(proseLeadForClaim(ranked(OTHER, PROSE), 'officer caseloads have come down', vocabulary, 8))).toEqual([OTHER, PROSE]);
  });
});
