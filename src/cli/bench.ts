/**
 * `npm run bench -- [--json] [--passages N] [--dense]`: speed and memory figures on the sample and on a generated corpus
 * (with as many figures as real reports hold, or `--dense`: 2.9 times as many),
 * for whole questions and as a vector store beside LangChain.js's HNSWLib.
 * `npm run bench -- --load [--requests N]`: N signed Slack requests at once through the HTTP receiver.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type LoadResult } from '../bench/load.js';
import { SYNTHETIC_SEED, runScenarioInChild, type AnswersResult, type ScenarioSpec } from '../bench/scenario.js';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.js';
import type { VectorStoreResult } from '../bench/vector-store.js';
import { GRAPH_DEFAULTS } from '../store/passage-store.js';
import { exitWithError } from './bootstrap.js';

interface CorpusResult {
  answers: AnswersResult;
  citeline: VectorStoreResult;
  /** INGEST_THREADS=1: what the second ingest thread costs in memory and saves in time. */
  citelineOneThread: VectorStoreResult;
  peer: VectorStoreResult;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      passages: { type: 'string', default: '10000' },
      dense: { type: 'boolean', default: false },
      queries: { type: 'string', default: '100' },
      load: { type: 'boolean', default: false },
      requests: { type: 'string', default: '100' },
    },
  });
  if (values.load) return printLoad(await runLoad(Number(values.requests)), values.json);
  const queries = Number(values.queries);
  const density = values.dense ? 'dense' : 'like-reports';
  const syntheticPassages = Number(values.passages);
  // Written here once, so that no measured process pays for making it (or keeps its garbage).
  const work = await mkdtemp(join(tmpdir(), 'citeline-bench-'));
  try {
    const syntheticDir = join(work, 'generated');
    await writeSyntheticCorpus(syntheticDir, syntheticPassages, SYNTHETIC_SEED, density);
    const corpora: Omit<ScenarioSpec, 'measure'>[] = [
      { name: 'sample', reports: 'reports', queries },
      { name: values.dense ? 'generated (dense)' : 'generated', syntheticPassages, syntheticDir, density, queries },
    ];
    await runCorpora(corpora, values.json);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function runCorpora(corpora: Omit<ScenarioSpec, 'measure'>[], json: boolean): Promise<void> {
  const results: Record<string, CorpusResult> = {};
  for (const corpus of corpora) {
    // Each measurement in a process of its own: peak memory is its own, and nothing is warm.
    const run = async <T>(what: string, spec: ScenarioSpec) => {
      if (!json) process.stderr.write(`bench: ${corpus.name}, ${what}...\n`);
      return (await runScenarioInChild(spec)) as T;
    };
    results[corpus.name] = {
      answers: await run<AnswersResult>('whole questions', { ...corpus, measure: 'answers' }),
      citeline: await run<VectorStoreResult>('Citeline as a vector store', { ...corpus, measure: 'vector-store', threads: 2 }),
      citelineOneThread: await run<VectorStoreResult>('Citeline as a vector store, ingest on 1 thread', { ...corpus, measure: 'vector-store', threads: 1 }),
      peer: await run<VectorStoreResult>('LangChain.js HNSWLib', { ...corpus, measure: 'vector-store', peer: 'langchain' }),
    };
  }
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  if (json) {
    console.log(JSON.stringify({ machine, graph: GRAPH_DEFAULTS, corpora: results }, null, 2));
    return;
  }
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(`Citeline's graph: M ${GRAPH_DEFAULTS.M}, efConstruction ${GRAPH_DEFAULTS.efConstruction}, ef ${GRAPH_DEFAULTS.efSearch}; LangChain.js HNSWLib's defaults: M 16, efConstruction 200, ef 10.`);
  console.log('');
  console.log('Whole questions (search, sentence choice, figures):');
  console.log(formatAnswers(Object.values(results).map((r) => r.answers)));
  console.log('');
  console.log('As a vector store, each searched at its own depth (ef) and at the other\'s: query = embed a question and find its 10 nearest passages, search = the graph alone, recall@10 against exact search:');
  console.log(formatStores(Object.entries(results)));
}

function printLoad(result: LoadResult, json: boolean): void {
  if (json) return void console.log(JSON.stringify(result, null, 2));
  console.log(`${result.requests} signed requests at once (half mentions, half /citeline), HTTP receiver, 127.0.0.1`);
  console.log(`acknowledged: p50 ${result.ackP50Ms} ms, p95 ${result.ackP95Ms} ms, max ${result.ackMaxMs} ms; within 3 s: ${result.ackedWithin3s}/${result.requests}`);
  console.log(`answered: ${result.answered}/${result.requests} (twice: ${result.answeredTwice}); answer latency p50 ${result.answerP50Ms} ms, p95 ${result.answerP95Ms} ms`);
}

function formatStores(results: readonly [string, CorpusResult][]): string {
  const header = ['corpus', 'store', 'passages', 'ingest s', 'passages/s', 'load ms', 'ef', 'query p50 ms', 'query p95 ms', 'search p50 ms', 'search p95 ms', 'recall@10', 'index MiB', 'peak MiB'];
  const rows = results.flatMap(([corpus, { citeline, citelineOneThread, peer }]) =>
    [citeline, citelineOneThread, peer].flatMap((r) =>
      r.searches.map((search, i) =>
        [
          ...(i === 0 ? [corpus, r.store, r.passages, r.ingestSeconds, r.passagesPerSecond, r.loadMs] : ['', '', '', '', '', '']),
          search.ef,
          search.queryP50Ms,
          search.queryP95Ms,
          search.searchP50Ms,
          search.searchP95Ms,
          search.recallAt10,
          ...(i === 0 ? [r.indexMiB, r.peakMemoryMiB] : ['', '']),
        ].map(String),
      ),
    ),
  );
  return renderRows(header, rows);
}

function formatAnswers(results: readonly AnswersResult[]): string {
  const header = ['corpus', 'docs', 'passages', 'ingest s', 'passages/s', 'ingest peak MiB', 'open ms', 'first answer ms', 'ask p50 ms', 'ask p95 ms', 'index MiB', 'serving peak MiB'];
  const rows = results.map((r) =>
    [r.name, r.documents, r.passages, r.ingestSeconds, r.passagesPerSecond, r.ingestPeakMiB, r.openMs, r.firstAnswerMs, r.askP50Ms, r.askP95Ms, r.indexMiB, r.peakMemoryMiB].map(String),
  );
  return renderRows(header, rows);
}

function renderRows(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

main().catch(exitWithError);
