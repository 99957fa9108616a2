/** The App Home tab over HTTP: published with views.publish on app_home_opened; admins' health and re-index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, eventEnvelope, expectWithinSlackLimits, renderedTexts, sendEvent, sendInteraction, startHarness, waitFor, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  // A channel allow-list: the Home tab is in no channel, and must work all the same.
  h = await startHarness({ allowedChannels: ['CONLY'] });
});
afterAll(async () => {
  await h.close();
});

function homeOpened(user: string, tab = 'home') {
  return { type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: `${Date.now() / 1000}` };
}

const publishedFor = (user: string) => h.api.callsTo('views.publish').filter((call) => call.args.user_id === user);

function viewOf(call: { args: Record<string, unknown> }) {
  return call.args.view as { type: string; blocks: unknown[] };
}

describe('App Home', () => {
  it('tells anyone what Citeline knows and how to ask, with examples from the titles', async () => {
    await sendEvent(h.baseUrl, eventEnvelope(homeOpened('UREADER')));
    const [call] = await waitFor(() => publishedFor('UREADER').length > 0 && publishedFor('UREADER'), 'the published Home tab');
    const view = viewOf(call!);
    expect(view.type).toBe('home');
    // Slack allows 100 blocks in a Home tab; every section within 3,000 characters.
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectWithinSlackLimits({ blocks: view.blocks.slice(0, 50) }, 'the Home tab');
    const texts = renderedTexts(view.blocks).join('\n');
    expect(texts).toContain('2 documents and 15 passages, last indexed 2026-11-30 09:15 UTC');
    expect(texts).toContain('`models/test-model`');
    expect(texts).toContain(h.prompts.home.split('\n')[0]!);
    expect(texts).toContain('what are the main findings of “A brave new world (summary)”?');
    // Titles are report text: escaped like any other.
    expect(texts).toContain('“Local notes &lt;!channel&gt;”');
    expect(texts).not.toContain('Index health');
    expect(buttonsIn(view.blocks)).toHaveLength(0);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await sendEvent(h.baseUrl, eventEnvelope(homeOpened('UMSGS', 'messages')));
    await sendEvent(h.baseUrl, eventEnvelope(homeOpened('UBARRIER')));
    await waitFor(() => publishedFor('UBARRIER').length > 0, 'the barrier Home tab');
    expect(publishedFor('UMSGS')).toHaveLength(0);
  });

  it('shows an admin the index health and a re-index button that rebuilds and republishes', async () => {
    await sendEvent(h.baseUrl, eventEnvelope(homeOpened('UADMIN')));
    const [call] = await waitFor(() => publishedFor('UADMIN').length > 0 && publishedFor('UADMIN'), 'the admin Home tab');
    const texts = renderedTexts(viewOf(call!).blocks).join('\n');
    expect(texts).toContain('*Index health* (admins only)');
    expect(texts).toContain('Every one of the 2 documents has passages.');
    expect(texts).toContain('No re-index asked for in Slack since Citeline started.');
    const [button] = buttonsIn(viewOf(call!).blocks);
    expect(button!.action_id).toBe('citeline_home_reindex');

    const click = (user: string) => ({
      type: 'block_actions',
      user: { id: user, team_id: 'T0001' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home' },
      trigger_id: '1.2.3',
      actions: [{ type: 'button', action_id: button!.action_id, block_id: 'b', value: button!.value, action_ts: '1' }],
    });
    // Someone who is not an admin cannot press it into working (an old view, say).
    await sendInteraction(h.baseUrl, click('UREADER'));
    await sendInteraction(h.baseUrl, click('UADMIN'));
    await waitFor(() => publishedFor('UADMIN').length === 3, 'the tab republished as the re-index starts and ends');
    expect(h.engine.reindexCount).toBe(1);
    expect(renderedTexts(viewOf(publishedFor('UADMIN')[1]!).blocks).join('\n')).toContain('Re-indexing since');
    const after = renderedTexts(viewOf(publishedFor('UADMIN')[2]!).blocks).join('\n');
    expect(after).toMatch(/Last re-index .* by <@UADMIN>: 1 added, 0 updated, 0 removed, 0 skipped, in 1\.3 s\./);
    expect(h.logs.join('\n')).toContain('Refused a Home tab re-index by UREADER');
  });
});
