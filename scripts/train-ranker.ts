/**
 * `npm run train`: learns the ranker's weights and its confidence model from the labelled question
 * sets (eval/sets.json), chooses the signals and the regularisation by leave-documents-out
 * cross-validation, and writes data/ranker-weights.json with how it was obtained.
 *
 *   npm run train [-- --reuse] [--select] [--folds 5] [--out data/ranker-weights.json]
 *
 * --select drops, one by one, each signal whose removal does not lower the held-out score (slow: a
 * cross-validation per signal).
 *
 * --reuse reads the candidates' signals from the last run (.cache/train-examples.json) instead of
 * indexing the reports and asking every question again.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCoreConfig } from '../src/config.js';
import { openCitelineEngine } from '../src/engine/citeline.js';
import { readEvalSets } from '../src/eval/sets.js';
import { gitCommit } from '../src/train/git-commit.js';
import type { RankerModel } from '../src/search/ranker.js';
import { SIGNAL_NAMES, questionExample, type QuestionExample } from '../src/train/examples.js';
import { chooseModel, type TrainingReport } from '../src/train/choose.js';

const { values } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    select: { type: 'boolean', default: false },
    folds: { type: 'string', default: '5' },
    sets: { type: 'string', default: 'eval/sets.json' },
    out: { type: 'string', default: 'data/ranker-weights.json' },
  },
});
const CACHE = resolve('.cache/train-examples.json');

async function collect(): Promise<QuestionExample[]> {
  const { sets: listed, missing } = await readEvalSets(resolve(values.sets));
  if (missing.length > 0) console.error(`left out (files not here): ${missing.join(', ')}`);
  const sets = listed.filter((set) => set.train && set.asks === 'questions');
  const heldBack = listed.filter((set) => !set.train).map((set) => set.name);
  if (heldBack.length > 0) console.error(`held back (measured, never trained on): ${heldBack.join(', ')}`);
  const trained = new Set(sets.map((set) => set.name));
  if (values.reuse && existsSync(CACHE)) return (JSON.parse(await readFile(CACHE, 'utf8')) as QuestionExample[]).filter((e) => trained.has(e.set));
  // Every signal is read of every window whatever the weights: these only order them.
  const ranker = neutralModel();
  const examples: QuestionExample[] = [];
  for (const reports of new Set(sets.map((set) => set.reports))) {
    const indexDir = await mkdtemp(join(tmpdir(), 'citeline-train-'));
    try {
      const config = { ...parseCoreConfig({}), reportsDir: reports, indexDir };
      const engine = await openCitelineEngine(config, { buildIfMissing: true, ranker });
      for (const set of sets.filter((s) => s.reports === reports)) {
        for (const question of set.questions) examples.push(questionExample(set, question, await engine.rankQuestion(question.question)));
        console.error(`${set.name}: ${set.questions.length} questions read`);
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  await mkdir(dirname(CACHE), { recursive: true });
  await writeFile(CACHE, JSON.stringify(examples));
  return examples;
}

function neutralModel(): RankerModel {
  const linear = { features: ['searchRank'], mean: [0], scale: [1], weights: [1], bias: 0 };
  return { about: 'neutral: search order', ranking: linear, confidence: linear, answerable: linear, declineBelow: 0, provenance: {} };
}

async function main(): Promise<void> {
  const examples = await collect();
  const report: TrainingReport = chooseModel(examples, { folds: Number(values.folds), select: values.select, log: (line) => console.error(line) });
  const model = {
    about:
      'Learned by `npm run train` (scripts/train-ranker.ts): a listwise linear ranker over standardised signals, a logistic confidence model (does the best window answer?) ' +
      'and a logistic answerability model (do the reports answer at all?), a logistic term importance (does a question term stand in the answering sentence?) that sentenceLearnedCoverage weighs, signals and L2 chosen by leave-documents-out cross-validation over the sets below; ' +
      'declineBelow, on the answerability, keeps answerable questions wrongly declined at or under 5% on held-out folds.',
    ranking: report.ranking,
    confidence: report.confidence,
    answerable: report.answerable,
    termImportance: report.termImportance,
    declineBelow: report.declineBelow,
    provenance: { date: new Date().toISOString().slice(0, 10), commit: gitCommit(), signals: SIGNAL_NAMES.length, ...report.provenance },
  };
  await writeFile(resolve(values.out), `${JSON.stringify(model, null, 2)}\n`);
  console.log(report.table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
