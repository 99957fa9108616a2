/**
 * "Share in channel" under a private (/citeline) answer: posts the answer publicly, attributed to the person who
 * shared it, and removes the private copy. The button carries the question; the engine answers it again (see
 * action-values.ts for why), without counting against the rate limit: it is the same question.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { fillPrompt } from '../../prompts.js';
import { ACTION_IDS, decodeShareValue } from '../action-values.js';
import { renderNotice, renderReply } from '../blocks.js';
import { deliver, describeSlackError } from '../deliver.js';
import { isSlackUserId } from '../text.js';
import type { HandlerDeps } from './handler-deps.js';

export function registerShareHandler(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = decodeShareValue(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const user = body.user.id;
    if (!value || typeof channel !== 'string' || !isSlackUserId(user)) {
      deps.logger.warn('Ignored a share click without a readable question, channel or user.');
      return;
    }

    let reply;
    try {
      const options = value.previousQuestion ? { previousQuestion: value.previousQuestion } : {};
      reply = value.kind === 'find' ? await deps.engine.findSources(value.question, options) : await deps.engine.ask(value.question, options);
    } catch (error) {
      deps.logger.error(`The engine failed while ${user} shared an answer:`, error);
      await deliver(deps.logger, `tell ${user} sharing failed`, () => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(deps.prompts.internalError) }));
      return;
    }

    const message = renderReply(reply, { kind: value.kind, sharedByLine: fillPrompt(deps.prompts.sharedBy, { user }) });
    try {
      await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      deps.logger.warn(`Could not share an answer in ${channel}: ${describeSlackError(error)}`);
      await deliver(deps.logger, `tell ${user} sharing failed`, () => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(deps.prompts.shareFailed) }));
      return;
    }
    await deliver(deps.logger, `remove ${user}'s private copy`, () => respond({ delete_original: true }));
  });
}
