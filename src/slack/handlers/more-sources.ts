/**
 * "More sources" under an answer: the engine is asked again for more citations, and the ones after those
 * already shown (up to five) are added to the message in place: chat.update for a message in a channel or
 * DM, the response URL for an answer only the asker sees (Slack does not send its blocks back, so it is
 * rendered again). A reader whose answer sat in the fourth passage finds it without asking again.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { distinctCitations } from '../../answer/presentation.js';
import type { Reply } from '../../answer/types.js';
import { fillPrompt } from '../../prompts.js';
import { ACTION_IDS, decodeMoreSourcesValue, type MoreSourcesValue } from '../action-values.js';
import { MORE_SOURCES_COUNT, citationBlocks, renderNotice, renderReply, withMoreSources, type Block, type SlackMessage } from '../blocks.js';
import { deliver } from '../deliver.js';
import type { HandlerDeps } from './handler-deps.js';

export function registerMoreSourcesHandler(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.moreSources, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = decodeMoreSourcesValue(action.value);
    const user = body.user.id;
    if (!value) {
      deps.logger.warn('Ignored a "More sources" click with an unreadable value.');
      return;
    }
    // Another search, so it counts like a question.
    if (!deps.rateLimiter.tryAcquire(user)) {
      await tellPrivately(deps, respond, user, renderNotice(fillPrompt(deps.prompts.rateLimited, { limit: deps.rateLimiter.limit })));
      return;
    }

    let reply: Reply;
    try {
      reply = await askForMore(deps, value);
    } catch (error) {
      deps.logger.error(`The engine failed on "More sources" for ${user}:`, error);
      await tellPrivately(deps, respond, user, renderNotice(deps.prompts.internalError));
      return;
    }
    const shown = new Set(value.shownPassageIds);
    const citations = distinctCitations(reply.citations);
    const further = citations.filter((citation) => !shown.has(citation.passageId)).slice(0, MORE_SOURCES_COUNT);

    const message = body.message as { ts?: string; text?: string; blocks?: Block[] } | undefined;
    const channel = body.channel?.id ?? String(body.container?.channel_id ?? '');
    if (message?.ts && message.blocks && !body.container?.is_ephemeral) {
      const extra = further.flatMap((citation, index) => citationBlocks(citation, shown.size + index, reply.answered));
      const blocks = withMoreSources(message.blocks, extra, further.length === 0 ? deps.prompts.noMoreSources : undefined);
      const ts = message.ts;
      await deliver(deps.logger, `add more sources to ${channel}/${ts}`, () => client.chat.update({ channel, ts, text: message.text ?? reply.answer, blocks }));
      return;
    }
    // An answer only the asker sees: rendered again, the passages already shown first, in their order.
    const before = value.shownPassageIds.flatMap((id) => citations.filter((citation) => citation.passageId === id));
    const rerendered = renderReply(
      { ...reply, citations: [...before, ...further] },
      {
        kind: value.kind,
        shareable: true,
        moreSources: false,
        citationLimit: before.length + further.length,
      },
    );
    const blocks = further.length === 0 ? withMoreSources(rerendered.blocks, [], deps.prompts.noMoreSources) : rerendered.blocks;
    await deliver(deps.logger, `show more sources to ${user}`, () => respond({ response_type: 'ephemeral', replace_original: true, text: rerendered.text, blocks }));
  });
}

/** The same question, with room for the extracts shown and MORE_SOURCES_COUNT more. */
function askForMore(deps: HandlerDeps, value: MoreSourcesValue): Promise<Reply> {
  const options = { maxCitations: value.shownPassageIds.length + MORE_SOURCES_COUNT };
  return value.kind === 'find' ? deps.engine.findSources(value.question, options) : deps.engine.ask(value.question, options);
}

async function tellPrivately(deps: HandlerDeps, respond: RespondFn, user: string, message: SlackMessage): Promise<void> {
  await deliver(deps.logger, `answer ${user}'s "More sources"`, () => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
}
