/**
 * `npm run eval -- DIR [--questions FILE] [--json]`, or `--reports DIR --questions FILE`: index the
 * reports into a temporary store and score the answers. DIR is an eval folder: its reports in
 * `DIR/reports`, its questions the one `questions*.jsonl` file in DIR unless --questions names one.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CoreConfig, PostgresConfig } from '../config.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { Database } from '../store/postgres/database.js';
import { startLocalPostgres } from '../store/postgres/pglite-server.js';
import { formatSummary, summarise } from '../eval/metrics.js';
import { readEvalQuestions } from '../eval/questions.js';
import { askEvalQuestions } from '../eval/run.js';
import { UsageError, exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';

const USAGE = `Usage: npm run eval -- DIR [--questions FILE] [--json] [--store local|postgres]     (DIR holds reports/ and a questions*.jsonl file)
       npm run eval -- --reports DIR --questions FILE [--json] [--store local|postgres]
--store postgres indexes into a temporary schema of DATABASE_URL, or without one into a throwaway in-process Postgres (PGlite).`;

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    { options: { reports: { type: 'string' }, questions: { type: 'string' }, json: { type: 'boolean', default: false }, store: { type: 'string', default: 'local' } }, allowPositionals: true },
    USAGE,
  );
  if (values.store !== 'local' && values.store !== 'postgres') throw new UsageError(`--store is local or postgres (got ${values.store}).\n${USAGE}`);
  const { reports, questions: questionsFile } = await evalInputs(positionals, values);
  const questions = await readEvalQuestions(questionsFile);
  const indexDir = await mkdtemp(join(tmpdir(), 'citeline-eval-'));
  const core = loadCoreConfigOrExit();
  const postgres = values.store === 'postgres' ? await evalDatabase(core) : undefined;
  try {
    const config = { ...core, reportsDir: reports, indexDir, ...(postgres ? { store: 'postgres' as const, postgres: postgres.config } : { store: 'local' as const }) };
    const engine = await openCitelineEngine(config, { buildIfMissing: true, log: values.json ? () => {} : logToStderr });
    try {
      const results = await askEvalQuestions(engine, questions);
      const summary = summarise(results);
      console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    } finally {
      await engine.close();
    }
  } finally {
    await postgres?.drop();
    await rm(indexDir, { recursive: true, force: true });
  }
}

/** A schema of its own in DATABASE_URL, dropped afterwards; without DATABASE_URL, a throwaway PGlite. */
async function evalDatabase(core: CoreConfig): Promise<{ config: PostgresConfig; drop: () => Promise<void> }> {
  const schema = `citeline_eval_${randomBytes(4).toString('hex')}`;
  const defaults = { poolMax: 4, connectTimeoutMs: 5000, statementTimeoutMs: 60_000, pollMs: 60_000 };
  if (core.postgres) {
    const config = { ...core.postgres, schema };
    return {
      config,
      drop: async () => {
        const database = new Database(config);
        await database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => database.close());
      },
    };
  }
  const local = await startLocalPostgres();
  return { config: { url: local.url, schema, ...defaults }, drop: () => local.stop() };
}

/** The reports folder and questions file, from an eval folder or from the two options. */
async function evalInputs(positionals: string[], values: { reports?: string; questions?: string }): Promise<{ reports: string; questions: string }> {
  if (positionals.length > 1) throw new UsageError(`One eval folder at most (got ${positionals.length}).\n${USAGE}`);
  const [folder] = positionals;
  if (folder !== undefined && values.reports) throw new UsageError(`Give an eval folder or --reports, not both.\n${USAGE}`);
  const reports = values.reports ?? (folder === undefined ? undefined : join(folder, 'reports'));
  if (reports === undefined) throw new UsageError(`No reports given.\n${USAGE}`);
  if (values.questions) return { reports: resolve(reports), questions: resolve(values.questions) };
  if (folder === undefined) throw new UsageError(`No questions given.\n${USAGE}`);
  const entries = await readdir(folder).catch(() => {
    throw new UsageError(`Cannot read the eval folder ${folder}.\n${USAGE}`);
  });
  const files = entries.filter((name) => /^questions.*\.jsonl$/.test(name)).sort();
  if (files.length !== 1) {
    const found = files.length === 0 ? 'none' : files.join(', ');
    throw new UsageError(`${folder} should hold one questions*.jsonl file (found ${found}): name one with --questions.\n${USAGE}`);
  }
  return { reports: resolve(reports), questions: resolve(folder, files[0] as string) };
}

main().catch(exitWithError);
