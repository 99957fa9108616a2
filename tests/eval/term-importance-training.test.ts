import { describe, expect, it } from 'vitest';
import { TERM_FEATURES, termImportance } from '../../src/search/term-importance.js';
import { SIGNAL_NAMES, type QuestionExample } from '../../src/train/examples.js';
import { fitTermImportance, termRows, withLearnedCoverage } from '../../src/train/term-importance.js';

const IN_TITLE = TERM_FEATURES.indexOf('inTitle');
const column = SIGNAL_NAMES.indexOf('sentenceLearnedCoverage');

/**
 * Questions of two terms: the first is in its document's title, the second is not, and the
 * answering sentence says only the second (as a question names its report, then asks).
 */
function question(i: number): QuestionExample {
  const row = (inTitle: number) => TERM_FEATURES.map((_, j) => (j === IN_TITLE ? inTitle : ((i * 3 + j) % 7) / 7));
  const window = (sentenceHolds: number[], gold: boolean) => ({
    values: SIGNAL_NAMES.map(() => 0),
    gold,
    focusGold: gold,
    passageId: `p${i}`,
    docId: `doc-${i % 6}.md`,
    text: 'text',
    sentence: 'sentence',
    start: 0,
    end: 4,
    focusStart: 0,
    focusEnd: 4,
    sentenceHolds,
    termTable: 0,
  });
  return {
    set: 'set',
    collection: 'c',
    id: `q${i}`,
    kind: 'stat',
    answerable: true,
    documents: [`doc-${i % 6}.md`],
    terms: ['report', 'asked'],
    termTables: [[row(1), row(0)]],
    spans: [],
    passages: {},
    windows: [window([1, 0], false), window([0, 1], true)],
  };
}

describe('learning term importance', () => {
  const examples = Array.from({ length: 30 }, (_, i) => question(i));

  it('reads one row a term of each answerable question, labelled by whether the answering sentence holds it', () => {
    const { rows, labels } = termRows(examples);
    expect(rows).toHaveLength(60);
    expect(labels.filter(Boolean)).toHaveLength(30);
    expect(termRows([{ ...question(0), answerable: false }]).rows).toHaveLength(0);
  });

  it('learns that a term the title says is less likely to stand in the answer', () => {
    const model = fitTermImportance(examples);
    const [first] = examples;
    const table = first!.termTables[0]!;
    const importance = termImportance(model, new Map([['report', table[0]!], ['asked', table[1]!]]));
    expect(importance.get('asked')!).toBeGreaterThan(0.7);
    expect(importance.get('report')!).toBeLessThan(0.3);
  });

  it('fills the learned coverage from models fitted without each question\'s fold', () => {
    const { examples: filled, model } = withLearnedCoverage(examples, 3);
    expect(model.features).toEqual([...TERM_FEATURES]);
    for (const example of filled) {
      const [other, gold] = example.windows.map((window) => window.values[column]!);
      expect(gold).toBeGreaterThan(0.7);
      expect(other).toBeLessThan(0.3);
    }
    // The collected examples are left as they were.
    expect(examples[0]!.windows[1]!.values[column]).toBe(0);
  });
});
