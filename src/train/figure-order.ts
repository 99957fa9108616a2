/**
 * Learns the stats lookup's figure order (figure-order.ts) from labelled lookups: a listwise linear
 * ranker over the figure signals of each tier, scored held out by set (each set a collection of
 * its own documents: trained on the others, scored on it), the L2 chosen on that score.
 */
import { linearScore, type LinearModel } from '../search/linear-model.js';
import { orderTier } from '../stats/figure-order.js';
import { oneStatementEach } from '../stats/statements.js';
import { fitListwise, savedLinear, standardise, standardiser } from './linear.js';

/** One figure a lookup listed, as training reads it. */
export interface ListedFigure {
  signals: Readonly<Record<string, number>>;
  /** Whether it is a gold answer of the lookup. */
  gold: boolean;
  /** Its statement key: a fact listed twice is shown once (oneStatementEach). */
  statement: string;
  /** Whether its statement is written as a sentence, which stands for the fact in a table row's place. */
  sentence: boolean;
}

/** One answerable lookup: its tiers (every word, then the closest), each in the search's order. */
export interface FigureLookupExample {
  set: string;
  id: string;
  tiers: ListedFigure[][];
}

export interface FigureOrderReport {
  model: LinearModel;
  l2: number;
  /** Per set, held out (trained on the other sets): recall@1/@3/@5 of the search's order and of the learned one. */
  heldOut: { set: string; lookups: number; searchOrder: [number, number, number]; learned: [number, number, number] }[];
  table: string;
}

const L2_CHOICES = [0.1, 0.3, 1, 3];
const FIT = { iterations: 300, learningRate: 0.08 };

/** Fits on every example, with the L2 whose held-out recall@1 (then @3) by set is highest. */
export function trainFigureOrder(examples: readonly FigureLookupExample[], features: readonly string[]): FigureOrderReport {
  const sets = [...new Set(examples.map((example) => example.set))];
  let best: { l2: number; heldOut: FigureOrderReport['heldOut']; score: number } | undefined;
  for (const l2 of L2_CHOICES) {
    const heldOut = sets.map((set) => {
      const model = fit(examples.filter((example) => example.set !== set), features, l2);
      const scored = examples.filter((example) => example.set === set);
      return { set, lookups: scored.length, searchOrder: recalls(scored, () => 0), learned: recalls(scored, (signals) => linearScore(model, signals)) };
    });
    const score = heldOut.reduce((sum, row) => sum + row.learned[0] * 1000 + row.learned[1], 0);
    if (!best || score > best.score) best = { l2, heldOut, score };
  }
  if (!best) throw new Error('trainFigureOrder: no lookups to learn from');
  const model = fit(examples, features, best.l2);
  return { model, l2: best.l2, heldOut: best.heldOut, table: table(best.heldOut) };
}

/** Each tier's figures as the lookup orders them (orderTier: by score, ties in the search's order), one statement of each fact as it keeps them. */
export function orderedFigures(example: FigureLookupExample, score: (signals: Readonly<Record<string, number>>) => number): ListedFigure[] {
  const shown = new Set<string>();
  const listed: ListedFigure[] = [];
  for (const tier of example.tiers) {
    const ordered = orderTier(tier, (figure) => score(figure.signals));
    for (const figure of oneStatementEach(ordered, (f) => f.statement, (f) => f.sentence)) {
      if (shown.has(figure.statement)) continue;
      shown.add(figure.statement);
      listed.push(figure);
    }
  }
  return listed;
}

function fit(examples: readonly FigureLookupExample[], features: readonly string[], l2: number): LinearModel {
  const rowOf = (figure: ListedFigure) => features.map((name) => figure.signals[name] ?? 0);
  const figures = examples.flatMap((example) => example.tiers.flat());
  const scaling = standardiser(figures.map(rowOf), features.length);
  // Each tier is a list of its own: the order never moves a figure across tiers.
  const lists = examples.flatMap((example) => example.tiers.map((tier) => ({ rows: tier.map((figure) => standardise(rowOf(figure), scaling)), target: tier.map((figure) => (figure.gold ? 1 : 0)) })));
  const weights = fitListwise(lists, features.length, { l2, ...FIT });
  return savedLinear(features, scaling, weights);
}

function recalls(examples: readonly FigureLookupExample[], score: (signals: Readonly<Record<string, number>>) => number): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const example of examples) {
    const rank = orderedFigures(example, score).findIndex((figure) => figure.gold) + 1;
    [1, 3, 5].forEach((k, j) => {
      if (rank > 0 && rank <= k) counts[j] = counts[j]! + 1;
    });
  }
  return counts;
}

function table(rows: FigureOrderReport['heldOut']): string {
  const share = (n: number, of: number) => (of === 0 ? '-' : (n / of).toFixed(2));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const total = rows.reduce((sum, row) => ({ lookups: sum.lookups + row.lookups, s: sum.s.map((n, j) => n + row.searchOrder[j]!), l: sum.l.map((n, j) => n + row.learned[j]!) }), { lookups: 0, s: [0, 0, 0], l: [0, 0, 0] });
  return [
    line(['set (held out)', 'lookups', 'search order recall@1 / @3 / @5', 'learned order recall@1 / @3 / @5']),
    line(['---', '---', '---', '---']),
    ...[...rows, { set: 'all', lookups: total.lookups, searchOrder: total.s, learned: total.l }].map((row) =>
      line([row.set, String(row.lookups), row.searchOrder.map((n) => share(n, row.lookups)).join(' / '), row.learned.map((n) => share(n, row.lookups)).join(' / ')]),
    ),
  ].join('\n');
}
