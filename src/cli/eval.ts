/**
 * `citeline eval DIR [--questions FILE] [--json]`, or `--reports DIR --questions FILE`: index the
 * reports into a temporary store and score the answers. DIR is an eval folder: its reports in
 * `DIR/reports`, its questions the one `questions*.jsonl` file in DIR unless --questions names one.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCitelineEngine } from '../engine/citeline.js';
import { formatSummary, summarise } from '../eval/metrics.js';
import { readEvalQuestions } from '../eval/questions.js';
import { askEvalQuestions } from '../eval/run.js';
import { usageError, type CommandSpec, type ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit, logToStderr } from './bootstrap.js';

export async function run({ values, positionals }: ParsedCommandLine, spec: CommandSpec): Promise<void> {
  const { reports, questions: questionsFile } = await evalInputs(positionals, { reports: values.reports as string | undefined, questions: values.questions as string | undefined }, spec);
  const questions = await readEvalQuestions(questionsFile);
  const indexDir = await mkdtemp(join(tmpdir(), 'citeline-eval-'));
  try {
    const config = { ...loadCoreConfigOrExit(), reportsDir: reports, indexDir };
    const engine = await openCitelineEngine(config, { buildIfMissing: true, log: values.json ? () => {} : logToStderr });
    const results = await askEvalQuestions(engine, questions);
    const summary = summarise(results);
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

/** The reports folder and questions file, from an eval folder or from the two options. */
async function evalInputs(positionals: string[], values: { reports?: string | undefined; questions?: string | undefined }, spec: CommandSpec): Promise<{ reports: string; questions: string }> {
  if (positionals.length > 1) throw usageError(spec, `one eval folder at most (got ${positionals.length}).`);
  const [folder] = positionals;
  if (folder !== undefined && values.reports) throw usageError(spec, `give an eval folder or --reports, not both.`);
  const reports = values.reports ?? (folder === undefined ? undefined : join(folder, 'reports'));
  if (reports === undefined) throw usageError(spec, `no reports given.`);
  if (values.questions) return { reports: resolve(reports), questions: resolve(values.questions) };
  if (folder === undefined) throw usageError(spec, `no questions given.`);
  const entries = await readdir(folder).catch(() => {
    throw usageError(spec, `cannot read the eval folder ${folder}.`);
  });
  const files = entries.filter((name) => /^questions.*\.jsonl$/.test(name)).sort();
  if (files.length !== 1) {
    const found = files.length === 0 ? 'none' : files.join(', ');
    throw usageError(spec, `${folder} should hold one questions*.jsonl file (found ${found}): name one with --questions.`);
  }
  return { reports: resolve(reports), questions: resolve(folder, files[0] as string) };
}
