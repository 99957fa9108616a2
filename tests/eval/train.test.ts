import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/search/ranker.js';
import { FIT_DEFAULTS, dot, fitListwise, fitLogistic } from '../../src/train/linear.js';
import { calibrationOf, chooseModel, logLoss } from '../../src/train/choose.js';
import { citedHitRank, foldOf, leadAnswers, rankExample } from '../../src/train/cross-validate.js';
import { SIGNAL_NAMES, type QuestionExample } from '../../src/train/examples.js';

describe('the models training fits', () => {
  it('a listwise ranker learns which feature marks the answer among a question\'s candidates', () => {
    // Feature 0 marks the gold candidate; feature 1 is noise.
    const examples = Array.from({ length: 30 }, (_, q) => ({
      rows: [0, 1, 2, 3].map((i) => [i === q % 4 ? 1 : -1, ((q * 7 + i * 3) % 5) - 2]),
      target: [0, 1, 2, 3].map((i) => (i === q % 4 ? 1 : 0)),
    }));
    const weights = fitListwise(examples, 2);
    expect(weights[0]).toBeGreaterThan(Math.abs(weights[1]!));
    for (const { rows, target } of examples) {
      const scores = rows.map((row) => dot(weights, row));
      expect(target[scores.indexOf(Math.max(...scores))]).toBe(1);
    }
  });

  it('a listwise ranker puts the candidate with the larger target weight first when features tell them apart', () => {
    // Two candidates answer; feature 0 marks the one wanted twice as much, feature 1 both.
    const examples = Array.from({ length: 30 }, (_, q) => ({
      rows: [0, 1, 2].map((i) => [i === q % 3 ? 1 : 0, i === (q + 1) % 3 || i === q % 3 ? 1 : 0]),
      target: [0, 1, 2].map((i) => (i === q % 3 ? 1 : i === (q + 1) % 3 ? 0.5 : 0)),
    }));
    const weights = fitListwise(examples, 2);
    expect(weights[0]).toBeGreaterThan(0);
    expect(weights[1]).toBeGreaterThan(0);
    for (const { rows, target } of examples) {
      const scores = rows.map((row) => dot(weights, row));
      expect(target[scores.indexOf(Math.max(...scores))]).toBe(1);
    }
  });

  it('a logistic regression separates two classes and keeps its bias apart from the weights', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i < 20 ? -1 - (i % 3) / 3 : 1 + (i % 3) / 3]);
    const labels = rows.map((row) => row[0]! > 0);
    const weights = fitLogistic(rows, labels, 1, { ...FIT_DEFAULTS, l2: 0.01 });
    expect(weights).toHaveLength(2);
    expect(sigmoid(dot(weights, [1.5]) + weights[1]!)).toBeGreaterThan(0.8);
    expect(sigmoid(dot(weights, [-1.5]) + weights[1]!)).toBeLessThan(0.2);
  });
});

describe('leave-documents-out folds', () => {
  const example = (id: string, documents: string[], collection = 'c'): QuestionExample => ({ set: 's', collection, id, kind: 'stat', answerable: documents.length > 0, documents, terms: [], termTables: [], spans: [], passages: {}, windows: [] });

  it('keeps every question about one document in one fold, whatever its id', () => {
    const folds = new Set(['q1', 'q2', 'q3', 'q4'].map((id) => foldOf(example(id, ['report-a']), 5)));
    expect(folds.size).toBe(1);
  });

  it('spreads documents and unanswerable questions over the folds', () => {
    const folds = new Set(Array.from({ length: 40 }, (_, i) => foldOf(example(`u${i}`, i % 2 ? [`doc-${i}`] : []), 5)));
    expect(folds.size).toBe(5);
  });
});

describe('the confidence calibration training reports', () => {
  it('bins held-out probabilities by fifths and sets the predicted mean beside the share that answered', () => {
    // Ten at 0.1 of which one answered; ten at 0.9 of which nine did: calibrated.
    const probabilities = [...Array(10).fill(0.1), ...Array(10).fill(0.9)];
    const answered = [...Array(10).fill(false).map((_, i) => i === 0), ...Array(10).fill(true).map((_, i) => i !== 0)];
    const calibrated = calibrationOf(probabilities, answered);
    expect(calibrated.bins).toEqual([
      { from: 0, to: 0.2, n: 10, predicted: 0.1, observed: 0.1 },
      { from: 0.8, to: 1, n: 10, predicted: 0.9, observed: 0.9 },
    ]);
    expect(calibrated.error).toBe(0);
    // The same probabilities when none answered: off by 0.1 and 0.9, weighted by count.
    expect(calibrationOf(probabilities, Array(20).fill(false)).error).toBe(0.5);
  });

  it('scores probabilities by log loss, lowest for the calibrated ones, finite at 0 and 1', () => {
    const answered = [true, true, true, false];
    expect(logLoss([0.75, 0.75, 0.75, 0.75], answered)).toBeCloseTo(-(3 * Math.log(0.75) + Math.log(0.25)) / 4);
    expect(logLoss([0.75, 0.75, 0.75, 0.75], answered)).toBeLessThan(logLoss([0.5, 0.5, 0.5, 0.5], answered));
    expect(logLoss([0.75, 0.75, 0.75, 0.75], answered)).toBeLessThan(logLoss([0.95, 0.95, 0.95, 0.95], answered));
    expect(Number.isFinite(logLoss([1, 1, 1, 1], answered))).toBe(true);
  });
});


