/** A direct message to Citeline is a question; the answer goes in the DM (in the thread, if asked in one). */
import type { App } from '@slack/bolt';
import { deliver } from '../deliver.js';
import { isFromPersonAsking } from '../middleware/ignore-bots.js';
import { threadKey } from '../thread-memory.js';
import { composeAnswer } from './compose-answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { WORKING_REACTION, whileReacting } from './reactions.js';

export function registerDirectMessageHandler(app: App, deps: HandlerDeps): void {
  app.event('message', async ({ event, context, client }) => {
    // Bolt's message event is a union of every subtype; the few fields we need are read from a plain record.
    const message = event as unknown as Record<string, unknown>;
    if (message.channel_type !== 'im' || !isFromPersonAsking(message)) return;
    const channel = String(message.channel);
    const ts = String(message.ts);
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    await whileReacting(client, deps.logger, { channel, timestamp: ts, name: WORKING_REACTION }, async () => {
      const outcome = await composeAnswer(deps, {
        kind: 'ask',
        rawText: typeof message.text === 'string' ? message.text : '',
        userId: String(message.user),
        ...(context.botUserId ? { botUserId: context.botUserId } : {}),
        // Outside threads a DM is one conversation: a follow-up leans on the DM's last question.
        threadKey: threadKey(channel, threadTs),
      });
      await deliver(deps.logger, `post the answer in the DM ${channel}`, () =>
        client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...outcome.message, unfurl_links: false, unfurl_media: false }),
      );
    });
  });
}
