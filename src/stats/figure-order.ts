/**
 * The order a stats lookup lists figures in, within each of its tiers (those saying every word of
 * the query, then the closest): a linear score over the figure signals (figure-signals.ts), with
 * weights learned from labelled lookups. Read from data/figure-order-weights.json, which
 * `npm run train:figures` writes with how it was obtained.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { checkLinearLengths, linearModelSchema, linearScore } from '../search/linear-model.js';
import { FIGURE_SIGNAL_NAMES } from './figure-signals.js';

const modelSchema = z.object({
  about: z.string(),
  ranking: linearModelSchema,
  provenance: z.record(z.string(), z.unknown()),
});

export type FigureOrderModel = z.infer<typeof modelSchema>;

/** How many of a tier's first figures (in the search's order) are reordered: a reader scans a handful, and reading a figure's words costs. */
export const FIGURES_REORDERED = 20;

export async function loadFigureOrderModel(path: string): Promise<FigureOrderModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the figure order's weights at ${path}: ${(error as Error).message}`);
  }
  return parseFigureOrderModel(json, path);
}

export function parseFigureOrderModel(json: unknown, where = 'figure order weights'): FigureOrderModel {
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where} is not a valid figure order model: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  checkLinearLengths(parsed.data.ranking, 'ranking', where);
  const unknown = parsed.data.ranking.features.filter((name) => !(FIGURE_SIGNAL_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`${where} names figure signals Citeline does not have: ${unknown.join(', ')}`);
  return parsed.data;
}

/**
 * Orders one tier of a lookup's figures: the first FIGURES_REORDERED by score, highest first (ties
 * keep the tier's order), the rest after them as they came.
 */
export function orderTier<T>(tier: readonly T[], score: (item: T) => number): T[] {
  const head = tier.slice(0, FIGURES_REORDERED).map((item, n) => ({ item, n, score: score(item) }));
  head.sort((a, b) => b.score - a.score || a.n - b.n);
  return [...head.map(({ item }) => item), ...tier.slice(FIGURES_REORDERED)];
}

/** A figure's score under the model, from its signals by name. */
export function figureScore(model: FigureOrderModel, signals: Readonly<Record<string, number>>): number {
  return linearScore(model.ranking, signals);
}
