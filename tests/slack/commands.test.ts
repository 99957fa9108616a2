/** `/citeline` over HTTP: form-encoded, signed, acknowledged at once, answered through the response_url. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, renderedTexts, sendForm, sendInteraction, slashCommand, startHarness, waitFor, type Harness, expectWithinSlackLimits } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  // Every reply posted, updated or sent to a response URL stays within Slack's Block Kit limits.
  for (const call of h.api.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update')) expectWithinSlackLimits(call.args, call.method);
  for (const post of h.api.responseUrlPosts) expectWithinSlackLimits(post.body, 'a response URL post');
});

async function command(text: string, user_id = 'UCMD', channel_id = 'CGENERAL') {
  const response_url = h.api.responseUrl();
  const response = await sendForm(h.baseUrl, slashCommand({ text, user_id, channel_id, response_url }));
  expect(response.status).toBe(200);
  const body = await response.text();
  return { response_url, ack: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
}

describe('/citeline <question>', () => {
  it('acknowledges at once, answers ephemerally, and Share in channel posts it publicly with attribution', async () => {
    const { response_url, ack } = await command('what share of councils were rated Inadequate in 2015?', 'USHARER', 'CSHARE');
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe(h.prompts.searching);

    const [answer] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the ephemeral answer');
    expect(answer!.body.response_type).toBe('ephemeral');
    expect(renderedTexts(answer!.body.blocks).join('\n')).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    const share = buttonsIn(answer!.body.blocks).find((button) => button.action_id === 'citeline_share');
    expect(share).toBeDefined();
    expect(share!.value.length).toBeLessThanOrEqual(2000);
    // Nothing public yet.
    expect(h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CSHARE')).toHaveLength(0);

    const shareUrl = h.api.responseUrl();
    await sendInteraction(h.baseUrl, {
      type: 'block_actions',
      user: { id: 'USHARER', team_id: 'T0001' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'CSHARE', is_ephemeral: true },
      channel: { id: 'CSHARE', name: 'share' },
      trigger_id: '1.2.3',
      response_url: shareUrl,
      actions: [{ type: 'button', action_id: 'citeline_share', block_id: 'citeline_actions', value: share!.value, action_ts: '1700000001.000001' }],
    });
    const [shared] = await waitFor(() => {
      const posts = h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CSHARE');
      return posts.length > 0 && posts;
    }, 'the public post');
    expect(shared!.args.thread_ts).toBeUndefined();
    const texts = renderedTexts(shared!.args.blocks).join('\n');
    expect(texts).toContain('Shared by <@USHARER>');
    expect(texts).toContain('Answer to: what share of councils were rated Inadequate in 2015?');
    expect(buttonsIn(shared!.args.blocks).map((b) => b.action_id)).not.toContain('citeline_share');
    // The private copy is removed.
    await waitFor(() => h.api.postsTo(shareUrl).some((post) => post.body.delete_original === true), 'the ephemeral copy deleted');
  });

  it('gives the empty-question prompt for a bare /citeline', async () => {
    const { response_url } = await command('   ');
    const [reply] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the reply');
    expect(reply!.body.text).toBe(h.prompts.emptyQuestion);
  });
});

describe('/citeline subcommands', () => {
  it('help is answered in the acknowledgement', async () => {
    const { ack } = await command('help');
    expect(ack.response_type).toBe('ephemeral');
    expect(renderedTexts(ack.blocks).join('\n')).toContain('/citeline sources');
  });

  it('sources lists the indexed documents with passage counts, escaped, local paths unlinked', async () => {
    const { ack } = await command('sources');
    const texts = renderedTexts(ack.blocks).join('\n');
    expect(texts).toContain('*2 documents indexed* (15 passages)');
    expect(texts).toContain('<https://schoolsimprovement.net/a-brave-new-world/|A brave new world (summary)> · 14 passages');
    expect(texts).toContain('Local notes &lt;!channel&gt; · 1 passage');
    expect(texts).not.toContain('<reports/local.md');
  });

  it('stats with no matching figure says so, echoing the query escaped', async () => {
    const { ack } = await command('stats <!channel> 1999');
    expect(renderedTexts(ack.blocks).join('\n')).toContain('No figures match “&lt;!channel&gt; 1999”');
  });

  it('reindex is refused to non-admins and runs for admins, reporting the summary', async () => {
    const refused = await command('reindex', 'UNOTADMIN');
    expect(refused.ack.text).toBe(h.prompts.reindexRefused);
    expect(h.engine.reindexCount).toBe(0);

    const { ack, response_url } = await command('reindex', 'UADMIN');
    expect(ack.text).toBe(h.prompts.reindexStarted);
    const [done] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the reindex summary');
    expect(done!.body.text).toBe('Index rebuilt: 4 documents, 57 passages (1 added, 0 updated, 0 removed, 0 skipped) in 1.3 s.');
    expect(h.engine.reindexCount).toBe(1);
  });
});
