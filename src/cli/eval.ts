/**
 * `npm run eval`: answer quality, Citeline beside the plain-BM25 baseline, one row a set.
 *
 *   npm run eval [-- --sets eval/sets.json] [--set NAME,...] [--floors eval/floors.json] [--details] [--json]
 *   npm run eval -- DIR [--questions FILE]          (DIR holds reports/ and one questions*.jsonl)
 *   npm run eval -- --reports DIR --questions FILE
 *
 * Each reports folder is indexed once into a temporary store. With --floors, exits 1 when a set
 * falls below the floor committed for it.
 */
import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { openCitelineEngine } from '../engine/citeline.js';
import { belowFloors, compareOnSet, formatComparison, readFloors, type SetResult } from '../eval/compare.js';
import { formatSummary } from '../eval/metrics.js';
import { missingGoldDocuments } from '../eval/gold-documents.js';
import { readEvalQuestions } from '../eval/questions.js';
import { readEvalSets, type EvalSet } from '../eval/sets.js';
import { loadSearchVocabulary } from '../search/vocabulary.js';
import { UsageError, exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';

const USAGE = `Usage: npm run eval [-- --sets FILE] [--set NAME,...] [--floors FILE] [--details] [--json]
       npm run eval -- DIR [--questions FILE]     (DIR holds reports/ and a questions*.jsonl file)
       npm run eval -- --reports DIR --questions FILE`;

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    {
      options: {
        sets: { type: 'string', default: 'eval/sets.json' },
        set: { type: 'string' },
        floors: { type: 'string' },
        reports: { type: 'string' },
        questions: { type: 'string' },
        details: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  const sets = await chosenSets(positionals, values);
  const log = values.json ? () => {} : logToStderr;
  const config = loadCoreConfigOrExit();
  const vocabulary = await loadSearchVocabulary(join(process.cwd(), 'data'));
  const results: SetResult[] = [];
  for (const reports of new Set(sets.map((set) => set.reports))) {
    const indexDir = await mkdtemp(join(tmpdir(), 'citeline-eval-'));
    try {
      const engine = await openCitelineEngine({ ...config, reportsDir: reports, indexDir }, { buildIfMissing: true, log });
      for (const set of sets.filter((s) => s.reports === reports)) {
        for (const warning of await missingGoldDocuments(set.questions, reports)) log(`warning: ${set.name}: ${warning}`);
        results.push(await compareOnSet(set, engine, vocabulary.normaliser));
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else {
    if (values.details) for (const result of results) console.log(`--- ${result.set}\n${formatSummary(result.citeline)}\n`);
    console.log(formatComparison(results));
  }
  if (values.floors) {
    const problems = belowFloors(results, await readFloors(values.floors));
    for (const problem of problems) console.error(`below floor: ${problem}`);
    if (problems.length > 0) process.exit(1);
  }
}

async function chosenSets(positionals: string[], values: { sets: string; set?: string; reports?: string; questions?: string }): Promise<EvalSet[]> {
  if (positionals.length > 1) throw new UsageError(`One eval folder at most (got ${positionals.length}).\n${USAGE}`);
  const [folder] = positionals;
  if (folder === undefined && values.reports === undefined) {
    const { sets, missing } = await readEvalSets(resolve(values.sets), values.set?.split(',').filter(Boolean)).catch((error: Error) => {
      throw new UsageError(`${error.message}\n${USAGE}`);
    });
    if (missing.length > 0) logToStderr(`left out, files not here: ${missing.join(', ')}`);
    if (sets.length === 0) throw new UsageError(`None of the eval sets in ${values.sets} has its files here.\n${USAGE}`);
    return sets;
  }
  if (folder !== undefined && values.reports) throw new UsageError(`Give an eval folder or --reports, not both.\n${USAGE}`);
  const reports = resolve(values.reports ?? join(folder as string, 'reports'));
  const questionsFile = values.questions ? resolve(values.questions) : await onlyQuestionsFile(folder);
  const name = basename(folder ?? reports);
  return [{ name, collection: name, reports, questionsFile, questions: await readEvalQuestions(questionsFile) }];
}

async function onlyQuestionsFile(folder: string | undefined): Promise<string> {
  if (folder === undefined) throw new UsageError(`No questions given.\n${USAGE}`);
  const entries = await readdir(folder).catch(() => {
    throw new UsageError(`Cannot read the eval folder ${folder}.\n${USAGE}`);
  });
  const files = entries.filter((name) => /^questions.*\.jsonl$/.test(name)).sort();
  if (files.length !== 1) {
    const found = files.length === 0 ? 'none' : files.join(', ');
    throw new UsageError(`${folder} should hold one questions*.jsonl file (found ${found}): name one with --questions.\n${USAGE}`);
  }
  return resolve(folder, files[0] as string);
}

main().catch(exitWithError);
