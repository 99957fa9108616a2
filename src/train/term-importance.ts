/**
 * Fits the learned term importance (src/search/term-importance.ts): a logistic model of whether a
 * question term stands in the sentence that answers, from the term's general features, on every
 * answerable question's gold sentence. It then fills each window's sentenceLearnedCoverage, which
 * the ranker is trained on, from models fitted without the window's fold (stacking), so the ranker
 * learns how far to trust the coverage on questions the term model has not seen.
 */
import { TERM_FEATURES, importanceShare, termImportance, type TermImportanceModel } from '../search/term-importance.js';
import { foldOf } from './cross-validate.js';
import { SIGNAL_NAMES, type QuestionExample } from './examples.js';
import { FIT_DEFAULTS, fitLogistic, savedLinear, standardise, standardiser } from './linear.js';

const COVERAGE_SIGNAL = 'sentenceLearnedCoverage';
const WIDTH = TERM_FEATURES.length;

/** One row a term of each answerable question, from its first gold sentence's document; the label: that sentence holds it. */
export function termRows(examples: readonly QuestionExample[]): { rows: number[][]; labels: boolean[] } {
  const rows: number[][] = [];
  const labels: boolean[] = [];
  for (const example of examples) {
    const gold = example.windows.find((window) => window.focusGold);
    if (!example.answerable || !gold) continue;
    const table = example.termTables[gold.termTable] ?? [];
    table.forEach((row, i) => {
      if (row.length !== WIDTH) return;
      rows.push(row);
      labels.push(gold.sentenceHolds[i] === 1);
    });
  }
  return { rows, labels };
}

export function fitTermImportance(examples: readonly QuestionExample[]): TermImportanceModel {
  const { rows, labels } = termRows(examples);
  const scaling = standardiser(rows, WIDTH);
  const weights = fitLogistic(rows.map((row) => standardise(row, scaling)), labels, WIDTH, { ...FIT_DEFAULTS, l2: 0.1 });
  return savedLinear(TERM_FEATURES, scaling, weights.slice(0, WIDTH), weights[WIDTH] as number);
}

/** The share of a question's term importance its window's best sentence holds (as the signal reads it at run time). */
export function learnedCoverage(model: TermImportanceModel, example: QuestionExample, windowIndex: number): number {
  const window = example.windows[windowIndex];
  const table = window ? example.termTables[window.termTable] : undefined;
  if (!window || !table) return 0;
  const importance = termImportance(model, new Map(example.terms.map((term, i) => [term, table[i] ?? []])));
  const held = new Map(example.terms.map((term, i) => [term, window.sentenceHolds[i] ?? 0]));
  return importanceShare(importance, (term) => held.get(term) ?? 0);
}

/**
 * The examples with sentenceLearnedCoverage filled in from term models fitted without each
 * question's fold, and the model fitted on every question (what is shipped).
 */
export function withLearnedCoverage(examples: readonly QuestionExample[], folds: number): { examples: QuestionExample[]; model: TermImportanceModel } {
  const column = SIGNAL_NAMES.indexOf(COVERAGE_SIGNAL);
  const byFold = Array.from({ length: folds }, (_, fold) => fitTermImportance(examples.filter((example) => foldOf(example, folds) !== fold)));
  const filled = examples.map((example) => {
    const model = byFold[foldOf(example, folds)] as TermImportanceModel;
    return {
      ...example,
      windows: example.windows.map((window, i) => {
        const values = [...window.values];
        values[column] = learnedCoverage(model, example, i);
        return { ...window, values };
      }),
    };
  });
  return { examples: filled, model: fitTermImportance(examples) };
}
