/**
 * One benchmark scenario, run in its own process so its peak memory is its own. Prints one JSON line.
 * - `answers`: ingest a corpus (in a process of its own, `ingest`), open the engine cold (model
 *   included), time warm whole questions.
 * - `ingest`: build an index into `indexDir`, and keep it.
 * - `vector-store`: what a vector store does (ingest, load, 10 nearest, recall@10), for Citeline or
 *   for the peer (`peer: 'langchain'`), measured alike (vector-store.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citeline } from '../engine/citeline.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import type { Embedder } from '../embed/types.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import { randomBytes } from 'node:crypto';
import type { Vocabulary as StatsVocabulary } from '../stats/vocabulary.js';
import { parseCoreConfig, type CoreConfig, type PostgresConfig } from '../config.js';
import { peakMemoryMiB, percentile, sizeOnDiskBytes, timed } from './measure.js';
import { fail } from '../util/fail.js';
import { round } from '../util/round.js';
import { syntheticQuestions, writeLargeTextFile, writeSyntheticCorpus, type FigureDensity } from './synthetic-corpus.js';
import { measureVectorStore, type VectorStoreResult, type VectorStoreUnderTest } from './vector-store.js';

export interface ScenarioSpec {
  name: string;
  /** A reports folder, or a passage count for a generated corpus. */
  reports?: string;
  syntheticPassages?: number;
  /**
   * Where the generated corpus was already written (by `npm run bench`, once for every scenario):
   * generating it makes garbage that would otherwise sit in the measured process's heap.
   */
  syntheticDir?: string;
  /** Figures in the generated corpus: as many as real reports hold (default), or the dense worst case. */
  density?: FigureDensity;
  queries: number;
  measure: 'answers' | 'vector-store' | 'ingest';
  /** With `ingest`: where the index is built, and left. */
  indexDir?: string;
  /** With `vector-store`: measure LangChain.js's HNSWLib store over the same passages instead of Citeline's. */
  peer?: 'langchain';
  /** Citeline's ingest threads (INGEST_THREADS); by default the configured, 2. */
  threads?: 1 | 2;
  /** A corpus of one plain-text file of this many MB, without headings or blank lines (writeLargeTextFile). */
  largeFileMb?: number;
  /** Citeline on Postgres (STORE=postgres) at this URL, in `schema` (by default one made, and dropped, by the scenario). */
  postgres?: { url: string; schema?: string };
}

/** Building an index, as `npm run ingest` does, in a process of its own. */
export interface IngestResult {
  name: string;
  documents: number;
  passages: number;
  ingestSeconds: number;
  passagesPerSecond: number;
  peakMemoryMiB: number;
}

export interface AnswersResult {
  name: string;
  documents: number;
  passages: number;
  ingestSeconds: number;
  passagesPerSecond: number;
  /** The ingest's process. */
  ingestPeakMiB: number;
  /** Opening the engine from disk, the embedding model included. */
  openMs: number;
  /**
   * The first question after opening, a numeric one: what a user waits for after a restart. Work
   * done when first needed (the figures matcher's lists) is here, not in the warm figures below.
   */
  firstAnswerMs: number;
  askP50Ms: number;
  askP95Ms: number;
  /** CPU time (every thread of the process) per warm question: moved less than wall time by other work on a shared host. */
  askCpuMs: number;
  /** A stats lookup whose words some figure says every one of, and one that falls back to most of them (every figure read). */
  statsEveryWordMs: number;
  statsMostWordsMs: number;
  indexMiB: number;
  /**
   * The process that opens the engine and answers: what the Slack app needs. Ingest ran in another,
   * as it does for a user (`npm run ingest`); holding both its model and the engine's in one
   * process had made this figure a bench artifact.
   */
  peakMemoryMiB: number;
}

export type ScenarioResult = AnswersResult | VectorStoreResult | IngestResult;

