/**
 * `/citeline ...`. Slack wants an acknowledgement within 3 seconds, so quick answers (help, sources, stats)
 * go in the acknowledgement itself and slow ones (a question, a reindex) are acknowledged first and delivered
 * through the response URL. Everything here is ephemeral: a question's answer can be shared with a button.
 */
import type { App, RespondArguments, RespondFn } from '@slack/bolt';
import type { IngestSummary } from '../../engine/types.js';
import { fillPrompt } from '../../prompts.js';
import { renderHelp, renderNotice, renderSources, type SlackMessage } from '../blocks.js';
import { deliver } from '../deliver.js';
import { renderFeedbackSummary } from '../feedback-blocks.js';
import { summariseFeedback } from '../feedback-summary.js';
import { composeAnswer } from './compose-answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerStatsCommand } from './stats.js';

export const COMMAND_NAME = '/citeline';

export type ParsedCommand =
  | { type: 'help' }
  | { type: 'sources' }
  | { type: 'stats'; args: string }
  | { type: 'reindex' }
  | { type: 'feedback' }
  | { type: 'ask'; question: string };

/** The first word picks a subcommand; anything else is a question (so "/citeline sources of funding?" is one). */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = (text ?? '').trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  if (word === 'help' && rest.length === 0) return { type: 'help' };
  if (word === 'sources' && rest.length === 0) return { type: 'sources' };
  if (word === 'reindex' && rest.length === 0) return { type: 'reindex' };
  if (word === 'feedback' && rest.length === 0) return { type: 'feedback' };
  if (word === 'stats') return { type: 'stats', args: rest.join(' ') };
  return { type: 'ask', question: trimmed };
}

export function registerCommandHandler(app: App, deps: HandlerDeps): void {

  app.command(COMMAND_NAME, async ({ command, ack, respond, context }) => {
    const parsed = parseCommand(command.text);
    switch (parsed.type) {
      case 'help':
        await ack(ephemeral(renderHelp(deps.prompts)));
        return;
      case 'sources':
        await ack(ephemeral(renderSources(deps.engine.sources(), deps.prompts)));
        return;
      case 'stats':
        await ack(ephemeral(await answerStatsCommand(parsed.args, deps)));
        return;
      case 'reindex':
        if (!deps.config.adminUsers.includes(command.user_id)) {
          await ack(ephemeral(renderNotice(deps.prompts.reindexRefused)));
          return;
        }
        await ack(ephemeral(renderNotice(deps.prompts.reindexStarted)));
        await reportReindex(deps, respond, command.user_id, deps.reindex);
        return;
      case 'feedback':
        await ack(ephemeral(await feedbackFor(deps, command.user_id)));
        return;
      case 'ask': {
        await ack(ephemeral(renderNotice(deps.prompts.searching)));
        const outcome = await composeAnswer(deps, {
          kind: 'ask',
          rawText: parsed.question,
          userId: command.user_id,
          ...(context.botUserId ? { botUserId: context.botUserId } : {}),
          // Each slash command stands alone: it has no thread to lean on.
          shareable: true,
        });
        await deliver(deps.logger, `send the answer to ${command.user_id} in ${command.channel_id}`, () => respond(ephemeral(outcome.message)));
        return;
      }
    }
  });
}

async function reportReindex(deps: HandlerDeps, respond: RespondFn, userId: string, reindex: () => Promise<IngestSummary>): Promise<void> {
  let message: SlackMessage;
  try {
    const summary = await reindex();
    deps.logger.info(`Reindex by ${userId}: ${summary.documents} documents, ${summary.passages} passages.`);
    message = renderNotice(
      fillPrompt(deps.prompts.reindexDone, {
        documents: summary.documents,
        passages: summary.passages,
        added: summary.added.length,
        updated: summary.updated.length,
        removed: summary.removed.length,
        skipped: summary.skipped.length,
        seconds: summary.seconds.toFixed(1),
      }),
    );
  } catch (error) {
    deps.logger.error(`Reindex requested by ${userId} failed:`, error);
    message = renderNotice(deps.prompts.internalError);
  }
  await deliver(deps.logger, `report the reindex to ${userId}`, () => respond(ephemeral(message)));
}

/** Admins only: the votes are other people's questions. */
async function feedbackFor(deps: HandlerDeps, userId: string): Promise<SlackMessage> {
  if (!deps.config.adminUsers.includes(userId)) return renderNotice(deps.prompts.feedbackRefused);
  try {
    return renderFeedbackSummary(summariseFeedback(await deps.feedback.readAll()));
  } catch (error) {
    deps.logger.error('Could not read the feedback:', error);
    return renderNotice(deps.prompts.internalError);
  }
}

function ephemeral(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
}
