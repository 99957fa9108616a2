/**
 * What the tuning and ablation scripts share: index an eval folder once into a temporary store,
 * then open engines with different tunings over it and score them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCoreConfig } from '../src/config.js';
import { buildIndex } from '../src/engine/build-index.js';
import { Citeline, DEFAULT_TUNING, type Tuning } from '../src/engine/citeline.js';
import { createEmbedder } from '../src/embed/transformers-embedder.js';
import { summarise, type EvalSummary } from '../src/eval/metrics.js';
import { readEvalQuestions } from '../src/eval/questions.js';
import { askEvalQuestions } from '../src/eval/run.js';
import { loadPrompts } from '../src/prompts.js';
import { loadSearchVocabulary } from '../src/search/vocabulary.js';

export interface EvalHarness {
  score(tuning: Tuning): Promise<EvalSummary>;
  close(): Promise<void>;
}

export async function openEvalHarness(reportsDir: string, questionsFile: string): Promise<EvalHarness> {
  const indexDir = await mkdtemp(join(tmpdir(), 'citeline-harness-'));
  const config = { ...parseCoreConfig(process.env), reportsDir: resolve(reportsDir), indexDir };
  const embedder = await createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir });
  const vocabulary = await loadSearchVocabulary('data');
  const prompts = await loadPrompts('prompts');
  await buildIndex({ paths: [config.reportsDir], indexDir, embedder, vocabulary });
  const questions = await readEvalQuestions(resolve(questionsFile));
  return {
    async score(tuning) {
      const engine = await Citeline.open({ config, embedder, vocabulary, prompts, log: () => {}, tuning });
      return summarise(await askEvalQuestions(engine, questions));
    },
    close: () => rm(indexDir, { recursive: true, force: true }),
  };
}

/**
 * The default tuning with some values replaced. Keys: "fusion.<field>", "rerank.<field>", or a
 * compose setting by its name.
 */
export function tuningWith(values: Record<string, number>): Tuning {
  const fusion = { ...DEFAULT_TUNING.fusion, rerank: { ...DEFAULT_TUNING.fusion.rerank } };
  const compose = { ...DEFAULT_TUNING.compose };
  for (const [key, value] of Object.entries(values)) {
    const [scope, field] = key.includes('.') ? (key.split('.') as [string, string]) : ['compose', key];
    const target: Record<string, unknown> = scope === 'fusion' ? fusion : scope === 'rerank' ? fusion.rerank : compose;
    if (!(field in target)) throw new Error(`unknown setting ${key}`);
    target[field] = value;
  }
  return { fusion, compose };
}