export async function runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
  // The name may be a folder the user gave (`--reports ../x`): only its letters and digits name the temporary folder.
  const work = await mkdtemp(join(tmpdir(), `citeline-bench-${spec.name.replace(/[^a-z0-9]+/gi, '-')}-`));
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const reportsDir = resolve(spec.reports ?? spec.syntheticDir ?? join(work, 'reports'));
    if (spec.largeFileMb !== undefined) await writeLargeTextFile(join(reportsDir, 'large.txt'), spec.largeFileMb, SYNTHETIC_SEED);
    else if (!spec.reports && !spec.syntheticDir) await writeSyntheticCorpus(reportsDir, spec.syntheticPassages ?? 1000, SYNTHETIC_SEED, spec.density);
    const configured = parseCoreConfig(process.env);
    const config: CoreConfig = {
      ...configured,
      reportsDir,
      indexDir: spec.indexDir ?? join(work, 'index'),
      ingestThreads: spec.threads ?? configured.ingestThreads,
      ...(spec.postgres ? { store: 'postgres' as const, postgres: benchPostgres(spec.postgres) } : { store: 'local' as const }),
    };
    if (config.postgres && !spec.postgres?.schema) cleanups.push(() => dropSchema(config.postgres!));
    const questions = questionsFor(spec);
    // The engine loads its own model: none is loaded here for it.
    if (spec.measure === 'answers') return await measureAnswers(spec, config, questions);
    const embedder = await createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir });
    const measureStore = (store: VectorStoreUnderTest<unknown>) => measureVectorStore(store, reportsDir, embedder, questions, syntheticQuestions(200, 11));
    // Each process imports only the store it measures, as a user's would: LangChain's modules are
    // about 25 MiB resident beside Citeline's, and had been counted in Citeline's peak (Citeline's
    // engine in the peer's). The import is timed apart from ingest, for both stores alike.
    if (spec.peer === 'langchain') {
      const code = await timed(() => import('./peer-langchain.js'));
      return { ...(await measureStore(code.value.langChainPeer(embedder) as VectorStoreUnderTest<unknown>)), codeImportMs: round(code.ms, 0) };
    }
    const loadVocabularies = async (): Promise<Vocabularies> => {
      const dataDir = join(process.cwd(), 'data');
      const vocabulary = await (await import('../search/vocabulary.js')).loadSearchVocabulary(dataDir);
      return { vocabulary, statsVocabulary: (await import('../stats/vocabulary.js')).loadStatsVocabulary(dataDir, vocabulary.grades) };
    };
    if (spec.measure === 'ingest') return await measureIngest(spec, config, embedder, await loadVocabularies());
    const code = await timed(async () => citelineStore(config, embedder, await loadVocabularies()));
    return { ...(await measureStore(code.value as VectorStoreUnderTest<unknown>)), codeImportMs: round(code.ms, 0) };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/** The search and figures vocabularies, loaded once per scenario. */
interface Vocabularies {
  vocabulary: SearchVocabulary;
  statsVocabulary: StatsVocabulary;
}

/** A scenario on Postgres: a schema of its own (named in the spec when another process made it). */
function benchPostgres({ url, schema }: { url: string; schema?: string }): PostgresConfig {
  return { url, schema: schema ?? `bench_${randomBytes(4).toString('hex')}`, poolMax: 4, connectTimeoutMs: 10_000, statementTimeoutMs: 600_000, pollMs: 600_000 };
}

async function dropSchema(config: PostgresConfig): Promise<void> {
  const { Database } = await import('../store/postgres/database.js');
  const database = new Database(config);
  await database.query(`DROP SCHEMA IF EXISTS "${config.schema}" CASCADE`).finally(() => database.close());
}

