/**
 * `@Citeline question` in a channel: the answer goes in the thread of the mention. A follow-up in that thread
 * that cannot stand alone ("and in 2019?") is read with the thread's earlier question (ThreadStore); later
 * messages there need no mention (thread-follow-up.ts).
 */
import type { App } from '@slack/bolt';
import { deliver } from '../deliver.js';
import { threadKey } from '../thread-memory.js';
import { composeAnswer } from './compose-answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { WORKING_REACTION, whileReacting } from './reactions.js';

export function registerMentionHandler(app: App, deps: HandlerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    if (!event.user) return; // mentions by bots and integrations carry no user: not a person asking
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    await whileReacting(client, deps.logger, { channel, timestamp: event.ts, name: WORKING_REACTION }, async () => {
      const outcome = await composeAnswer(deps, {
        kind: 'ask',
        rawText: event.text,
        userId: event.user as string,
        ...(context.botUserId ? { botUserId: context.botUserId } : {}),
        threadKey: threadKey(channel, threadTs),
      });
      await deliver(deps.logger, `post the answer in ${channel} (thread ${threadTs})`, () =>
        client.chat.postMessage({ channel, thread_ts: threadTs, ...outcome.message, unfurl_links: false, unfurl_media: false }),
      );
    });
  });
}
