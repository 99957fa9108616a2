import { describe, expect, it } from 'vitest';
import { parseGeneralRanks, questionSpecificity, termSpecificity, type CorpusFrequency } from '../../src/search/domain.js';

/** A collection of `size` passages of 40 terms, holding each term in so many passages. */
function corpus(size: number, holding: Record<string, number>): CorpusFrequency {
  return { size, termsPerPassage: 40, passagesHolding: (term) => holding[term] ?? 0 };
}

// English, most frequent first, at about their real ranks: "time" and "office" everyday, "lunch" less
// so, "fostering" and "wifi" rare. Other ranks are filled with made-up words.
const placed: Record<number, string> = { 0: 'the', 60: 'time', 500: 'office', 5000: 'lunch', 20000: 'fostering', 36000: 'wifi' };
const list = Array.from({ length: 36001 }, (_, rank) => placed[rank] ?? `filler${rank}`);
const ranks = parseGeneralRanks(['# a comment', ...list].join('\n'));
/** A word whose search term is itself (these tests need no stemming). */
const w = (word: string) => ({ word, term: word });

describe('how much a question speaks the reports\' language', () => {
  it('reads word ranks from the list, most frequent first, skipping comments', () => {
    expect(ranks.get('the')).toBe(0);
    expect(ranks.get('time')).toBe(60);
    expect(ranks.get('wifi')).toBe(36000);
  });

  it('scores a term the reports use far more than English does above one they use as English does', () => {
    const reports = corpus(3000, { fostering: 900, time: 300, office: 30 });
    expect(termSpecificity(w('fostering'), reports, ranks)).toBeGreaterThan(1);
    expect(termSpecificity(w('office'), reports, ranks)).toBeLessThan(termSpecificity(w('fostering'), reports, ranks));
  });

  it('counts a missing everyday word against a large collection, and hardly against a small one', () => {
    const large = termSpecificity(w('lunch'), corpus(5000, {}), ranks);
    const small = termSpecificity(w('lunch'), corpus(10, {}), ranks);
    expect(large).toBeLessThan(-1);
    expect(small).toBeGreaterThan(-0.5);
    expect(small).toBeLessThanOrEqual(0);
  });

  it('tells a question in the reports\' terms from an everyday one', () => {
    const reports = corpus(3000, { fostering: 900, time: 300, office: 30 });
    const onTopic = questionSpecificity(['fostering', 'time'].map(w), reports, ranks).mean;
    const everyday = questionSpecificity(['lunch', 'office', 'wifi'].map(w), reports, ranks).mean;
    expect(onTopic).toBeGreaterThan(1);
    expect(everyday).toBeLessThan(0);
    expect(questionSpecificity([], reports, ranks)).toEqual({ mean: 0, peak: 0 });
    // A term said twice ("councils", "council") counts once.
    expect(questionSpecificity([w('fostering'), { word: 'fosterings', term: 'fostering' }, w('time')], reports, ranks).mean).toBeCloseTo(onTopic);
  });

  it('reads the peak as the question\'s most characteristic term, however many everyday words surround it', () => {
    const reports = corpus(3000, { fostering: 900, time: 300, office: 30 });
    const loose = questionSpecificity(['fostering', 'lunch', 'office', 'wifi', 'time'].map(w), reports, ranks);
    const everyday = questionSpecificity(['lunch', 'office', 'wifi', 'time'].map(w), reports, ranks);
    expect(loose.peak).toBeCloseTo(termSpecificity(w('fostering'), reports, ranks));
    expect(loose.peak).toBeGreaterThan(1);
    expect(everyday.peak).toBeLessThan(loose.peak);
    // The mean alone tells them apart far less: one characteristic word among four everyday ones.
    expect(loose.peak - everyday.peak).toBeGreaterThan(loose.mean - everyday.mean);
  });
});
