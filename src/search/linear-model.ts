/**
 * The small linear models Citeline learns (the ranker, its confidence and answerability, the term
 * importance) share one shape: standardised named inputs, weights and a bias.
 */
export interface LinearModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

/** The bias plus each named input, standardised, times its weight (an input not given counts as 0). */
export function linearScore(model: LinearModel, values: Readonly<Record<string, number>>): number {
  let score = model.bias;
  model.features.forEach((name, i) => {
    score += (model.weights[i] as number) * (((values[name] ?? 0) - (model.mean[i] as number)) / (model.scale[i] as number));
  });
  return score;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
