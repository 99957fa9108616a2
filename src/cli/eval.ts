/**
 * `citeline eval`: answer quality, Citeline beside the plain-BM25 baseline, one row a set (usage
 * in commands.ts).
 *
 * Each reports folder is indexed once into a temporary store. With --floors, exits 1 when a set
 * falls below the floor committed for it.
 */
import { randomBytes } from 'node:crypto';
import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CoreConfig, PostgresConfig } from '../config.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { Database } from '../store/postgres/database.js';
import { startLocalPostgres } from '../store/postgres/pglite-server.js';
import { belowFloors, compareOnSet, formatComparison, readFloors, type SetResult } from '../eval/compare.js';
import { formatSummary } from '../eval/metrics.js';
import { missingGoldWarning } from '../eval/gold-documents.js';
import { readEvalQuestions } from '../eval/questions.js';
import { readEvalSets, type EvalSet } from '../eval/sets.js';
import { loadSearchVocabulary } from '../search/vocabulary.js';
import { usageError, type CommandSpec, type ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit, logToStderr } from './bootstrap.js';

interface EvalOptions {
  sets: string;
  set?: string | undefined;
  reports?: string | undefined;
  questions?: string | undefined;
}

export async function run({ values, positionals }: ParsedCommandLine, spec: CommandSpec): Promise<void> {
  const options: EvalOptions = {
    sets: (values.sets as string | undefined) ?? 'eval/sets.json',
    set: values.set as string | undefined,
    reports: values.reports as string | undefined,
    questions: values.questions as string | undefined,
  };
  const store = (values.store as string | undefined) ?? 'local';
  if (store !== 'local' && store !== 'postgres') throw usageError(spec, `--store is local or postgres (got ${store}).`);
  const sets = await chosenSets(positionals, options, spec);
  const log = values.json ? () => {} : logToStderr;
  const config = loadCoreConfigOrExit();
  const vocabulary = await loadSearchVocabulary(join(process.cwd(), 'data'));
  const results: SetResult[] = [];
  for (const reports of new Set(sets.map((set) => set.reports))) {
    const indexDir = await mkdtemp(join(tmpdir(), 'citeline-eval-'));
    const postgres = store === 'postgres' ? await evalDatabase(config) : undefined;
    try {
      const where = postgres ? { store: 'postgres' as const, postgres: postgres.config } : { store: 'local' as const };
      const engine = await openCitelineEngine({ ...config, reportsDir: reports, indexDir, ...where }, { buildIfMissing: true, log });
      try {
        for (const set of sets.filter((s) => s.reports === reports)) {
          const warning = missingGoldWarning(set.questions, await readdir(reports, { recursive: true }));
          if (warning) log(`${set.name}: ${warning}`);
          results.push(await compareOnSet(set, engine, vocabulary.normaliser));
        }
      } finally {
        await engine.close();
      }
    } finally {
      await postgres?.drop();
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else {
    if (values.details) for (const result of results) console.log(`--- ${result.set}\n${formatSummary(result.citeline)}\n`);
    console.log(formatComparison(results));
  }
  if (values.floors as string) {
    const problems = belowFloors(results, await readFloors(values.floors as string));
    for (const problem of problems) console.error(`below floor: ${problem}`);
    if (problems.length > 0) process.exit(1);
  }
}

async function chosenSets(positionals: string[], values: EvalOptions, spec: CommandSpec): Promise<EvalSet[]> {
  if (positionals.length > 1) throw usageError(spec, `one eval folder at most (got ${positionals.length}).`);
  const [folder] = positionals;
  if (folder === undefined && values.reports === undefined) {
    const { sets, missing } = await readEvalSets(resolve(values.sets), values.set?.split(',').filter(Boolean)).catch((error: Error) => {
      throw usageError(spec, error.message);
    });
    if (missing.length > 0) logToStderr(`left out, files not here: ${missing.join(', ')}`);
    if (sets.length === 0) throw usageError(spec, `none of the eval sets in ${values.sets} has its files here.`);
    return sets;
  }
  if (folder !== undefined && values.reports) throw usageError(spec, `give an eval folder or --reports, not both.`);
  const reports = resolve(values.reports ?? join(folder as string, 'reports'));
  const questionsFile = values.questions ? resolve(values.questions) : await onlyQuestionsFile(folder, spec);
  const name = basename(folder ?? reports);
  return [{ name, collection: name, reports, questionsFile, questions: await readEvalQuestions(questionsFile), train: false, asks: 'questions' }];
}

async function onlyQuestionsFile(folder: string | undefined, spec: CommandSpec): Promise<string> {
  if (folder === undefined) throw usageError(spec, `no questions given.`);
  const entries = await readdir(folder).catch(() => {
    throw usageError(spec, `cannot read the eval folder ${folder}.`);
  });
  const files = entries.filter((name) => /^questions.*\.jsonl$/.test(name)).sort();
  if (files.length !== 1) {
    const found = files.length === 0 ? 'none' : files.join(', ');
    throw usageError(spec, `${folder} should hold one questions*.jsonl file (found ${found}): name one with --questions.`);
  }
  return resolve(folder, files[0] as string);
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
