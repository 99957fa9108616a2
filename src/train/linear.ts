/**
 * The two small models the ranker learns, fitted by gradient descent (Adam) on standardised
 * features with an L2 penalty: a listwise ranker (softmax over a question's candidates, the gold
 * ones as targets) and a logistic regression (for confidence). No dependency: both are a few dozen lines.
 */
import { sigmoid, type LinearModel } from '../search/linear-model.js';
import { round } from '../util/round.js';

export interface Standardiser {
  mean: number[];
  scale: number[];
}

export function standardiser(rows: readonly (readonly number[])[], width: number): Standardiser {
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) + (row[j] as number);
  for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) / Math.max(1, rows.length);
  for (const row of rows) for (let j = 0; j < width; j++) square[j] = (square[j] as number) + ((row[j] as number) - (mean[j] as number)) ** 2;
  // A constant feature keeps scale 1: it then adds nothing, whatever its weight.
  const scale = square.map((s) => Math.sqrt(s / Math.max(1, rows.length)) || 1);
  return { mean, scale };
}

/** A fitted model as data/ranker-weights.json keeps it: its inputs' names, scaling and weights, to six places. */
export function savedLinear(features: readonly string[], scaling: Standardiser, weights: readonly number[], bias = 0): LinearModel {
  return {
    features: [...features],
    mean: scaling.mean.map((v) => round(v, 6)),
    scale: scaling.scale.map((v) => round(v, 6)),
    weights: weights.map((v) => round(v, 6)),
    bias: round(bias, 6),
  };
}

export function standardise(row: readonly number[], { mean, scale }: Standardiser): number[] {
  return row.map((value, j) => (value - (mean[j] as number)) / (scale[j] as number));
}

/** Weights times a row, over the row's length (a bias stored after the weights is left out). */
export function dot(weights: readonly number[], row: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < row.length; j++) sum += (weights[j] as number) * (row[j] as number);
  return sum;
}

/** One question's candidates (standardised) and how much each is wanted first (0: not at all). */
export interface ListExample {
  rows: number[][];
  target: number[];
}

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

export const FIT_DEFAULTS: FitOptions = { l2: 0.1, iterations: 200, learningRate: 0.08 };

/**
 * Weights that maximise the probability the softmax over each question's candidates puts on its
 * wanted ones, each wanted candidate counted by its target weight.
 */
export function fitListwise(examples: readonly ListExample[], width: number, options: FitOptions = FIT_DEFAULTS): number[] {
  const usable = examples.filter((example) => example.target.some((t) => t > 0) && example.target.some((t) => t === 0));
  return adam(width, options, (weights, gradient) => {
    for (const { rows, target } of usable) {
      const scores = rows.map((row) => dot(weights, row));
      const all = softmax(scores);
      const positive = softmax(scores.map((score, i) => ((target[i] as number) > 0 ? score + Math.log(target[i] as number) : -Infinity)));
      rows.forEach((row, i) => {
        const pull = (all[i] as number) - (positive[i] as number);
        for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) + (pull * (row[j] as number)) / usable.length;
      });
    }
  });
}

/** Logistic regression: weights (the last is the bias) for P(label) = sigmoid(w . x + b). */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly boolean[], width: number, options: FitOptions = FIT_DEFAULTS): number[] {
  return adam(width + 1, options, (weights, gradient) => {
    rows.forEach((row, i) => {
      const p = sigmoid(dot(weights, row) + (weights[width] as number));
      const error = (p - (labels[i] ? 1 : 0)) / rows.length;
      for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) + error * (row[j] as number);
      gradient[width] = (gradient[width] as number) + error;
    });
  }, width);
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => (score === -Infinity ? 0 : Math.exp(score - top)));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Adam on the data gradient `addGradient` fills, plus L2 on every weight but the unpenalised ones from `freeFrom`. */
function adam(width: number, options: FitOptions, addGradient: (weights: number[], gradient: number[]) => void, freeFrom = width): number[] {
  const weights = new Array<number>(width).fill(0);
  const m = new Array<number>(width).fill(0);
  const v = new Array<number>(width).fill(0);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= options.iterations; t++) {
    const gradient = weights.map((w, j) => (j < freeFrom ? options.l2 * w : 0));
    addGradient(weights, gradient);
    for (let j = 0; j < width; j++) {
      const g = gradient[j] as number;
      m[j] = beta1 * (m[j] as number) + (1 - beta1) * g;
      v[j] = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      const mHat = (m[j] as number) / (1 - beta1 ** t);
      const vHat = (v[j] as number) / (1 - beta2 ** t);
      weights[j] = (weights[j] as number) - (options.learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
  }
  return weights;
}
