/**
 * One benchmark scenario, run in its own process so its peak memory is its own:
 * ingest a corpus, load the index cold, time warm questions. Prints one JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIndex } from '../engine/build-index.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import { loadSearchVocabulary } from '../search/vocabulary.js';
import { parseCoreConfig } from '../config.js';
import { peakMemoryMiB, percentile, round, sizeOnDiskBytes, timed } from './measure.js';
import { syntheticQuestions, writeSyntheticCorpus } from './synthetic-corpus.js';

export interface ScenarioSpec {
  name: string;
  /** A reports folder, or a passage count for a generated corpus. */
  reports?: string;
  syntheticPassages?: number;
  queries: number;
}

export interface ScenarioResult {
  name: string;
  documents: number;
  passages: number;
  ingestSeconds: number;
  passagesPerSecond: number;
  indexLoadMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  indexMiB: number;
  peakMemoryMiB: number;
}

export async function runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
  const work = await mkdtemp(join(tmpdir(), `citeline-bench-${spec.name}-`));
  try {
    const reportsDir = spec.reports ? resolve(spec.reports) : join(work, 'reports');
    if (!spec.reports) await writeSyntheticCorpus(reportsDir, spec.syntheticPassages ?? 1000);
    const config = { ...parseCoreConfig(process.env), reportsDir, indexDir: join(work, 'index') };
    const embedder = await createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir });
    const vocabulary = await loadSearchVocabulary(join(process.cwd(), 'data'));

    const ingest = await timed(() => buildIndex({ paths: [reportsDir], indexDir: config.indexDir, embedder, vocabulary }));
    const load = await timed(() => openCitelineEngine(config));
    const engine = load.value;

    const questions = spec.reports
      ? ['what share of councils were rated inadequate?', 'what happens after an inadequate judgement?', 'how did Ofsted respond?', 'what did the report say about confidence in inspection?']
      : syntheticQuestions(20);
    for (const question of questions.slice(0, 3)) await engine.ask(question); // warm-up
    const latencies: number[] = [];
    for (let i = 0; i < spec.queries; i++) {
      const question = questions[i % questions.length] as string;
      latencies.push((await timed(() => engine.ask(question))).ms);
    }
    return {
      name: spec.name,
      documents: ingest.value.documents,
      passages: ingest.value.passages,
      ingestSeconds: round(ingest.ms / 1000, 2),
      passagesPerSecond: round(ingest.value.passages / (ingest.ms / 1000), 0),
      // The engine load includes the model; the index part is what grows with the corpus.
      indexLoadMs: round(load.ms, 0),
      queryP50Ms: round(percentile(latencies, 50)),
      queryP95Ms: round(percentile(latencies, 95)),
      indexMiB: round((await sizeOnDiskBytes(config.indexDir)) / 1024 / 1024, 2),
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Run as a child process by src/cli/bench.ts: the spec is the first argument.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ScenarioSpec;
  runScenario(spec)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
