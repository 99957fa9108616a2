/**
 * Chooses the ranker: the L2 penalty and the signal list by cross-validated score, then fits the
 * final weights on every question, the confidence model on held-out rankings, and the decline
 * threshold on held-out confidences. Reports every figure per set, and across collections.
 */
import { summarise, type QuestionResult } from '../eval/metrics.js';
import { round } from '../util/round.js';
import { citedHitRank, confidenceRow, fitRanking, foldOf, leadAnswers, outOfFoldScores, rankExample, scoreWindows, type RankedExample } from './cross-validate.js';
import { SIGNAL_NAMES, type QuestionExample } from './examples.js';
import { sigmoid, type LinearModel } from '../search/linear-model.js';
import { FIT_DEFAULTS, dot, fitLogistic, savedLinear, standardise, standardiser } from './linear.js';
import { withLearnedCoverage } from './term-importance.js';
import type { TermImportanceModel } from '../search/term-importance.js';

/**
 * What the confidence and answerability models read: the best window's score, its lead, how much of
 * the question it holds, whether it (or any candidate, or any of the best few) agrees on what is
 * pinned down, and how much the question speaks the reports' language.
 */
const CONFIDENCE_INPUTS = [
  'score',
  'lead',
  'windowCoverage',
  'askCoverage',
  'sentenceCoverage',
  'rareTermCoverage',
  'softCoverage',
  'windowSimilarity',
  'passageBm25',
  'titleCoverage',
  'yearAgreement',
  'placeAgreement',
  'gradeAgreement',
  'figureAgreement',
  'domainSpecificity',
  'peakSpecificity',
  'agreesAnywhere',
  'agreesNearTop',
  'leadYearConflict',
];
const L2_CHOICES = [0.01, 0.1, 0.3, 1];
/** Less L2 on the answerability declined fewer unanswerable questions held out (0.46 against 0.41-0.44 at 0.03-0.001). */
const ANSWERABLE_L2 = 0.1;
/** Answerable questions wrongly declined, at most, on held-out folds. */
const WRONGLY_DECLINED_AT_MOST = 0.05;

export interface TrainingReport {
  ranking: LinearModel;
  confidence: LinearModel;
  answerable: LinearModel;
  termImportance: TermImportanceModel;
  declineBelow: number;
  provenance: Record<string, unknown>;
  table: string;
}

type Score = { mean: number; byCollection: Record<string, number> };

