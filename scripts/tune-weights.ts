/**
 * Grid search over the fusion and answering weights on an eval set, to choose the defaults in
 * src/search/hybrid-searcher.ts and src/answer/compose.ts. Prints the best settings found.
 *   npx tsx scripts/tune-weights.ts --reports ../shared/eval/reports --questions ../shared/eval/questions.dev.jsonl
 * Coarse grids on purpose: a few dozen questions cannot justify fine-grained weights.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCoreConfig } from '../src/config.js';
import { buildIndex } from '../src/engine/build-index.js';
import { Citeline, DEFAULT_TUNING, type Tuning } from '../src/engine/citeline.js';
import { createEmbedder } from '../src/embed/transformers-embedder.js';
import { hitRank, summarise, type QuestionResult } from '../src/eval/metrics.js';
import { goldSpans, readEvalQuestions } from '../src/eval/questions.js';
import { loadPrompts } from '../src/prompts.js';
import { loadSearchVocabulary } from '../src/search/vocabulary.js';

const { values } = parseArgs({ options: { reports: { type: 'string' }, questions: { type: 'string' }, top: { type: 'string', default: '10' } } });
if (!values.reports || !values.questions) throw new Error('Usage: tsx scripts/tune-weights.ts --reports DIR --questions FILE');

const indexDir = await mkdtemp(join(tmpdir(), 'citeline-tune-'));
const config = { ...parseCoreConfig(process.env), reportsDir: resolve(values.reports), indexDir };
const embedder = await createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir });
const vocabulary = await loadSearchVocabulary('data');
const prompts = await loadPrompts('prompts');
await buildIndex({ paths: [config.reportsDir], indexDir, embedder, vocabulary });
const questions = await readEvalQuestions(resolve(values.questions));

// Keys: "fusion.<field>", "rerank.<field>" or a compose setting. Edit to explore another region.
const grid: Record<string, number[]> = {
  'fusion.lexicalWeight': [0.5, 0.7, 0.9],
  'rerank.coverage': [0.15, 0.3, 0.5],
  titleCredit: [0.6, 0.8, 1.0],
  passageCredit: [0.2, 0.35, 0.5],
};

/** The default tuning with the grid point's values put in. */
function tuningAt(point: Record<string, number>): Tuning {
  const fusion = { ...DEFAULT_TUNING.fusion, rerank: { ...DEFAULT_TUNING.fusion.rerank } };
  const compose = { ...DEFAULT_TUNING.compose };
  for (const [key, value] of Object.entries(point)) {
    const [scope, field] = key.includes('.') ? (key.split('.') as [string, string]) : ['compose', key];
    const target: Record<string, unknown> = scope === 'fusion' ? fusion : scope === 'rerank' ? fusion.rerank : compose;
    if (!(field in target)) throw new Error(`unknown setting ${key}`);
    target[field] = value;
  }
  return { fusion, compose };
}

/** Every combination of the grid's values. */
function* combinations(keys: string[], chosen: Record<string, number> = {}): Generator<Record<string, number>> {
  const [key, ...rest] = keys;
  if (key === undefined) return yield { ...chosen };
  for (const value of grid[key] ?? []) yield* combinations(rest, { ...chosen, [key]: value });
}

const rows: { tuning: string; recall1: number; recall5: number; mrr: number; objective: number }[] = [];
for (const point of combinations(Object.keys(grid))) {
  const tuning = tuningAt(point);
  const engine = await Citeline.open({ config, embedder, vocabulary, prompts, log: () => {}, tuning });
  const results: QuestionResult[] = [];
  for (const question of questions) {
    const reply = await engine.ask(question.question, { maxCitations: 5 });
    results.push({
      id: question.id, kind: question.kind, question: question.question, answerable: goldSpans(question).length > 0,
      answered: reply.answered, confidence: reply.confidence, hitRank: hitRank(question, reply.citations),
    });
  }
  const s = summarise(results);
  rows.push({ tuning: JSON.stringify(point), recall1: s.recall1, recall5: s.recall5, mrr: s.mrr, objective: s.mrr + s.recall5 });
}
rows.sort((a, b) => b.objective - a.objective);
for (const row of rows.slice(0, Number(values.top))) console.log(`MRR ${row.mrr.toFixed(3)} R@1 ${row.recall1.toFixed(3)} R@5 ${row.recall5.toFixed(3)}  ${row.tuning}`);
await rm(indexDir, { recursive: true, force: true });
