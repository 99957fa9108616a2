/**
 * `/citeline stats <what>`: figures from the reports.
 * The figures index (src/stats) plugs in here: replace the body of `answerStatsCommand` with a lookup and
 * render its result; the command handler needs no other change.
 */
import { renderNotice, type SlackMessage } from '../blocks.js';
import type { HandlerDeps } from './handler-deps.js';

export async function answerStatsCommand(_args: string, deps: Pick<HandlerDeps, 'prompts'>): Promise<SlackMessage> {
  return renderNotice(deps.prompts.statsNotReady);
}
