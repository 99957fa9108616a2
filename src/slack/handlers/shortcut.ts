/**
 * The "Find sources" message shortcut: the extracts that bear on a claim someone posted. The reply goes in that
 * message's thread for everyone to see; if Citeline cannot post there (not a member, say), only the person who
 * used the shortcut sees it.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { deliver, describeSlackError } from '../deliver.js';
import { composeAnswer } from './compose-answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { SEARCHING_REACTION, whileReacting } from './reactions.js';

export const FIND_SOURCES_CALLBACK_ID = 'find_sources';

export function registerFindSourcesShortcut(app: App, deps: HandlerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: FIND_SOURCES_CALLBACK_ID, type: 'message_action' }, async ({ shortcut, ack, respond, client, context }) => {
    await ack();
    const channel = shortcut.channel.id;
    const { message } = shortcut;
    const threadTs = message.thread_ts ?? message.ts;
    const outcome = await whileReacting(client, deps.logger, { channel, timestamp: message.ts, name: SEARCHING_REACTION }, () =>
      composeAnswer(deps, {
        kind: 'find',
        rawText: message.text ?? '',
        userId: shortcut.user.id,
        ...(context.botUserId ? { botUserId: context.botUserId } : {}),
      }),
    );
    if (outcome.status === 'answered') {
      try {
        await client.chat.postMessage({ channel, thread_ts: threadTs, ...outcome.message, unfurl_links: false, unfurl_media: false });
        return;
      } catch (error) {
        deps.logger.warn(`Could not post Find sources in ${channel} (thread ${threadTs}); answering privately instead (${describeSlackError(error)}).`);
      }
    }
    // Refusals (empty message, rate limit), failures and undeliverable answers go to the requester only.
    await deliver(deps.logger, `send Find sources to ${shortcut.user.id}`, () =>
      respond({ response_type: 'ephemeral', text: outcome.message.text, blocks: outcome.message.blocks }),
    );
  });
}
