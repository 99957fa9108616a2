/**
 * The App Home tab, published with views.publish whenever someone opens it (app_home_opened), and the
 * admins' re-index button on it: re-checked against SLACK_ADMIN_USERS on the click, it shares the one
 * rebuild with `/citeline reindex`, and the tab is published again when it starts and when it ends.
 */
import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { deliver } from '../deliver.js';
import { summariseFeedback } from '../feedback-summary.js';
import { HOME_REINDEX_ACTION, renderHome, type ReindexState } from '../home-view.js';
import type { HandlerDeps } from './handler-deps.js';

export function registerHomeHandlers(app: App, deps: HandlerDeps, now: () => Date = () => new Date()): void {
  // Only the last re-index asked for in Slack, while this process runs: shown to admins on the tab.
  let lastReindex: ReindexState | undefined;

  const publish = async (client: webApi.WebClient, user: string): Promise<void> => {
    const isAdmin = deps.config.adminUsers.includes(user);
    let feedbackWeek;
    if (isAdmin) {
      try {
        feedbackWeek = summariseFeedback(await deps.feedback.readAll(), now()).windows[0];
      } catch (error) {
        deps.logger.warn('Could not read the feedback for the Home tab:', error);
      }
    }
    const view = renderHome({
      about: deps.engine.about(),
      sources: deps.engine.sources(),
      howToAsk: deps.prompts.home,
      now: now(),
      ...(isAdmin ? { admin: { ...(lastReindex ? { lastReindex } : {}), ...(feedbackWeek ? { feedbackWeek } : {}) } } : {}),
    });
    await deliver(deps.logger, `publish the Home tab for ${user}`, () => client.views.publish({ user_id: user, view }));
  };

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publish(client, event.user);
  });

  app.action<BlockAction<ButtonAction>>(HOME_REINDEX_ACTION, async ({ ack, body, client }) => {
    await ack();
    const user = body.user.id;
    if (!deps.config.adminUsers.includes(user)) {
      deps.logger.warn(`Refused a Home tab re-index by ${user}: not an admin.`);
      return;
    }
    if (lastReindex?.status !== 'running') lastReindex = { status: 'running', since: now().toISOString(), by: user };
    await publish(client, user);
    try {
      const summary = await deps.reindex();
      deps.logger.info(`Reindex by ${user} (Home tab): ${summary.documents} documents, ${summary.passages} passages.`);
      lastReindex = { status: 'done', at: now().toISOString(), by: user, summary };
    } catch (error) {
      deps.logger.error(`Reindex requested by ${user} on the Home tab failed:`, error);
      lastReindex = { status: 'failed', at: now().toISOString(), by: user };
    }
    await publish(client, user);
  });
}
