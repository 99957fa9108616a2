/**
 * `citeline bench [--json] [--passages N] [--dense] [--runs N] [--reports DIR]`: speed and memory figures on the sample,
 * on a generated corpus (with as many figures as real reports hold, or `--dense`: 2.9 times as many)
 * and on a folder of real reports if one is given,
 * for whole questions and as a vector store beside LangChain.js's HNSWLib; with `--runs N`, the
 * median of N runs of each (and, for ingest, load and peak memory, their range).
 * `citeline bench --load [--requests N]`: N signed Slack requests at once through the HTTP receiver.
 * `citeline bench --large-file [--sizes 1,3,10,30]`: ingest of one plain-text file of each size
 * (no headings, no blank lines), seconds per MB: flat when reading stays linear in the file's size.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { runLoad, type LoadResult } from '../bench/load.js';
import { SYNTHETIC_SEED, runScenarioInChild, type AnswersResult, type IngestResult, type ScenarioSpec } from '../bench/scenario.js';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.js';
import type { VectorStoreResult } from '../bench/vector-store.js';
import { medianOfRuns, rangeOfRuns } from '../bench/measure.js';
import { GRAPH_DEFAULTS } from '../store/passage-store.js';
import { countOption, usageError, type CommandSpec, type ParsedCommandLine } from './args.js';
import { parseCoreConfig } from '../config.js';
import { startLocalPostgres } from '../store/postgres/pglite-server.js';

/** One run of every measurement on a corpus. */
interface CorpusResult {
  answers: AnswersResult;
  citeline: VectorStoreResult;
  /** INGEST_THREADS=1: what the second ingest thread costs in memory and saves in time. */
  citelineOneThread: VectorStoreResult;
  peer: VectorStoreResult;
}

const STORES = ['citeline', 'citelineOneThread', 'peer'] as const;

