/** `citeline chat`: ask question after question in a terminal, the way Slack users will. Follow-ups keep context. */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { renderReplyForTerminal, wrap } from '../answer/render-terminal.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { isFollowUp, socialMessage } from '../engine/question.js';
import { loadPrompts, type Prompts } from '../prompts.js';
import { loadCoreConfigOrExit, logToStderr, terminalWidth } from './bootstrap.js';

export async function run(): Promise<void> {
  const config = loadCoreConfigOrExit();
  const [engine, prompts] = await Promise.all([openCitelineEngine(config, { buildIfMissing: true, log: logToStderr }), loadPrompts(join(process.cwd(), 'prompts'))]);
  const width = terminalWidth();
  const say = (text: string) => console.log(text.split('\n').map((line) => wrap(line, width)).join('\n'));
  const sources = engine.sources();
  say(`Citeline: ${sources.length} documents indexed. Ask a question; "help" says what else you can type; "quit" or Ctrl-D ends.`);
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\n? ' });
  let previousQuestion: string | undefined;
  terminal.prompt();
  // The async iterator queues lines, so questions piped in all at once are each answered in turn.
  for await (const raw of terminal) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const social = socialMessage(line);
    if (line === 'help') {
      say(prompts.chatHelp);
    } else if (line === 'sources') {
      for (const source of sources) say(wrap(`- ${source.title} (${source.passages} passages) ${source.source}`, width, '  '));
    } else if (social) {
      // "thanks" is not a question for the reports.
      say(chatReply(prompts, social));
    } else if (line !== '') {
      // Read with the earlier question only when it cannot stand alone ("and in 2019?"); a new question starts afresh.
      const leaning = previousQuestion && isFollowUp(line) ? previousQuestion : undefined;
      const reply = await engine.ask(line, leaning ? { previousQuestion: leaning } : {});
      if (leaning) say(`(read with your earlier question: “${leaning}”)`);
      console.log(renderReplyForTerminal(reply, { colour: Boolean(process.stdout.isTTY), width }));
      if (!leaning) previousQuestion = line;
    }
    terminal.prompt();
  }
  terminal.close();
}

/** The terminal's own replies: Slack's name Slack commands and mark them up. */
function chatReply(prompts: Prompts, social: NonNullable<ReturnType<typeof socialMessage>>): string {
  return social === 'greeting' ? prompts.chatGreeting : prompts.chatThanks;
}