/** The bytes of a schema's tables and their indexes. */
async function schemaBytes(config: PostgresConfig): Promise<number> {
  const { Database } = await import('../store/postgres/database.js');
  const database = new Database(config);
  try {
    const { rows } = await database.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [config.schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await database.close();
  }
}

async function measureIngest(spec: ScenarioSpec, config: CoreConfig, embedder: Embedder, vocabularies: Vocabularies): Promise<IngestResult> {
  const { artifactsWorkerFor, buildIndex } = await import('../engine/build-index.js');
  const artifactsWorker = artifactsWorkerFor(config.ingestThreads);
  const database = config.postgres ? await (await import('../engine/open-database.js')).openDatabase(config.postgres) : undefined;
  const ingest = await timed(() => buildIndex({ paths: [config.reportsDir], indexDir: config.indexDir, embedder, ...vocabularies, artifactsWorker, ...(database ? { database } : {}) }));
  await database?.close();
  return {
    name: spec.name,
    documents: ingest.value.documents,
    passages: ingest.value.passages,
    ingestSeconds: round(ingest.ms / 1000, 2),
    passagesPerSecond: round(ingest.value.passages / (ingest.ms / 1000), 0),
    peakMemoryMiB: peakMemoryMiB(),
  };
}

async function measureAnswers(spec: ScenarioSpec, config: CoreConfig, questions: string[]): Promise<AnswersResult> {
  const postgres = config.postgres ? { postgres: { url: config.postgres.url, schema: config.postgres.schema } } : {};
  const ingest = (await runScenarioInChild({ ...spec, reports: config.reportsDir, measure: 'ingest', indexDir: config.indexDir, ...postgres })) as IngestResult;
  const { openCitelineEngine } = await import('../engine/citeline.js');
  const open = await timed(() => openCitelineEngine(config));
  const engine = open.value;
  const first = await timed(() => engine.ask(FIRST_QUESTION));
  for (const question of questions.slice(0, 3)) await engine.ask(question); // warm-up
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < spec.queries; i++) latencies.push((await timed(() => engine.ask(questions[i % questions.length] as string))).ms);
  const cpu = process.cpuUsage(cpuBefore);
  const statsMs = async (query: string) => {
    await engine.stats(query); // warm-up: the key words' weights are worked out on the first lookup by most words
    const runs: number[] = [];
    for (let run = 0; run < STATS_RUNS; run++) runs.push((await timed(() => engine.stats(query))).ms);
    return percentile(runs, 50);
  };
  const statsEveryWordMs = await statsMs(STATS_EVERY_WORD);
  const statsMostWordsMs = await statsMs(STATS_MOST_WORDS);
  await engine.close();
  return {
    name: spec.name,
    documents: ingest.documents,
    passages: ingest.passages,
    ingestSeconds: ingest.ingestSeconds,
    passagesPerSecond: ingest.passagesPerSecond,
    ingestPeakMiB: ingest.peakMemoryMiB,
    openMs: round(open.ms, 0),
    firstAnswerMs: round(first.ms, 0),
    askP50Ms: round(percentile(latencies, 50), 1),
    askP95Ms: round(percentile(latencies, 95), 1),
    askCpuMs: round((cpu.user + cpu.system) / 1000 / spec.queries, 1),
    statsEveryWordMs: round(statsEveryWordMs, 1),
    statsMostWordsMs: round(statsMostWordsMs, 1),
    indexMiB: round((await (config.postgres ? schemaBytes(config.postgres) : sizeOnDiskBytes(config.indexDir))) / 1024 / 1024, 2),
    peakMemoryMiB: peakMemoryMiB(),
  };
}

