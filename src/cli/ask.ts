/** `npm run ask -- "question" [--json] [--k N]`: one question, one cited answer. */
import { renderReplyForTerminal } from '../answer/render-terminal.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { UsageError, countOption, exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';
import { replyToJson } from './reply-json.js';

const USAGE = 'Usage: npm run ask -- "your question" [--json] [--k N]';

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine({ options: { json: { type: 'boolean', default: false }, k: { type: 'string' } }, allowPositionals: true }, USAGE);
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError(`No question given.\n${USAGE}`);
  const k = values.k === undefined ? 3 : countOption('--k', values.k, USAGE, 20);

  const config = loadCoreConfigOrExit();
  const engine = await openCitelineEngine(config, { buildIfMissing: true, log: logToStderr });
  const reply = await engine.ask(question, { maxCitations: k });
  if (values.json) console.log(JSON.stringify(replyToJson(reply), null, 2));
  else console.log(renderReplyForTerminal(reply, { colour: Boolean(process.stdout.isTTY), width: Math.min(process.stdout.columns ?? 100, 110) }));
}

main().catch(exitWithError);
