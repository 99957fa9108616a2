/**
 * What a vector store does, measured the same way for Citeline and for the peer: ingest the report
 * files into a saved index, load it, and answer "the 10 nearest passages to this question" (embed the
 * question, search the graph), with recall@10 against exact search over the same vectors.
 * Each runs in a process of its own, so peak memory is its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Embedder } from '../embed/types.js';
import { peakMemoryMiB, percentile, sizeOnDiskBytes, timed } from './measure.js';
import { round } from '../util/round.js';

/** Search at one depth: latency and recall. */
export interface SearchAtDepth {
  /** The graph's search depth (hnswlib's ef). */
  ef: number;
  /** Embedding a question and finding its 10 nearest passages. */
  queryP50Ms: number;
  queryP95Ms: number;
  /** Finding the 10 nearest passages to a vector already made: the graph search alone. */
  searchP50Ms: number;
  searchP95Ms: number;
  /** The share of the exact 10 nearest found. */
  recallAt10: number;
}

export interface VectorStoreResult {
  store: string;
  passages: number;
  /**
   * Importing the store's own code (and, for Citeline, reading its vocabulary) in a fresh process,
   * which `ingestSeconds` leaves out for both: what a user's `npm run ingest` also waits for.
   */
  codeImportMs?: number;
  ingestSeconds: number;
  passagesPerSecond: number;
  loadMs: number;
  /** At the store's own depth first, then at the other store's. */
  searches: SearchAtDepth[];
  indexMiB: number;
  peakMemoryMiB: number;
}

/** One store under test: how it ingests, loads, searches, and finds the exact nearest passages. */
export interface VectorStoreUnderTest<Loaded> {
  name: string;
  /** Report files to a saved index in `indexDir`; returns the number of passages. */
  ingest(reportsDir: string, indexDir: string): Promise<number>;
  /**
   * Imports what opening an index needs and ingest does not (untimed: a serving process has them
   * loaded when it starts), so that ingest's peak memory is of what an ingest loads.
   */
  beforeLoad?(): Promise<void>;
  load(indexDir: string): Promise<Loaded>;
  /** Ids of the 10 nearest passages by the store's own search at depth `ef`. */
  search(loaded: Loaded, vector: Float32Array, ef: number): string[] | Promise<string[]>;
  /** Ids of the 10 nearest passages by scanning every vector. */
  exact(loaded: Loaded, vector: Float32Array): string[] | Promise<string[]>;
  /** Its own search depth. */
  ef: number;
  /** The depths it can be searched at, when not any (Postgres: its configured hnsw.ef_search only). */
  efs?: readonly number[];
  /** The index's size, when it is not a folder (a database). */
  size?(): Promise<number>;
}

/** Both stores are searched at both depths: their own and the other's, so recall and speed compare. */
export const COMPARED_EFS = [10, 100] as const;

export async function measureVectorStore<Loaded>(
  store: VectorStoreUnderTest<Loaded>,
  reportsDir: string,
  embedder: Embedder,
  questions: readonly string[],
  recallQuestions: readonly string[],
): Promise<VectorStoreResult> {
  const work = await mkdtemp(join(tmpdir(), 'citeline-vector-store-'));
  try {
    const indexDir = join(work, 'index');
    const ingest = await timed(() => store.ingest(reportsDir, indexDir));
    await store.beforeLoad?.();
    const load = await timed(() => store.load(indexDir));
    const loaded = load.value;
    const recallVectors = await embedder.embed(recallQuestions);
    const exact: Set<string>[] = [];
    for (const vector of recallVectors) exact.push(new Set(await store.exact(loaded, vector)));
    const efs = store.efs ?? [store.ef, ...COMPARED_EFS.filter((ef) => ef !== store.ef)];
    const searches: SearchAtDepth[] = [];
    for (const ef of efs) searches.push(await measureSearch(store, loaded, ef, embedder, questions, recallVectors, exact));
    return {
      store: store.name,
      passages: ingest.value,
      ingestSeconds: round(ingest.ms / 1000, 2),
      passagesPerSecond: round(ingest.value / (ingest.ms / 1000), 0),
      loadMs: round(load.ms, 0),
      searches,
      indexMiB: round((await (store.size?.() ?? sizeOnDiskBytes(indexDir))) / 1024 / 1024, 2),
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measureSearch<Loaded>(
  store: VectorStoreUnderTest<Loaded>,
  loaded: Loaded,
  ef: number,
  embedder: Embedder,
  questions: readonly string[],
  recallVectors: readonly Float32Array[],
  exact: readonly Set<string>[],
): Promise<SearchAtDepth> {
  const query = async (question: string) => store.search(loaded, (await embedder.embed([question]))[0] as Float32Array, ef);
  for (const question of questions.slice(0, 3)) await query(question); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < 100; i++) latencies.push((await timed(() => query(questions[i % questions.length] as string))).ms);
  let found = 0;
  let wanted = 0;
  const searchLatencies: number[] = [];
  for (const [i, vector] of recallVectors.entries()) {
    const { value: nearest, ms } = await timed(async () => store.search(loaded, vector, ef));
    searchLatencies.push(ms);
    const truth = exact[i] as Set<string>;
    found += nearest.filter((id) => truth.has(id)).length;
    wanted += truth.size;
  }
  return {
    ef,
    queryP50Ms: round(percentile(latencies, 50), 2),
    queryP95Ms: round(percentile(latencies, 95), 2),
    searchP50Ms: round(percentile(searchLatencies, 50), 2),
    searchP95Ms: round(percentile(searchLatencies, 95), 2),
    recallAt10: round(wanted === 0 ? 1 : found / wanted, 3),
  };
}