export function chooseModel(collected: readonly QuestionExample[], options: { folds: number; select: boolean; log: (line: string) => void }): TrainingReport {
  const { folds, log } = options;
  // The term importance comes first: the ranker reads the coverage it weighs (fitted without each fold).
  const { examples, model: termImportance } = withLearnedCoverage(collected, folds);
  const all = SIGNAL_NAMES.map((_, j) => j);
  const scoreOf = (features: readonly number[], l2: number): Score => mrrByCollection(examples, outOfFoldScores(examples, folds, features, l2));

  let l2 = FIT_DEFAULTS.l2;
  let best = -Infinity;
  for (const choice of L2_CHOICES) {
    const score = scoreOf(all, choice);
    log(`l2 ${choice}: held-out MRR ${JSON.stringify(score.byCollection)}`);
    if (score.mean > best) [best, l2] = [score.mean, choice];
  }

  // Backward elimination, one pass: a signal stays only if taking it out lowers the held-out score.
  let features = [...all];
  let current = scoreOf(features, l2);
  const dropped: Record<string, Record<string, number>> = {};
  for (const j of options.select ? all : []) {
    const without = features.filter((f) => f !== j);
    const score = scoreOf(without, l2);
    if (score.mean >= current.mean) {
      dropped[SIGNAL_NAMES[j] as string] = delta(score, current);
      log(`dropped ${SIGNAL_NAMES[j]}: ${JSON.stringify(delta(score, current))}`);
      features = without;
      current = score;
    }
  }
  // What each kept signal is worth: the held-out score lost without it (only with --select: it refits per signal).
  const kept: Record<string, Record<string, number>> = {};
  if (options.select) for (const j of features) kept[SIGNAL_NAMES[j] as string] = delta(current, scoreOf(features.filter((f) => f !== j), l2));

  const heldOut = outOfFoldScores(examples, folds, features, l2).map((scores, i) => rankExample(examples[i] as QuestionExample, scores));
  // Confidence: does the best window's quote answer? Answerability: do the reports answer at all (what declining reads)?
  const inputs = heldOut.map((r) => confidenceRow(r, SIGNAL_NAMES, CONFIDENCE_INPUTS));
  const bestAnswers = heldOut.map(leadAnswers);
  const { l2: confidenceL2, fit: confidence } = calibratedFit(heldOut, inputs, bestAnswers, folds, log);
  const answerable = fitOnHeldOut(heldOut, inputs, heldOut.map((r) => r.example.answerable), folds, ANSWERABLE_L2);
  const declineBelow = thresholdFor(heldOut, answerable.heldOutProbabilities);
  const heldOutTable = tableBySet(heldOut, answerable.heldOutProbabilities, declineBelow);
  const heldOutByKind = tableBySet(heldOut, answerable.heldOutProbabilities, declineBelow, (e) => e.kind, 'kind');
  const crossCollection = acrossCollections(examples, features, l2);

  const final = fitRanking(examples, features, l2);
  const ranking = savedLinear(features.map((j) => SIGNAL_NAMES[j] as string), final.standardiser, final.weights);
  const calibration = calibrationOf(confidence.heldOutProbabilities, bestAnswers);
  const table = [
    `held out by documents (${folds} folds), decline below answerability ${declineBelow}:`,
    heldOutTable.text,
    '',
    'the same, every set together, by kind of question:',
    heldOutByKind.text,
    '',
    `confidence held out, predicted against observed (expected calibration error ${calibration.error}):`,
    ...calibration.bins.map((bin) => `  ${bin.from.toFixed(1)}-${bin.to.toFixed(1)}  n ${String(bin.n).padStart(3)}  predicted ${bin.predicted.toFixed(2)}  observed ${bin.observed.toFixed(2)}`),
    '',
    'trained on one collection, scored on the other (decline threshold as above):',
    crossCollection.text,
  ].join('\n');
  return {
    ranking,
    confidence: confidence.model,
    answerable: answerable.model,
    termImportance,
    declineBelow,
    provenance: {
      sets: [...new Set(examples.map((e) => e.set))].map((set) => ({ set, questions: examples.filter((e) => e.set === set).length })),
      folds,
      foldsBy: 'the first gold document of each question (a question without one by itself); held-out figures come from weights fitted without that fold',
      l2,
      confidenceL2,
      answerableL2: ANSWERABLE_L2,
      signals: features.map((j) => SIGNAL_NAMES[j]),
      signalsSelected: options.select ? 'by one pass of backward elimination on held-out MRR' : 'all (run with --select to eliminate)',
      signalsKept: kept,
      signalsDropped: dropped,
      heldOut: heldOutTable.figures,
      heldOutByKind: heldOutByKind.figures,
      confidenceCalibration: calibration,
      acrossCollections: crossCollection.figures,
    },
    table,
  };
}

/** Held-out MRR over every answerable question (each counts once, whatever its collection), and per collection. */
function mrrByCollection(examples: readonly QuestionExample[], scores: readonly number[][]): Score {
  const byCollection: Record<string, number> = {};
  let total = 0;
  let answerable = 0;
  for (const collection of new Set(examples.map((e) => e.collection))) {
    const asked = examples.map((e, i) => ({ e, i })).filter(({ e }) => e.collection === collection && e.answerable);
    const sum = asked.reduce((acc, { e, i }) => {
      const rank = citedHitRank(rankExample(e, scores[i] as number[]));
      return acc + (rank ? 1 / rank : 0);
    }, 0);
    byCollection[collection] = sum / Math.max(1, asked.length);
    total += sum;
    answerable += asked.length;
  }
  return { mean: total / Math.max(1, answerable), byCollection };
}

