/**
 * `/citeline stats [grade] [period] [words]`: every matching figure from the figures index, best match first,
 * and the "More" button that shows the rest. A lookup is in memory, so it fits in the acknowledgement.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { namesGiven, toTableRows } from '../../stats/table.js';
import { fillPrompt } from '../../prompts.js';
import { renderNotice, type SlackMessage } from '../blocks.js';
import { deliver } from '../deliver.js';
import { STATS_FIRST_ROWS, STATS_MORE_ACTION, decodeStatsMoreValue, renderStatsTable } from '../stats-blocks.js';
import { toSafeMrkdwn, truncateText } from '../text.js';
import type { HandlerDeps } from './handler-deps.js';

export async function answerStatsCommand(args: string, deps: Pick<HandlerDeps, 'prompts' | 'engine'>, offset = 0): Promise<SlackMessage> {
  const query = args.trim();
  const { figures, everyWord, partly, query: read } = await deps.engine.stats(query);
  if (figures.length === 0) {
    const quoted = toSafeMrkdwn(truncateText(query, 200)) || 'all figures';
    const names = namesGiven(read);
    return renderNotice(names ? fillPrompt(deps.prompts.statsNoMatchNamed, { names: toSafeMrkdwn(names), query: quoted }) : fillPrompt(deps.prompts.statsNoMatch, { query: quoted }));
  }
  return renderStatsTable(toTableRows(figures), { query, offset, limit: offset === 0 ? STATS_FIRST_ROWS : undefined, closest: !everyWord, partly });
}

export function registerStatsMoreHandler(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(STATS_MORE_ACTION, async ({ ack, action, respond, body }) => {
    await ack();
    const value = decodeStatsMoreValue(action.value);
    if (!value) {
      deps.logger.warn('Ignored a stats "More" click with an unreadable value.');
      return;
    }
    const message = await answerStatsCommand(value.query, deps, value.offset);
    await deliver(deps.logger, `show more figures to ${body.user.id}`, () => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
  });
}
