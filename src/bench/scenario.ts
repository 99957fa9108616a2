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
import type { Embedder } from '../embed/types.js';
import { PassageStore } from '../store/passage-store.js';
import { runLangChainPeer, type PeerResult } from './peer-langchain.js';
import { peakMemoryMiB, percentile, round, sizeOnDiskBytes, timed } from './measure.js';
import { syntheticQuestions, writeSyntheticCorpus } from './synthetic-corpus.js';

export interface ScenarioSpec {
  name: string;
  /** A reports folder, or a passage count for a generated corpus. */
  reports?: string;
  syntheticPassages?: number;
  queries: number;
  /** Measure LangChain.js's HNSWLib store over the same passages instead of Citeline. */
  peer?: 'langchain';
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
  /** The HNSW graph alone: nearest-10 search latency and its recall against exact search on the same vectors. */
  hnsw: { M: number; efConstruction: number; efSearch: number; recallAt10: number; p50Ms: number; p95Ms: number };
  /** Embedding a question and finding its 10 nearest passages: what a vector store does, comparable with the peer. */
  vectorQueryP50Ms: number;
  vectorQueryP95Ms: number;
}

export async function runScenario(spec: ScenarioSpec): Promise<ScenarioResult | PeerResult> {
  const work = await mkdtemp(join(tmpdir(), `citeline-bench-${spec.name}-`));
  try {
    const reportsDir = spec.reports ? resolve(spec.reports) : join(work, 'reports');
    if (!spec.reports) await writeSyntheticCorpus(reportsDir, spec.syntheticPassages ?? 1000);
    const config = { ...parseCoreConfig(process.env), reportsDir, indexDir: join(work, 'index') };
    const embedder = await createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir });
    if (spec.peer === 'langchain') return await runLangChainPeer(spec.name, reportsDir, embedder, questionsFor(spec));
    const vocabulary = await loadSearchVocabulary(join(process.cwd(), 'data'));

    const ingest = await timed(() => buildIndex({ paths: [reportsDir], indexDir: config.indexDir, embedder, vocabulary }));
    const load = await timed(() => openCitelineEngine(config));
    const engine = load.value;

    const questions = questionsFor(spec);
    for (const question of questions.slice(0, 3)) await engine.ask(question); // warm-up
    const latencies: number[] = [];
    for (let i = 0; i < spec.queries; i++) {
      const question = questions[i % questions.length] as string;
      latencies.push((await timed(() => engine.ask(question))).ms);
    }
    const hnsw = await measureGraph(config.indexDir, embedder);
    const store = await PassageStore.load(config.indexDir, { model: embedder.model });
    const vectorLatencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const question = questions[i % questions.length] as string;
      vectorLatencies.push((await timed(async () => store.searchVectors((await embedder.embed([question]))[0] as Float32Array, 10))).ms);
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
      hnsw,
      vectorQueryP50Ms: round(percentile(vectorLatencies, 50), 2),
      vectorQueryP95Ms: round(percentile(vectorLatencies, 95), 2),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function questionsFor(spec: ScenarioSpec): string[] {
  return spec.reports
    ? ['what share of councils were rated inadequate?', 'what happens after an inadequate judgement?', 'how did Ofsted respond?', 'what did the report say about confidence in inspection?']
    : syntheticQuestions(20);
}

/** Recall@10 of the graph against exact search, and its latency, over 200 question vectors. */
async function measureGraph(indexDir: string, embedder: Embedder): Promise<ScenarioResult['hnsw']> {
  const store = await PassageStore.load(indexDir, { model: embedder.model });
  const vectors = await embedder.embed(syntheticQuestions(200, 11));
  const latencies: number[] = [];
  let found = 0;
  let wanted = 0;
  for (const vector of vectors) {
    const { value: approximate, ms } = await timed(async () => store.searchVectors(vector, 10));
    latencies.push(ms);
    const exact = new Set(store.exactSearch(vector, 10).map((hit) => hit.passage.id));
    found += approximate.filter((hit) => exact.has(hit.passage.id)).length;
    wanted += exact.size;
  }
  return {
    ...store.graphSettings,
    recallAt10: round(wanted === 0 ? 1 : found / wanted, 3),
    p50Ms: round(percentile(latencies, 50), 2),
    p95Ms: round(percentile(latencies, 95), 2),
  };
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
