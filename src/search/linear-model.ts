/**
 * The small linear models Citeline learns (the ranker, its confidence and answerability, the term
 * importance, the stats lookup's figure order) share one shape: standardised named inputs, weights and a bias.
 */
import { z } from 'zod';

export interface LinearModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

/** A LinearModel as a weights file keeps it. */
export const linearModelSchema = z.object({
  features: z.array(z.string()).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
});

/** Throws when a model's arrays are not one number per feature. */
export function checkLinearLengths(model: LinearModel, name: string, where: string): void {
  const n = model.features.length;
  if (model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) throw new Error(`${where}: ${name} has ${n} features but arrays of other lengths`);
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
