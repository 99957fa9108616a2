import { describe, expect, it } from 'vitest';
import { WrittenNames } from '../../src/stats/index.js';

/** Two made-up councils' reports and a regional one naming both. */
function names(): WrittenNames {
  return WrittenNames.read([
    { docId: 'harbury.md', title: 'Harbury fostering review', text: 'Harbury Council approved 14 new foster carers. In Harbury the waiting list fell. Foster carers in the valley were thanked.' },
    { docId: 'oakmere.md', title: 'Oakmere budget report', text: 'The high needs deficit in Oakmere reached £4.2 million in March. Oakmere expects it to grow. Valley schools joined the scheme.' },
    { docId: 'region.md', title: 'Regional summary', text: 'Both Harbury and Oakmere reported to the panel in March. Deficit figures are shown below.' },
  ]);
}

describe('WrittenNames', () => {
  it('counts a word as a name when the reports capitalise it inside sentences, not where a sentence opens', () => {
    const read = names();
    expect(read.isName('harbury')).toBe(true);
    expect(read.isName('oakmere')).toBe(true);
    // "Deficit" and "Foster" are capitalised only where a sentence opens; "valley" is written both ways.
    expect(read.isName('deficit')).toBe(false);
    expect(read.isName('foster')).toBe(false);
    expect(read.isName('valley')).toBe(false);
  });

  it('reads a month as a date, not a name, and a word as itself, not its stem', () => {
    expect(names().isName('march')).toBe(false);
    expect(names().namesIn("Harbury's carers, Harburys, March and Oakmere")).toEqual(['harbury', 'oakmere']);
  });

  it('says which documents write a name, in a passage or a title', () => {
    const read = names();
    expect([...read.documentsWriting('oakmere')].sort()).toEqual(['oakmere.md', 'region.md']);
    expect([...read.documentsNaming(read.namesIn('deficit in Harbury'))!].sort()).toEqual(['harbury.md', 'region.md']);
    expect([...read.documentsNaming(['harbury', 'oakmere'])!]).toEqual(['region.md']);
  });

  it('restricts nothing when a text names nothing', () => {
    expect(names().namesIn('deficit of carers')).toEqual([]);
    expect(names().documentsNaming([])).toBeUndefined();
  });

  it('reads no acronym as a name: it is capitalised whatever it stands for, plural or mixed-case ("LAs", "DfE") too', () => {
    const read = WrittenNames.read([{ docId: 'a.md', title: 'A', text: 'The rise in EHCP plans and the EHCP backlog. Most LAs wrote to the DfE, and the LAs said the DfE had not replied.' }]);
    expect(read.namesIn('EHCP LAs DfE')).toEqual([]);
  });
});
