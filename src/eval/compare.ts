/**
 * One eval set, answered by Citeline and by the plain-BM25 baseline, scored alike; and the table
 * of every set side by side, with the floors CI holds each set to.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TermNormaliser } from '../search/text-analysis.js';
import { Bm25Baseline } from './bm25-baseline.js';
import { hitRank, summarise, type EvalSummary } from './metrics.js';
import { goldSpans } from './questions.js';
import { EVAL_CITATIONS, askEvalQuestions, type EvalEngine } from './run.js';
import type { EvalSet } from './sets.js';

export interface SetResult {
  set: string;
  citeline: EvalSummary;
  baseline: EvalSummary;
}

export async function compareOnSet(set: EvalSet, engine: EvalEngine, normaliser: TermNormaliser): Promise<SetResult> {
  const citeline = summarise(await askEvalQuestions(engine, set.questions, set.asks));
  const bm25 = await Bm25Baseline.build(set.reports, normaliser);
  const baseline = summarise(
    set.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      question: question.question,
      answerable: goldSpans(question).length > 0,
      answered: true,
      confidence: 1,
      hitRank: hitRank(question, bm25.search(question.question, EVAL_CITATIONS)),
    })),
  );
  return { set: set.name, citeline, baseline };
}

export function formatComparison(results: readonly SetResult[]): string {
  const f = (value: number) => value.toFixed(2);
  // As wide as the longest set name, so "transfer-round2-joined" keeps the columns straight.
  const width = Math.max(15, ...results.map((r) => r.set.length));
  const lines = [`${'set'.padEnd(width)}   n  system     R@1   R@3   R@5   MRR   declined (unanswerable)  wrongly declined`];
  for (const { set, citeline, baseline } of results) {
    const unanswerable = citeline.n - citeline.answerable;
    for (const [name, s] of [['Citeline', citeline], ['BM25', baseline]] as const) {
      const declined = name === 'BM25' ? '—' : unanswerable === 0 ? 'none asked' : `${f(s.abstainAccuracy)} of ${unanswerable}`;
      const wrongly = name === 'BM25' ? '—' : `${f(s.falseAbstainRate)} of ${s.answerable}`;
      lines.push(
        `${(name === 'Citeline' ? set : '').padEnd(width)} ${name === 'Citeline' ? String(s.n).padStart(3) : '   '}  ${name.padEnd(9)} ${f(s.recall1)}  ${f(s.recall3)}  ${f(s.recall5)}  ${f(s.mrr)}   ${declined.padEnd(22)}  ${wrongly}`,
      );
    }
  }
  return lines.join('\n');
}

const floorSchema = z.record(
  z.string(),
  z.object({ recall1: z.number().optional(), recall3: z.number().optional(), mrr: z.number().optional(), abstainAccuracy: z.number().optional(), falseAbstainRateAtMost: z.number().optional() }),
);

export type Floors = z.infer<typeof floorSchema>;

export async function readFloors(path: string): Promise<Floors> {
  const parsed = floorSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a valid floors file: ${parsed.error.message}`);
  return parsed.data;
}

/** Each figure of a set that fell below its floor (or above its ceiling), in words. */
export function belowFloors(results: readonly SetResult[], floors: Floors): string[] {
  const problems: string[] = [];
  for (const { set, citeline } of results) {
    const floor = floors[set];
    if (!floor) continue;
    for (const key of ['recall1', 'recall3', 'mrr', 'abstainAccuracy'] as const) {
      const want = floor[key];
      if (want !== undefined && citeline[key] < want) problems.push(`${set}: ${key} ${citeline[key].toFixed(3)} is below its floor ${want}`);
    }
    if (floor.falseAbstainRateAtMost !== undefined && citeline.falseAbstainRate > floor.falseAbstainRateAtMost) {
      problems.push(`${set}: answerable wrongly declined ${citeline.falseAbstainRate.toFixed(3)} is above its ceiling ${floor.falseAbstainRateAtMost}`);
    }
  }
  return problems;
}
