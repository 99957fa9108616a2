import { describe, expect, it } from 'vitest';
import { loadStatsVocabulary } from '../../src/stats/index.js';
import { WrittenNames } from '../../src/stats/written-names.js';

const { words } = loadStatsVocabulary('data');
const keyWord = (word: string) => (word.length > 2 && !words.stopwords.has(word) ? words.stem(word) : undefined);
const key = (word: string) => keyWord(word)!;

/** Two made-up councils' reports and a regional one naming both. */
function names(): WrittenNames {
  return WrittenNames.read(
    [
      { docId: 'harbury.md', title: 'Harbury fostering review', text: 'Harbury Council approved 14 new foster carers. In Harbury the waiting list fell. Foster carers in the valley were thanked.' },
      { docId: 'oakmere.md', title: 'Oakmere budget report', text: 'The high needs deficit in Oakmere reached £4.2 million. Oakmere expects it to grow. Valley schools joined the scheme.' },
      { docId: 'region.md', title: 'Regional summary', text: 'Both Harbury and Oakmere reported to the panel. Deficit figures are shown below.' },
    ],
    keyWord,
  );
}

describe('WrittenNames', () => {
  it('counts a word as a name when the reports capitalise it inside sentences, not where a sentence opens', () => {
    const read = names();
    expect(read.isName(key('harbury'))).toBe(true);
    expect(read.isName(key('oakmere'))).toBe(true);
    // "Deficit" and "Foster" are capitalised only where a sentence opens; "valley" is written both ways.
    expect(read.isName(key('deficit'))).toBe(false);
    expect(read.isName(key('foster'))).toBe(false);
    expect(read.isName(key('valley'))).toBe(false);
  });

  it('says which documents write a name, in a passage or a title', () => {
    const read = names();
    expect([...read.documentsWriting(key('oakmere'))].sort()).toEqual(['oakmere.md', 'region.md']);
    expect([...read.documentsNaming([key('deficit'), key('harbury')])!].sort()).toEqual(['harbury.md', 'region.md']);
    expect([...read.documentsNaming([key('harbury'), key('oakmere')])!]).toEqual(['region.md']);
  });

  it('restricts nothing when a query names nothing', () => {
    expect(names().documentsNaming([key('deficit'), key('carers')])).toBeUndefined();
  });

  it('reads no acronym as a name: it is capitalised whatever it stands for', () => {
    const read = WrittenNames.read([{ docId: 'a.md', title: 'A', text: 'The rise in EHCP plans and the EHCP backlog, and more EHCP reviews.' }], keyWord);
    expect(read.isName(key('ehcp'))).toBe(false);
  });

  it('reads a plural or mixed-case acronym ("LAs", "DfE") as no name either', () => {
    const read = WrittenNames.read([{ docId: 'a.md', title: 'A', text: 'Most LAs wrote to the DfE, and the LAs said the DfE had not replied.' }], keyWord);
    expect(read.isName(key('las'))).toBe(false);
    expect(read.isName(key('dfe'))).toBe(false);
  });
});