/** Citeline as a vector store: its ingest (which also builds BM25 and figures), its index opened ready to answer. */
async function citelineStore(config: CoreConfig, embedder: Embedder, vocabularies: Vocabularies): Promise<VectorStoreUnderTest<Citeline>> {
  const [{ artifactsWorkerFor, buildIndex }, { GRAPH_DEFAULTS }] = await Promise.all([import('../engine/build-index.js'), import('../store/passage-store.js')]);
  const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id);
  let open: ((indexDir: string) => Promise<Citeline>) | undefined;
  if (config.postgres) return postgresStore(config, config.postgres, embedder, vocabularies);
  return {
    name: config.ingestThreads === 1 ? 'Citeline, 1 thread' : 'Citeline',
    ef: GRAPH_DEFAULTS.efSearch,
    ingest: async (reportsDir, indexDir) =>
      (await buildIndex({ paths: [reportsDir], indexDir, embedder, ...vocabularies, artifactsWorker: artifactsWorkerFor(config.ingestThreads) })).passages,
    // The engine's modules come after ingest, as `npm run ingest` does not load them.
    async beforeLoad() {
      const [{ Citeline }, { loadPrompts }, { loadRankerModel }] = await Promise.all([
        import('../engine/citeline.js'),
        import('../prompts.js'),
        import('../search/ranker.js'),
      ]);
      const [prompts, ranker] = await Promise.all([loadPrompts(join(process.cwd(), 'prompts')), loadRankerModel(join(process.cwd(), 'data', 'ranker-weights.json'))]);
      open = (indexDir) => Citeline.open({ config: { ...config, indexDir }, embedder, ...vocabularies, prompts, ranker, log: () => {} });
    },
    load: (indexDir) => (open ?? fail('beforeLoad was not called'))(indexDir),
    search: (engine, vector, ef) => ids(engine.nearestPassageIds(vector, 10, { ef })),
    exact: (engine, vector) => ids(engine.nearestPassageIds(vector, 10, { exact: true })),
  };
}

/** Citeline on Postgres as a vector store: pgvector's HNSW at its session's ef_search, exact search by a scan. */
async function postgresStore(config: CoreConfig, postgres: PostgresConfig, embedder: Embedder, vocabularies: Vocabularies): Promise<VectorStoreUnderTest<Citeline>> {
  const [{ artifactsWorkerFor, buildIndex }, { Citeline }, { openDatabase }, { loadPrompts }, { loadRankerModel }] = await Promise.all([
    import('../engine/build-index.js'),
    import('../engine/citeline.js'),
    import('../engine/open-database.js'),
    import('../prompts.js'),
    import('../search/ranker.js'),
  ]);
  const database = await openDatabase(postgres);
  const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id);
  const [prompts, ranker] = await Promise.all([loadPrompts(join(process.cwd(), 'prompts')), loadRankerModel(join(process.cwd(), 'data', 'ranker-weights.json'))]);
  return {
    name: 'Citeline on Postgres',
    ef: 100,
    efs: [100],
    ingest: async (reportsDir, indexDir) =>
      (await buildIndex({ paths: [reportsDir], indexDir, embedder, ...vocabularies, artifactsWorker: artifactsWorkerFor(config.ingestThreads), database })).passages,
    load: () => Citeline.open({ config, embedder, ...vocabularies, prompts, ranker, log: () => {}, database }),
    search: async (engine, vector) => ids(await engine.nearestPassageIdsAsync(vector, 10)),
    exact: async (engine, vector) => ids(await engine.nearestPassageIdsAsync(vector, 10, { exact: true })),
    size: () => schemaBytes(postgres),
  };
}

/** The generated corpus's seed: every run of the benchmark measures the same reports. */
export const SYNTHETIC_SEED = 42;

/** Stats lookups timed: by grade and year, and by words no figure says every one of (a word none writes). */
const STATS_EVERY_WORD = 'inadequate 2015';
const STATS_MOST_WORDS = 'councils rated inadequate quarterly snapshot';
const STATS_RUNS = 5;

/** Asks for a figure, so the figures matcher is made for it. */
const FIRST_QUESTION = 'what share of councils were rated inadequate in 2015?';

function questionsFor(spec: ScenarioSpec): string[] {
  return spec.reports
    ? ['what share of councils were rated inadequate?', 'what happens after an inadequate judgement?', 'how did Ofsted respond?', 'what did the report say about confidence in inspection?']
    : syntheticQuestions(20);
}

const SCENARIO_SCRIPT = fileURLToPath(import.meta.url);

/** A scenario in a process of its own (this file run with the spec): its peak memory is its own, and nothing is warm. */
export function runScenarioInChild(spec: ScenarioSpec): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCENARIO_SCRIPT, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench scenario ${spec.name} exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ScenarioResult);
      } catch {
        reject(new Error(`bench scenario ${spec.name} printed no result`));
      }
    });
  });
}

// Run as a child process by src/cli/bench.ts (and by runScenarioInChild): the spec is the first argument.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ScenarioSpec;
  runScenario(spec)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
