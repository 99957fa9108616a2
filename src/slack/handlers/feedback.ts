/**
 * "Helpful" / "Not helpful" under a reply: the vote is appended to the feedback store, then the message says
 * so. The buttons stay, because in a channel other readers may want to vote too.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { fillPrompt } from '../../prompts.js';
import { ACTION_IDS, decodeFeedbackValue } from '../action-values.js';
import { renderNotice, withFeedbackNote, type Block } from '../blocks.js';
import { deliver } from '../deliver.js';
import { isSlackUserId } from '../text.js';
import type { HandlerDeps } from './handler-deps.js';

export function registerFeedbackHandlers(app: App, deps: HandlerDeps): void {
  for (const [actionId, helpful] of [
    [ACTION_IDS.helpful, true],
    [ACTION_IDS.notHelpful, false],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const value = decodeFeedbackValue(action.value);
      if (!value) {
        deps.logger.warn(`Ignored a feedback click with an unreadable value (action ${actionId}).`);
        return;
      }
      const user = body.user.id;
      const channel = body.channel?.id ?? String(body.container?.channel_id ?? '');
      try {
        await deps.feedback.record({ time: new Date().toISOString(), user, channel, question: value.question, answer: value.answer, passageIds: value.passageIds, helpful });
      } catch (error) {
        deps.logger.error('Could not record feedback:', error);
        await deliver(deps.logger, `tell ${user} their feedback failed`, () => respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(deps.prompts.internalError) }));
        return;
      }

      const note = fillPrompt(deps.prompts.feedbackRecorded, { user: isSlackUserId(user) ? user : 'unknown' });
      const message = body.message as { ts?: string; text?: string; blocks?: Block[] } | undefined;
      if (message?.ts && message.blocks && !body.container?.is_ephemeral) {
        const ts = message.ts;
        const blocks = withFeedbackNote(message.blocks, note);
        await deliver(deps.logger, `mark feedback on ${channel}/${ts}`, () => client.chat.update({ channel, ts, text: message.text ?? note, blocks }));
      } else {
        // An ephemeral message is not sent back to us, so it cannot be rebuilt: the note comes as its own message.
        await deliver(deps.logger, `confirm feedback to ${user}`, () => respond({ response_type: 'ephemeral', replace_original: false, text: note }));
      }
    });
  }
}
