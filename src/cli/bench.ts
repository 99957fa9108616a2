/**
 * `npm run bench -- [--json] [--passages N]`: speed and memory figures on the sample and on a generated corpus.
 * `npm run bench -- --load [--requests N]`: N signed Slack requests at once through the HTTP receiver.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type LoadResult } from '../bench/load.js';
import type { PeerResult } from '../bench/peer-langchain.js';
import type { ScenarioResult, ScenarioSpec } from '../bench/scenario.js';
import { exitWithError } from './bootstrap.js';

const SCENARIO_SCRIPT = fileURLToPath(new URL('../bench/scenario.ts', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      passages: { type: 'string', default: '10000' },
      queries: { type: 'string', default: '100' },
      load: { type: 'boolean', default: false },
      requests: { type: 'string', default: '100' },
    },
  });
  if (values.load) return printLoad(await runLoad(Number(values.requests)), values.json);
  const queries = Number(values.queries);
  const generated = { name: `generated-${values.passages}`, syntheticPassages: Number(values.passages), queries };
  const specs: ScenarioSpec[] = [{ name: 'sample', reports: 'reports', queries }, generated];
  const results: ScenarioResult[] = [];
  for (const spec of specs) {
    if (!values.json) process.stderr.write(`bench: ${spec.name}...\n`);
    results.push((await runInChild(spec)) as ScenarioResult);
  }
  // The peer over the same generated corpus (same seed), same chunker, same model.
  if (!values.json) process.stderr.write(`bench: ${generated.name} with LangChain.js HNSWLib...\n`);
  const citeline = results[1] as ScenarioResult;
  const peer = (await runInChild({ ...generated, name: `${generated.name}`, peer: 'langchain' })) as PeerResult;
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  if (values.json) {
    console.log(JSON.stringify({ machine, scenarios: results, peer: { langchainHnswlib: peer } }, null, 2));
    return;
  }
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(formatTable(results));
  const graph = results[0]?.hnsw;
  if (graph) console.log(`HNSW: M ${graph.M}, efConstruction ${graph.efConstruction}, ef ${graph.efSearch}; recall@10 against exact search over the same vectors, 200 queries.`);
  console.log('');
  console.log(formatPeerTable(citeline, peer));
}

function printLoad(result: LoadResult, json: boolean): void {
  if (json) return void console.log(JSON.stringify(result, null, 2));
  console.log(`${result.requests} signed requests at once (half mentions, half /citeline), HTTP receiver, 127.0.0.1`);
  console.log(`acknowledged: p50 ${result.ackP50Ms} ms, p95 ${result.ackP95Ms} ms, max ${result.ackMaxMs} ms; within 3 s: ${result.ackedWithin3s}/${result.requests}`);
  console.log(`answered: ${result.answered}/${result.requests} (twice: ${result.answeredTwice}); answer latency p50 ${result.answerP50Ms} ms, p95 ${result.answerP95Ms} ms`);
}

function runInChild(spec: ScenarioSpec): Promise<ScenarioResult | PeerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCENARIO_SCRIPT, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench scenario ${spec.name} exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ScenarioResult | PeerResult);
      } catch {
        reject(new Error(`bench scenario ${spec.name} printed no result`));
      }
    });
  });
}

/** Citeline beside LangChain.js's HNSWLib: vector query = embed the question and find the 10 nearest. */
function formatPeerTable(citeline: ScenarioResult, peer: PeerResult): string {
  const header = ['store', 'passages', 'ingest s', 'passages/s', 'load ms', 'vector query p50 ms', 'vector query p95 ms', 'index MiB', 'peak MiB'];
  const rows = [
    ['Citeline', citeline.passages, citeline.ingestSeconds, citeline.passagesPerSecond, citeline.indexLoadMs, citeline.vectorQueryP50Ms, citeline.vectorQueryP95Ms, citeline.indexMiB, citeline.peakMemoryMiB],
    ['LangChain.js HNSWLib', peer.passages, peer.ingestSeconds, peer.passagesPerSecond, peer.loadMs, peer.queryP50Ms, peer.queryP95Ms, peer.indexMiB, peer.peakMemoryMiB],
  ].map((row) => row.map(String));
  return renderRows(header, rows);
}

function renderRows(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function formatTable(results: readonly ScenarioResult[]): string {
  const header = ['corpus', 'docs', 'passages', 'ingest s', 'passages/s', 'load ms', 'ask p50 ms', 'ask p95 ms', 'hnsw p50 ms', 'hnsw p95 ms', 'recall@10', 'index MiB', 'peak MiB'];
  const rows = results.map((r) =>
    [r.name, r.documents, r.passages, r.ingestSeconds, r.passagesPerSecond, r.indexLoadMs, r.queryP50Ms, r.queryP95Ms, r.hnsw.p50Ms, r.hnsw.p95Ms, r.hnsw.recallAt10, r.indexMiB, r.peakMemoryMiB].map(String),
  );
  return renderRows(header, rows);
}

main().catch(exitWithError);
