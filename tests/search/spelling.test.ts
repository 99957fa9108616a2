import { describe, expect, it } from 'vitest';
import { correctSpelling, correctWord, type SpellingTools } from '../../src/search/spelling.js';
import { vocabulary } from './signals.helpers.js';

const { normaliser, generalRanks } = vocabulary;
const term = (word: string) => normaliser.term(word) as string;

/** An index holding these words' terms, in so many passages each. */
function tools(holding: Record<string, number>, known: (word: string) => boolean = () => false): SpellingTools {
  const passages = new Map(Object.entries(holding).map(([word, count]) => [term(word), count]));
  return { normaliser, generalRanks, known, lexicon: { has: (t) => passages.has(t), passagesHolding: (t) => passages.get(t) ?? 0 } };
}

describe('typing slips in a question', () => {
  const reports = tools({ inadequate: 40, councils: 90, fostercare: 12, punitive: 30 });

  it('reads a slip one edit away as the word the reports use, in the case it was typed', () => {
    const { text, corrections } = correctSpelling('What share of Coucnils were rated inadqeuate?', reports);
    expect(text).toBe('What share of Councils were rated inadequate?');
    expect(corrections).toEqual([
      { from: 'Coucnils', to: 'Councils' },
      { from: 'inadqeuate', to: 'inadequate' },
    ]);
  });

  it('reads a slip of a word English does not have as the reports\' own word', () => {
    expect(correctWord('fostrecare', reports)).toBe('fostercare');
  });

  it('leaves a slip of an English word the reports never use alone, rather than read it as a stem they hold', () => {
    // "puniter" shares a term with "punitive"; "printer" is the English word one swap away.
    expect(term('puniter')).toBe(term('punitive'));
    expect(correctWord('prniter', reports)).toBeUndefined();
  });

  it('reads a word spelt the other side of the Atlantic as the reports spell it, when both are English', () => {
    const british = tools({ organisation: 8, judgement: 20, centre: 3 });
    expect(correctSpelling('Which organization made the judgment at the center?', british).text).toBe('Which organisation made the judgement at the centre?');
    const american = tools({ organization: 8 });
    expect(correctWord('organisation', american)).toBe('organization');
    // Nothing to do when the reports use the word as typed.
    expect(correctWord('organisation', british)).toBeUndefined();
  });

  it('leaves English words, words the reports use, short words, capitals and known short forms alone', () => {
    expect(correctWord('lunch', reports)).toBeUndefined();
    expect(correctWord('councils', reports)).toBeUndefined();
    expect(correctWord('depts', tools({ depth: 5 }))).toBeUndefined();
    expect(correctWord('NSPCCS', tools({ nspcc: 5 }))).toBeUndefined();
    expect(correctWord('Wiltss', tools({ wilts: 5 }, (word) => word === 'Wiltss'))).toBeUndefined();
    expect(correctSpelling('anyone seen my blue mug by the sink?', reports).corrections).toEqual([]);
  });

  it('leaves the words of a link, an address or a file name as they were copied', () => {
    const pasted = 'what does https://www.example.org/coucnils-report say, per inadqeuate.pdf or ann@coucnils.org?';
    expect(correctSpelling(pasted, reports).text).toBe(pasted);
    expect(correctSpelling('see lgc.coucnils for inadqeuate ratings', reports).text).toBe('see lgc.coucnils for inadequate ratings');
  });

  it('leaves a word with nothing one edit away as it was', () => {
    expect(correctWord('zzkjqxw', reports)).toBeUndefined();
  });
});
