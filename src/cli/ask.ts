/** `npm run ask -- "question" [--json] [--k N]`: one question, one cited answer. */
import { parseArgs } from 'node:util';
import { renderReplyForTerminal } from '../answer/render-terminal.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { exitWithError, loadCoreConfigOrExit, logToStderr } from './bootstrap.js';
import { replyToJson } from './reply-json.js';

const USAGE = 'Usage: npm run ask -- "your question" [--json] [--k N]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, k: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) return void console.log(USAGE);
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError(`No question given.\n${USAGE}`);
  const k = values.k === undefined ? 3 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new UsageError(`--k takes a whole number from 1 to 20.\n${USAGE}`);

  const config = loadCoreConfigOrExit();
  const engine = await openCitelineEngine(config, { buildIfMissing: true, log: logToStderr });
  const reply = await engine.ask(question, { maxCitations: k });
  if (values.json) console.log(JSON.stringify(replyToJson(reply), null, 2));
  else console.log(renderReplyForTerminal(reply, { colour: Boolean(process.stdout.isTTY), width: Math.min(process.stdout.columns ?? 100, 110) }));
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  exitWithError(error);
});
