/**
 * Grid search over the fusion and answering weights on an eval set, to choose the defaults in
 * src/search/hybrid-searcher.ts, src/search/rerank.ts and src/answer/compose.ts.
 *   npx tsx scripts/tune-weights.ts --reports ../shared/eval/reports --questions ../shared/eval/questions.dev.jsonl
 * Coarse grids on purpose: a few dozen questions cannot justify fine-grained weights.
 */
import { parseArgs } from 'node:util';
import { openEvalHarness, tuningWith } from './eval-harness.js';

const { values } = parseArgs({ options: { reports: { type: 'string' }, questions: { type: 'string' }, top: { type: 'string', default: '10' } } });
if (!values.reports || !values.questions) throw new Error('Usage: tsx scripts/tune-weights.ts --reports DIR --questions FILE');

// Keys: "fusion.<field>", "rerank.<field>" or a compose setting. Edit to explore another region.
const grid: Record<string, number[]> = {
  'fusion.lexicalWeight': [0.5, 0.7, 0.9],
  'rerank.coverage': [0.15, 0.3, 0.5],
  titleCredit: [0.6, 0.8, 1.0],
  passageCredit: [0.2, 0.35, 0.5],
};

/** Every combination of the grid's values. */
function* combinations(keys: string[], chosen: Record<string, number> = {}): Generator<Record<string, number>> {
  const [key, ...rest] = keys;
  if (key === undefined) return yield { ...chosen };
  for (const value of grid[key] ?? []) yield* combinations(rest, { ...chosen, [key]: value });
}

const harness = await openEvalHarness(values.reports, values.questions);
const rows: { point: string; recall1: number; recall5: number; mrr: number; objective: number }[] = [];
for (const point of combinations(Object.keys(grid))) {
  const s = await harness.score(tuningWith(point));
  rows.push({ point: JSON.stringify(point), recall1: s.recall1, recall5: s.recall5, mrr: s.mrr, objective: s.mrr + s.recall5 });
}
rows.sort((a, b) => b.objective - a.objective);
for (const row of rows.slice(0, Number(values.top))) console.log(`MRR ${row.mrr.toFixed(3)} R@1 ${row.recall1.toFixed(3)} R@5 ${row.recall5.toFixed(3)}  ${row.point}`);
await harness.close();