describe('choosing the model', () => {
  // Two kinds of question over four documents; one signal marks the answering window, so held out
  // the ranker finds it. Unanswerable questions have no window that answers.
  const marker = SIGNAL_NAMES.indexOf('windowCoverage');
  const question = (i: number, kind: string, answerable: boolean): QuestionExample => ({
    set: i % 2 ? 'set-a' : 'set-b',
    collection: i % 3 ? 'one' : 'two',
    id: `q${i}`,
    kind,
    answerable,
    documents: answerable ? [`doc-${i % 4}.md`] : [],
    terms: [],
    termTables: [],
    spans: [],
    passages: {},
    windows: [0, 1, 2].map((w) => {
      const gold = answerable && w === i % 3;
      const values = SIGNAL_NAMES.map((_, j) => (j === marker ? (gold ? 1 : 0.1 * w) : ((i * 7 + w * 3 + j) % 5) / 5));
      return { values, gold, focusGold: gold, passageId: `p${i}-${w}`, docId: `doc-${i % 4}.md`, text: `window ${w}`, sentence: `window ${w}`, start: 0, end: 8, focusStart: 0, focusEnd: 8, sentenceHolds: [], termTable: 0 };
    }),
  });
  const examples = [
    ...Array.from({ length: 24 }, (_, i) => question(i, i % 2 ? 'stat' : 'who', true)),
    ...Array.from({ length: 6 }, (_, i) => question(24 + i, 'unanswerable', false)),
  ];

  it('reports held-out figures by kind of question as well as by set', () => {
    const report = chooseModel(examples, { folds: 3, select: false, log: () => {} });
    const byKind = report.provenance.heldOutByKind as Record<string, { n: number; recall1: number }>;
    expect(Object.keys(byKind).sort()).toEqual(['stat', 'unanswerable', 'who']);
    expect(byKind.stat!.n).toBe(12);
    expect(byKind.who!.n).toBe(12);
    expect(byKind.stat!.recall1).toBeGreaterThan(0.8);
    expect(Object.keys(report.provenance.heldOut as object).sort()).toEqual(['set-a', 'set-b']);
    expect(report.table).toContain('by kind of question');
  });

  it('keeps the table\'s columns straight under a set name longer than the header', () => {
    const long = examples.map((e) => (e.set === 'set-a' ? { ...e, set: 'a-set-with-a-long-name' } : e));
    const lines = chooseModel(long, { folds: 3, select: false, log: () => {} }).table.split('\n');
    const header = lines.find((line) => line.startsWith('set '))!;
    const row = lines.find((line) => line.startsWith('a-set-with-a-long-name'))!;
    const at = header.indexOf('R@1');
    expect(at).toBeGreaterThan('a-set-with-a-long-name'.length);
    // The figure under "R@1" starts where the heading does.
    expect(row.slice(at, at + 4)).toMatch(/^[01]\.\d\d$/);
  });

  it('chooses the confidence model\'s L2 among the ranker\'s choices and records it beside the answerability\'s', () => {
    const lines: string[] = [];
    const report = chooseModel(examples, { folds: 3, select: false, log: (line) => lines.push(line) });
    expect([0.01, 0.1, 0.3, 1]).toContain(report.provenance.confidenceL2);
    expect(report.provenance.answerableL2).toBe(0.1);
    expect(lines.some((line) => line.startsWith(`confidence l2 ${report.provenance.confidenceL2}: held-out log loss`))).toBe(true);
  });
});

describe('scoring citations as a reply quotes them', () => {
  // One passage of three sentences; the window around the first does not hold the answer, the one
  // around the second does. The first leads; its quote grows into the second, as a reply's does.
  const sentences = ['Carers were surveyed in spring.', 'Some 310 carers left that year.', 'Most of them cited pay.'];
  const text = sentences.join(' ');
  const window = (i: number, gold: boolean) => {
    const start = text.indexOf(sentences[i]!);
    return { values: [], gold, focusGold: gold, passageId: 'p1', docId: 'report.md', text: sentences[i]!, sentence: sentences[i]!, start, end: start + sentences[i]!.length, focusStart: 0, focusEnd: sentences[i]!.length, sentenceHolds: [], termTable: 0 };
  };
  const example = (passages: Record<string, string>): QuestionExample => ({
    set: 's', collection: 'c', id: 'q', kind: 'stat', answerable: true, documents: ['report'], terms: [], termTables: [],
    spans: [{ doc: 'report.pdf', answer: '310 carers left' }], passages, windows: [window(0, false), window(1, true), window(2, false)],
  });

  it('counts the lead as answering when its grown quote holds the span, though its window does not', () => {
    const ranked = rankExample(example({ p1: text }), [3, 2, 1]);
    expect(ranked.ranked[0]!.window.gold).toBe(false);
    expect(citedHitRank(ranked)).toBe(1);
    expect(leadAnswers(ranked)).toBe(true);
  });

  it('falls back to the window alone when the examples keep no passage text (an older cache)', () => {
    const ranked = rankExample(example({}), [3, 2, 1]);
    expect(citedHitRank(ranked)).toBeNull();
    expect(leadAnswers(ranked)).toBe(false);
  });
});
