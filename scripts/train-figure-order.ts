/**
 * `npm run train:figures`: learns the order a stats lookup lists figures in from the labelled stats
 * sets (eval/sets.json, `"asks": "stats"`), scores it held out by set, and writes
 * data/figure-order-weights.json with how it was obtained.
 *
 *   npm run train:figures [-- --sets eval/sets.json] [--out data/figure-order-weights.json]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCoreConfig } from '../src/config.js';
import { openCitelineEngine } from '../src/engine/citeline.js';
import { readEvalSets } from '../src/eval/sets.js';
import { gitCommit } from '../src/train/git-commit.js';
import { figureHitRank } from '../src/eval/metrics.js';
import { FIGURE_SIGNAL_NAMES } from '../src/stats/figure-signals.js';
import { trainFigureOrder, type FigureLookupExample } from '../src/train/figure-order.js';
import { isWrittenSentence, sameStatementKey } from '../src/stats/statements.js';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'eval/sets.json' },
    out: { type: 'string', default: 'data/figure-order-weights.json' },
  },
});

const SEARCH_ORDER = { about: 'the search order', ranking: { features: ['searchRank'], mean: [0], scale: [1], weights: [0], bias: 0 }, provenance: {} };

async function collect(): Promise<FigureLookupExample[]> {
  const { sets: listed, missing } = await readEvalSets(resolve(values.sets));
  if (missing.length > 0) console.error(`left out (files not here): ${missing.join(', ')}`);
  const sets = listed.filter((set) => set.asks === 'stats' && set.train);
  const heldBack = listed.filter((set) => set.asks === 'stats' && !set.train).map((set) => set.name);
  if (heldBack.length > 0) console.error(`held back (measured, never trained on): ${heldBack.join(', ')}`);
  const examples: FigureLookupExample[] = [];
  for (const reports of new Set(sets.map((set) => set.reports))) {
    const indexDir = await mkdtemp(join(tmpdir(), 'citeline-train-figures-'));
    try {
      // The tiers are read in the search's order whatever the weights: the order learned here is not read.
      const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: reports, indexDir }, { buildIfMissing: true, figureOrder: SEARCH_ORDER });
      for (const set of sets.filter((s) => s.reports === reports)) {
        for (const question of set.questions.filter((q) => q.kind !== 'unanswerable')) {
          const tiers = await engine.statsTiers(question.question);
          examples.push({
            set: set.name,
            id: question.id,
            tiers: tiers.map((tier) => tier.map(({ figure, signals }) => ({ signals, gold: figureHitRank(question, [figure]) === 1, statement: sameStatementKey(figure), sentence: isWrittenSentence(figure) }))),
          });
        }
        console.error(`${set.name}: ${set.questions.length} lookups read`);
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  return examples;
}

async function main(): Promise<void> {
  const examples = await collect();
  const report = trainFigureOrder(examples, FIGURE_SIGNAL_NAMES);
  const model = {
    about:
      'Learned by `npm run train:figures` (scripts/train-figure-order.ts): a listwise linear ranker over the figure signals (src/stats/figure-signals.ts) of each tier a stats lookup lists, ' +
      'fitted on every answerable lookup of the stats sets below; L2 chosen on recall@1 held out by set (trained on the other sets, scored on it).',
    ranking: report.model,
    provenance: {
      date: new Date().toISOString().slice(0, 10),
      commit: gitCommit(),
      sets: [...new Set(examples.map((example) => example.set))],
      lookups: examples.length,
      l2: report.l2,
      heldOut: report.heldOut,
    },
  };
  await writeFile(resolve(values.out), `${JSON.stringify(model, null, 2)}\n`);
  console.log(report.table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
