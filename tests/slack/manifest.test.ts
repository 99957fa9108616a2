/** The Slack app manifest declares every event and scope the handlers rely on. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('slack/manifest.json', () => {
  it('subscribes to thread messages and the Home tab, with the scopes they need', async () => {
    const manifest = JSON.parse(await readFile('slack/manifest.json', 'utf8')) as {
      features: { app_home: { home_tab_enabled: boolean } };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'chat:write', 'reactions:write', 'commands']));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
