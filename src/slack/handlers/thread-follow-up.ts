/**
 * A reply without "@Citeline" in a channel thread where Citeline has answered: heard as a question, read
 * with the thread's earlier question when it cannot stand alone. Messages in other threads and in the
 * channel itself are not Citeline's business. Because nobody addressed Citeline by name, it speaks less:
 * thanks or a greeting get a reaction, not a message; an empty or over-long message gets nothing; the
 * rate limit and engine failures are logged, not posted in the thread; and a remark that is not put as a question
 * ("ok, I'll ask Sam") gets a reply only when the reports answer it. A message that opens by mentioning
 * someone else is addressed to them, and left alone.
 */
import type { App } from '@slack/bolt';
import { asksSomething, socialMessage } from '../../engine/question.js';
import { deliver, tryQuietly } from '../deliver.js';
import { isFromPersonAsking } from '../middleware/ignore-bots.js';
import { readQuestion } from '../question.js';
import { threadKey } from '../thread-memory.js';
import { composeAnswer } from './compose-answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { WORKING_REACTION, whileReacting } from './reactions.js';

/** Channel types whose messages arrive through message.channels and message.groups. */
const THREAD_CHANNEL_TYPES = new Set(['channel', 'group']);

const SOCIAL_REACTIONS = { thanks: 'slightly_smiling_face', greeting: 'wave' } as const;

export function registerThreadFollowUpHandler(app: App, deps: HandlerDeps): void {
  if (!deps.config.threadFollowUps) return;
  app.event('message', async ({ event, context, client }) => {
    const message = event as unknown as Record<string, unknown>;
    if (!THREAD_CHANNEL_TYPES.has(String(message.channel_type)) || !isFromPersonAsking(message)) return;
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const ts = String(message.ts);
    // The channel itself, and a thread's first message, are not replies in a thread.
    if (!threadTs || threadTs === ts) return;
    const text = typeof message.text === 'string' ? message.text : '';
    // A message that mentions Citeline also arrives as app_mention, which answers it.
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    // One that opens by naming someone else is addressed to them.
    if (/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/.test(text)) return;
    const channel = String(message.channel);
    const key = threadKey(channel, threadTs);
    if (!(await deps.threads.hasAnswered(key))) return;

    // Emoji, an empty line, thanks: settled before the working reaction, which would only flash on them.
    const reading = readQuestion(text, context.botUserId);
    if (!reading.ok) return;
    const social = socialMessage(reading.question);
    if (social) {
      await tryQuietly(deps.logger, `react to ${social} in ${channel}`, () => client.reactions.add({ channel, timestamp: ts, name: SOCIAL_REACTIONS[social] }));
      return;
    }

    const user = String(message.user);
    await whileReacting(client, deps.logger, { channel, timestamp: ts, name: WORKING_REACTION }, async () => {
      const outcome = await composeAnswer(deps, {
        kind: 'ask',
        rawText: text,
        userId: user,
        ...(context.botUserId ? { botUserId: context.botUserId } : {}),
        threadKey: key,
      });
      if (outcome.status !== 'answered') {
        deps.logger.debug(`Said nothing to an unaddressed message in ${channel} (thread ${threadTs}): ${outcome.status}.`);
        return;
      }
      if (!outcome.reply.answered && !outcome.previousQuestion && !asksSomething(outcome.question)) {
        deps.logger.debug(`Said nothing to a remark in ${channel} (thread ${threadTs}) that the reports do not answer.`);
        return;
      }
      await deliver(deps.logger, `post the follow-up answer in ${channel} (thread ${threadTs})`, () =>
        client.chat.postMessage({ channel, thread_ts: threadTs, ...outcome.message, unfurl_links: false, unfurl_media: false }),
      );
    });
  });
}
