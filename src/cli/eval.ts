/** `npm run eval -- --reports DIR --questions FILE [--json]`: index DIR into a temporary store and score the answers. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCitelineEngine } from '../engine/citeline.js';
import { formatSummary, summarise } from '../eval/metrics.js';
import { readEvalQuestions } from '../eval/questions.js';
import { askEvalQuestions } from '../eval/run.js';
import { exitWithError, loadCoreConfigOrExit, logToStderr } from './bootstrap.js';

const USAGE = 'Usage: npm run eval -- --reports DIR --questions FILE [--json]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { reports: { type: 'string' }, questions: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.reports || !values.questions) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const questions = await readEvalQuestions(resolve(values.questions));
  const indexDir = await mkdtemp(join(tmpdir(), 'citeline-eval-'));
  try {
    const config = { ...loadCoreConfigOrExit(), reportsDir: resolve(values.reports), indexDir };
    const engine = await openCitelineEngine(config, { buildIfMissing: true, log: values.json ? () => {} : logToStderr });
    const results = await askEvalQuestions(engine, questions);
    const summary = summarise(results);
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

main().catch(exitWithError);