function delta(a: Score, b: Score): Record<string, number> {
  return Object.fromEntries(Object.keys(a.byCollection).map((c) => [c, round((a.byCollection[c] as number) - (b.byCollection[c] as number), 4)]));
}

/**
 * A logistic model of the best window's inputs (`rows`: CONFIDENCE_INPUTS of each held-out
 * ranking, the one a question gets from weights fitted without its documents) for one label:
 * whether the best window answers (confidence), or whether the reports answer at all
 * (answerability). Its own held-out probabilities, from models fitted without each fold, are what
 * thresholds are chosen on.
 */
function fitOnHeldOut(heldOut: readonly RankedExample[], rows: readonly number[][], labels: readonly boolean[], folds: number, l2: number) {
  const width = CONFIDENCE_INPUTS.length;
  const fit = (indices: number[]) => {
    const scaling = standardiser(indices.map((i) => rows[i] as number[]), width);
    const weights = fitLogistic(indices.map((i) => standardise(rows[i] as number[], scaling)), indices.map((i) => labels[i] as boolean), width, { ...FIT_DEFAULTS, l2 });
    return { scaling, weights, predict: (row: number[]) => sigmoid(dot(weights, standardise(row, scaling)) + (weights[width] as number)) };
  };
  const heldOutProbabilities = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const { predict } = fit(heldOut.map((_, i) => i).filter((i) => foldOf(heldOut[i]?.example as QuestionExample, folds) !== fold));
    heldOut.forEach((r, i) => {
      // A question with no candidate window has nothing to read: 0, as the ranker says.
      if (foldOf(r.example, folds) === fold) heldOutProbabilities[i] = r.ranked.length === 0 ? 0 : predict(rows[i] as number[]);
    });
  }
  const { scaling, weights } = fit(heldOut.map((_, i) => i));
  const model = savedLinear(CONFIDENCE_INPUTS, scaling, weights.slice(0, width), weights[width] as number);
  return { model, heldOutProbabilities };
}

/**
 * The confidence model at the L2 (of L2_CHOICES) whose held-out probabilities have the least log
 * loss: the confidence shown should be calibrated, and at the answerability's 0.1 it was shrunk
 * towards the middle (calibration error 0.065 against 0.028 at 0.01).
 */
function calibratedFit(heldOut: readonly RankedExample[], rows: readonly number[][], answered: readonly boolean[], folds: number, log: (line: string) => void) {
  const fits = L2_CHOICES.map((l2) => {
    const fit = fitOnHeldOut(heldOut, rows, answered, folds, l2);
    return { l2, fit, loss: logLoss(fit.heldOutProbabilities, answered) };
  });
  const best = fits.reduce((a, b) => (b.loss < a.loss ? b : a));
  log(`confidence l2 ${best.l2}: held-out log loss ${fits.map((f) => `${f.l2} ${round(f.loss, 4)}`).join(', ')}`);
  return best;
}

/** Mean negative log likelihood of the labels under the probabilities (clipped away from 0 and 1). */
export function logLoss(probabilities: readonly number[], labels: readonly boolean[]): number {
  const clip = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
  const total = probabilities.reduce((sum, p, i) => sum - Math.log(labels[i] ? clip(p) : 1 - clip(p)), 0);
  return total / Math.max(1, probabilities.length);
}

/** The highest threshold that declines at most 5% of answerable questions. */
function thresholdFor(heldOut: readonly RankedExample[], probabilities: readonly number[]): number {
  const answerable = heldOut.map((r, i) => ({ r, p: probabilities[i] as number })).filter(({ r }) => r.example.answerable);
  const sorted = answerable.map(({ p }) => p).sort((a, b) => a - b);
  const allowed = Math.floor(sorted.length * WRONGLY_DECLINED_AT_MOST);
  // Declining below the (allowed+1)-th lowest confidence declines `allowed` answerable questions (ties aside).
  return Math.floor((sorted[allowed] ?? 0) * 10_000) / 10_000;
}