export async function run({ values }: ParsedCommandLine, spec: CommandSpec): Promise<void> {
  const option = (name: string, fallback: string) => (values[name] === undefined ? fallback : String(values[name]));
  const json = Boolean(values.json);
  const runs = countOption(spec, '--runs', option('runs', '1'));
  const store = option('store', 'local');
  if (store !== 'local' && store !== 'postgres') throw usageError(spec, `--store is local or postgres (got ${store}).`);
  if (values.load) return printLoad(await runLoad(countOption(spec, '--requests', option('requests', '100')), { store }), json);
  if (values['large-file']) return runLargeFiles(largeFileSizes(option('sizes', '1,3,10,30'), spec), json);
  const queries = countOption(spec, '--queries', option('queries', '100'));
  const density = values.dense ? 'dense' : 'like-reports';
  const syntheticPassages = countOption(spec, '--passages', option('passages', '10000'));
  const reportsOption = values.reports === undefined ? undefined : String(values.reports);
  const reports = reportsOption === undefined ? undefined : await reportsFolder(reportsOption, spec);
  // Written here once, so that no measured process pays for making it (or keeps its garbage).
  const work = await mkdtemp(join(tmpdir(), 'citeline-bench-'));
  try {
    const syntheticDir = join(work, 'generated');
    await writeSyntheticCorpus(syntheticDir, syntheticPassages, SYNTHETIC_SEED, density);
    const corpora: Omit<ScenarioSpec, 'measure'>[] = [
      { name: 'sample', reports: 'reports', queries },
      { name: values.dense ? 'generated (dense)' : 'generated', syntheticPassages, syntheticDir, density, queries },
      ...(reports ? [{ name: reportsOption ?? reports, reports, queries }] : []),
    ];
    if (store === 'postgres') await comparePostgres(corpora, json);
    else await runCorpora(corpora, runs, json);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The folder of real reports to measure as well, refused before any measuring if it is not one. */
async function reportsFolder(path: string, spec: CommandSpec): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw usageError(spec, `--reports takes a folder of reports; ${path} is not one.`);
  return resolve(path);
}

async function runCorpora(corpora: Omit<ScenarioSpec, 'measure'>[], runs: number, json: boolean): Promise<void> {
  const allRuns: Record<string, CorpusResult[]> = {};
  // Run by run, each measurement once per run: a machine that slows or speeds up over the bench
  // shifts every store alike rather than one store's runs.
  for (let n = 1; n <= runs; n++) {
    for (const corpus of corpora) {
      // Each measurement in a process of its own: peak memory is its own, and nothing is warm.
      const run = async <T>(what: string, spec: ScenarioSpec) => {
        if (!json) process.stderr.write(`bench${runs > 1 ? ` (run ${n} of ${runs})` : ''}: ${corpus.name}, ${what}...\n`);
        return (await runScenarioInChild(spec)) as T;
      };
      (allRuns[corpus.name] ??= []).push({
        answers: await run<AnswersResult>('whole questions', { ...corpus, measure: 'answers' }),
        citeline: await run<VectorStoreResult>('Citeline as a vector store', { ...corpus, measure: 'vector-store', threads: 2 }),
        citelineOneThread: await run<VectorStoreResult>('Citeline as a vector store, ingest on 1 thread', { ...corpus, measure: 'vector-store', threads: 1 }),
        peer: await run<VectorStoreResult>('LangChain.js HNSWLib', { ...corpus, measure: 'vector-store', peer: 'langchain' }),
      });
    }
  }
  const results = Object.fromEntries(Object.entries(allRuns).map(([name, corpusRuns]) => [name, medianOfRuns(corpusRuns)]));
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  if (json) {
    console.log(JSON.stringify({ machine, graph: GRAPH_DEFAULTS, runs, corpora: results, ...(runs > 1 ? { allRuns } : {}) }, null, 2));
    return;
  }
  if (runs > 1) console.log(`Medians of ${runs} runs; in brackets, the lowest and highest.`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(`Citeline's graph: M ${GRAPH_DEFAULTS.M}, efConstruction ${GRAPH_DEFAULTS.efConstruction}, ef ${GRAPH_DEFAULTS.efSearch}; LangChain.js HNSWLib's defaults: M 16, efConstruction 200, ef 10.`);
  console.log('');
  console.log('Whole questions (search, sentence choice, figures):');
  console.log(formatAnswers(Object.entries(allRuns).map(([name, corpusRuns]) => [results[name]!.answers, corpusRuns.map((r) => r.answers)] as const)));
  console.log('');
  console.log('As a vector store, each searched at its own depth (ef) and at the other\'s: query = embed a question and find its 10 nearest passages, search = the graph alone, recall@10 against exact search:');
  console.log(formatStores(Object.entries(allRuns).map(([name, corpusRuns]) => [name, results[name]!, corpusRuns] as const)));
}

function largeFileSizes(value: string, spec: CommandSpec): number[] {
  const sizes = value.split(',').map((size) => Number(size.trim()));
  if (sizes.length === 0 || sizes.some((size) => !Number.isFinite(size) || size <= 0)) throw usageError(spec, `--sizes takes megabytes such as 1,3,10,30.`);
  return sizes;
}

/** Ingest of one large plain-text file per size, each in a process of its own. */
async function runLargeFiles(sizes: readonly number[], json: boolean): Promise<void> {
  const results: (IngestResult & { megabytes: number; secondsPerMb: number })[] = [];
  for (const megabytes of sizes) {
    if (!json) process.stderr.write(`bench: one ${megabytes} MB text file, ingest...\n`);
    const result = (await runScenarioInChild({ name: `large-${megabytes}mb`, largeFileMb: megabytes, queries: 0, measure: 'ingest' })) as IngestResult;
    results.push({ ...result, megabytes, secondsPerMb: Math.round((result.ingestSeconds / megabytes) * 100) / 100 });
  }
  if (json) return void console.log(JSON.stringify(results, null, 2));
  console.log('One plain-text file (no headings, no blank lines), ingested into a new index:');
  const rows = results.map((r) => [String(r.megabytes), String(r.passages), String(r.ingestSeconds), String(r.secondsPerMb), String(r.peakMemoryMiB)]);
  console.log(renderRows(['MB', 'passages', 'ingest s', 's per MB', 'peak MiB'], rows));
}

/** The local store and Postgres on the same corpora: ingest, whole questions, and the vector half alone. */
async function comparePostgres(corpora: Omit<ScenarioSpec, 'measure'>[], json: boolean): Promise<void> {
  const url = parseCoreConfig(process.env).postgres?.url;
  const local = url ? undefined : await startLocalPostgres();
  const postgres = { url: url ?? local!.url };
  try {
    const rows: ComparedStore[] = [];
    for (const corpus of corpora) {
      for (const store of ['local', 'postgres'] as const) {
        const spec = { ...corpus, ...(store === 'postgres' ? { postgres } : {}) };
        if (!json) process.stderr.write(`bench: ${corpus.name}, ${store} store...\n`);
        const answers = (await runScenarioInChild({ ...spec, measure: 'answers' })) as AnswersResult;
        const vectors = (await runScenarioInChild({ ...spec, measure: 'vector-store', threads: 2 })) as VectorStoreResult;
        rows.push({ corpus: corpus.name, store, answers, vectors });
      }
    }
    if (json) return void console.log(JSON.stringify({ database: url ? 'DATABASE_URL' : 'PGlite (in-process, WebAssembly)', rows }, null, 2));
    console.log(`Postgres: ${url ? 'DATABASE_URL' : 'PGlite in this process (Postgres in WebAssembly, one core: slower than a server)'}; pgvector HNSW m 16, ef_construction 100, ef_search 100.`);
    console.log(formatComparison(rows));
  } finally {
    await local?.stop();
  }
}

interface ComparedStore {
  corpus: string;
  store: 'local' | 'postgres';
  answers: AnswersResult;
  vectors: VectorStoreResult;
}

function formatComparison(rows: readonly ComparedStore[]): string {
  const header = ['corpus', 'store', 'passages', 'ingest s', 'open ms', 'ask p50 ms', 'ask p95 ms', 'query p50 ms', 'query p95 ms', 'search p50 ms', 'search p95 ms', 'recall@10', 'index MiB', 'serving peak MiB'];
  return renderRows(
    header,
    rows.map(({ corpus, store, answers, vectors }) => {
      const own = vectors.searches[0]!;
      return [corpus, store, answers.passages, answers.ingestSeconds, answers.openMs, answers.askP50Ms, answers.askP95Ms, own.queryP50Ms, own.queryP95Ms, own.searchP50Ms, own.searchP95Ms, own.recallAt10, answers.indexMiB, answers.peakMemoryMiB].map(String);
    }),
  );
}

function printLoad(result: LoadResult, json: boolean): void {
  if (json) return void console.log(JSON.stringify(result, null, 2));
  const where = result.replicas > 1 ? `${result.replicas} replicas on one Postgres, each mention delivered to both (${result.deliveries} deliveries)` : 'one process';
  console.log(`${result.requests} signed requests at once (half mentions, half /citeline), HTTP receiver, 127.0.0.1, ${where}`);
  console.log(`acknowledged: p50 ${result.ackP50Ms} ms, p95 ${result.ackP95Ms} ms, max ${result.ackMaxMs} ms; within 3 s: ${result.ackedWithin3s}/${result.deliveries}`);
  console.log(`answered: ${result.answered}/${result.requests} (twice: ${result.answeredTwice}); answer latency p50 ${result.answerP50Ms} ms, p95 ${result.answerP95Ms} ms`);
}

/** A median, with the range of the runs after it when there were several. */
function withRange<T>(median: number, runs: readonly T[], value: (run: T) => number): string {
  if (runs.length < 2) return String(median);
  const [low, high] = rangeOfRuns(runs, value);
  return `${median} (${low}–${high})`;
}

function formatStores(results: readonly (readonly [string, CorpusResult, CorpusResult[]])[]): string {
  const header = ['corpus', 'store', 'passages', 'code import ms', 'ingest s', 'passages/s', 'load ms', 'ef', 'query p50 ms', 'query p95 ms', 'search p50 ms', 'search p95 ms', 'recall@10', 'index MiB', 'peak MiB'];
  const rows = results.flatMap(([corpus, median, corpusRuns]) =>
    STORES.flatMap((store) => {
      const r = median[store];
      const runs = corpusRuns.map((run) => run[store]);
      return r.searches.map((search, i) =>
        [
          ...(i === 0
            ? [
                corpus,
                r.store,
                r.passages,
                r.codeImportMs === undefined ? '–' : withRange(r.codeImportMs, runs, (run) => run.codeImportMs ?? 0),
                withRange(r.ingestSeconds, runs, (run) => run.ingestSeconds),
                r.passagesPerSecond,
                withRange(r.loadMs, runs, (run) => run.loadMs),
              ]
            : ['', '', '', '', '', '', '']),
          search.ef,
          search.queryP50Ms,
          search.queryP95Ms,
          search.searchP50Ms,
          search.searchP95Ms,
          search.recallAt10,
          ...(i === 0 ? [r.indexMiB, withRange(r.peakMemoryMiB, runs, (run) => run.peakMemoryMiB)] : ['', '']),
        ].map(String),
      );
    }),
  );
  return renderRows(header, rows);
}

function formatAnswers(results: readonly (readonly [AnswersResult, AnswersResult[]])[]): string {
  const header = ['corpus', 'docs', 'passages', 'ingest s', 'passages/s', 'ingest peak MiB', 'open ms', 'first answer ms', 'ask p50 ms', 'ask p95 ms', 'ask cpu ms', 'stats ms (every word / most)', 'index MiB', 'serving peak MiB'];
  const rows = results.map(([r, runs]) =>
    [
      r.name,
      r.documents,
      r.passages,
      withRange(r.ingestSeconds, runs, (run) => run.ingestSeconds),
      r.passagesPerSecond,
      withRange(r.ingestPeakMiB, runs, (run) => run.ingestPeakMiB),
      withRange(r.openMs, runs, (run) => run.openMs),
      r.firstAnswerMs,
      r.askP50Ms,
      r.askP95Ms,
      r.askCpuMs,
      `${r.statsEveryWordMs} / ${r.statsMostWordsMs}`,
      r.indexMiB,
      withRange(r.peakMemoryMiB, runs, (run) => run.peakMemoryMiB),
    ].map(String),
  );
  return renderRows(header, rows);
}

function renderRows(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
