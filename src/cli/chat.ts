/** `npm run chat`: ask question after question in a terminal, the way Slack users will. Follow-ups keep context. */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { renderReplyForTerminal } from '../answer/render-terminal.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { isFollowUp, socialMessage } from '../engine/question.js';
import { loadPrompts } from '../prompts.js';
import { exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';

const USAGE = 'Usage: npm run chat   (then type questions; "sources" lists the documents; "quit" or Ctrl-D ends)';

async function main(): Promise<void> {
  // No options: a mistyped one is refused rather than ignored.
  parseCommandLine({ options: {} }, USAGE);
  const config = loadCoreConfigOrExit();
  const [engine, prompts] = await Promise.all([openCitelineEngine(config, { buildIfMissing: true, log: logToStderr }), loadPrompts(join(process.cwd(), 'prompts'))]);
  const sources = engine.sources();
  console.log(`Citeline: ${sources.length} documents indexed. Ask a question; "sources" lists them; Ctrl-D or "quit" ends.`);
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\n? ' });
  let previousQuestion: string | undefined;
  terminal.prompt();
  // The async iterator queues lines, so questions piped in all at once are each answered in turn.
  for await (const raw of terminal) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const social = socialMessage(line);
    if (line === 'sources') {
      for (const source of sources) console.log(`- ${source.title} (${source.passages} passages) ${source.source}`);
    } else if (social) {
      // "thanks" is not a question for the reports (the prompts' `code` marks are left as typed).
      console.log(prompts[social]);
    } else if (line !== '') {
      // Read with the earlier question only when it cannot stand alone ("and in 2019?"); a new question starts afresh.
      const leaning = previousQuestion && isFollowUp(line) ? previousQuestion : undefined;
      const reply = await engine.ask(line, leaning ? { previousQuestion: leaning } : {});
      if (leaning) console.log(`(read with your earlier question: “${leaning}”)`);
      console.log(renderReplyForTerminal(reply, { colour: Boolean(process.stdout.isTTY), width: Math.min(process.stdout.columns ?? 100, 110) }));
      if (!leaning) previousQuestion = line;
    }
    terminal.prompt();
  }
  terminal.close();
}

main().catch(exitWithError);