function resultsOf(ranked: readonly RankedExample[], probabilities: readonly number[], declineBelow: number): QuestionResult[] {
  return ranked.map((r, i) => ({
    id: r.example.id,
    kind: r.example.kind,
    question: r.example.id,
    answerable: r.example.answerable,
    answered: (probabilities[i] as number) >= declineBelow,
    confidence: probabilities[i] as number,
    hitRank: citedHitRank(r),
  }));
}

/** Figures per set, or per whatever `groupOf` reads of a question (its kind, headed `label`). */
function tableBySet(ranked: readonly RankedExample[], probabilities: readonly number[], declineBelow: number, groupOf: (example: QuestionExample) => string = (e) => e.set, label = 'set') {
  const results = resultsOf(ranked, probabilities, declineBelow);
  const figures: Record<string, unknown> = {};
  const groups = [...new Set(ranked.map((r) => groupOf(r.example)))];
  // As wide as the longest name, as the eval table is.
  const width = Math.max(15, ...groups.map((group) => group.length));
  const lines = [`${label.padEnd(width)}  n   R@1   R@3   R@5   MRR  declined(unans)  wrongly declined`];
  for (const group of groups) {
    const s = summarise(results.filter((_, i) => groupOf((ranked[i] as RankedExample).example) === group));
    figures[group] = { n: s.n, recall1: s.recall1, recall3: s.recall3, recall5: s.recall5, mrr: s.mrr, declinedUnanswerable: s.abstainAccuracy, wronglyDeclined: s.falseAbstainRate };
    lines.push(`${group.padEnd(width)} ${String(s.n).padStart(3)}  ${s.recall1.toFixed(2)}  ${s.recall3.toFixed(2)}  ${s.recall5.toFixed(2)}  ${s.mrr.toFixed(2)}  ${s.abstainAccuracy.toFixed(2).padStart(15)}  ${s.falseAbstainRate.toFixed(2).padStart(16)}`);
  }
  return { text: lines.join('\n'), figures };
}

/** Weights fitted on one collection's questions, scored on the other's, both ways (retrieval only: no decline). */
function acrossCollections(examples: readonly QuestionExample[], features: readonly number[], l2: number) {
  const collections = [...new Set(examples.map((e) => e.collection))];
  const ranked: RankedExample[] = [];
  for (const test of collections) {
    const fit = fitRanking(examples.filter((e) => e.collection !== test), features, l2);
    for (const e of examples.filter((x) => x.collection === test)) {
      ranked.push(rankExample(e, scoreWindows(fit, e)));
    }
  }
  return tableBySet(ranked, ranked.map(() => 1), 0);
}

/**
 * How well the held-out confidences match how often the best window did answer: in fifths of the
 * probability scale, the mean predicted against the share observed, and their gap weighted by count.
 */
export function calibrationOf(probabilities: readonly number[], answered: readonly boolean[]) {
  const bins = [0, 0.2, 0.4, 0.6, 0.8].map((from) => {
    const to = round(from + 0.2, 1);
    const inBin = probabilities.map((p, i) => ({ p, hit: answered[i] as boolean })).filter(({ p }) => p >= from && (p < to || (to === 1 && p <= 1)));
    const n = inBin.length;
    const mean = (values: number[]) => (n === 0 ? 0 : values.reduce((a, b) => a + b, 0) / n);
    return { from, to, n, predicted: round(mean(inBin.map(({ p }) => p)), 3), observed: round(mean(inBin.map(({ hit }) => (hit ? 1 : 0))), 3) };
  });
  const total = probabilities.length;
  const error = round(bins.reduce((sum, bin) => sum + (bin.n / Math.max(1, total)) * Math.abs(bin.predicted - bin.observed), 0), 3);
  return { bins: bins.filter((bin) => bin.n > 0), error };
}

