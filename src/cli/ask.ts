/** `citeline ask "question" [--claim] [--json] [--citations N]`: one question, one cited answer; or a claim's sources. */
import { renderReplyForTerminal } from '../answer/render-terminal.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { countOption, usageError, type CommandSpec, type ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit, logToStderr, terminalWidth } from './bootstrap.js';
import { replyToJson } from './reply-json.js';

export async function run({ values, positionals }: ParsedCommandLine, spec: CommandSpec): Promise<void> {
  const question = positionals.join(' ').trim();
  if (!question) throw usageError(spec, 'no question given.');
  const k = values.k === undefined ? 3 : countOption(spec, '--citations', String(values.k), 20);

  const config = loadCoreConfigOrExit();
  const engine = await openCitelineEngine(config, { buildIfMissing: true, log: logToStderr });
  const reply = values.claim ? await engine.findSources(question, { maxCitations: k }) : await engine.ask(question, { maxCitations: k });
  if (values.json) console.log(JSON.stringify(replyToJson(reply), null, 2));
  else console.log(renderReplyForTerminal(reply, { colour: Boolean(process.stdout.isTTY), width: terminalWidth() }));
}
