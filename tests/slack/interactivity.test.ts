/** Feedback buttons and the Find sources message shortcut, end to end over HTTP. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import { buttonsIn, eventEnvelope, nextTs, renderedTexts, sendEvent, sendInteraction, startHarness, waitFor, type Harness, expectWithinSlackLimits } from './helpers.js';

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

describe('feedback buttons', () => {
  it('stores the vote in feedback.jsonl and marks the message, keeping the answer', async () => {
    const question = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> how many councils were Inadequate in 2015?`, ts: nextTs(), channel: 'CFEED' };
    await sendEvent(h.baseUrl, eventEnvelope(question));
    const feedPosts = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CFEED');
    const [answer] = await waitFor(() => feedPosts().length > 0 && feedPosts(), 'the answer');
    const blocks = answer!.args.blocks;
    const helpful = buttonsIn(blocks).find((button) => button.action_id === 'citeline_feedback_helpful')!;
    const messageTs = '1700009999.000100';

    await sendInteraction(h.baseUrl, {
      type: 'block_actions',
      user: { id: 'UVOTER', team_id: 'T0001' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: messageTs, channel_id: 'CFEED', is_ephemeral: false },
      channel: { id: 'CFEED', name: 'feed' },
      message: { type: 'message', ts: messageTs, text: answer!.args.text, blocks, bot_id: 'BBOT' },
      trigger_id: '1.2.3',
      response_url: h.api.responseUrl(),
      actions: [{ type: 'button', action_id: helpful.action_id, block_id: 'citeline_actions', value: helpful.value, action_ts: '1' }],
    });

    const [update] = await waitFor(() => h.api.callsTo('chat.update').length > 0 && h.api.callsTo('chat.update'), 'the message update');
    expect(update!.args).toMatchObject({ channel: 'CFEED', ts: messageTs });
    const texts = renderedTexts(update!.args.blocks).join('\n');
    expect(texts).toContain('Thank you, <@UVOTER>: your feedback is recorded.');
    expect(texts).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    expect(buttonsIn(update!.args.blocks).map((b) => b.action_id)).toContain('citeline_feedback_helpful');

    const records = await h.feedback.readAll();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      user: 'UVOTER',
      channel: 'CFEED',
      question: 'how many councils were Inadequate in 2015?',
      answer: 'Answer to: how many councils were Inadequate in 2015?',
      passageIds: ['brave-new-world.md#p12', 'hostile.md#p1', 'ofsted-grades.md#p4'],
      helpful: true,
    });
    expect(Number.isNaN(Date.parse(records[0]!.time))).toBe(false);
  });

  it('on an ephemeral answer, confirms the vote privately', async () => {
    const value = JSON.stringify({ k: 'ask', q: 'a question', a: 'a lead', p: ['x#1'] });
    const responseUrl = h.api.responseUrl();
    await sendInteraction(h.baseUrl, {
      type: 'block_actions',
      user: { id: 'UVOTER2', team_id: 'T0001' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: '1.2', channel_id: 'CFEED', is_ephemeral: true },
      channel: { id: 'CFEED', name: 'feed' },
      trigger_id: '1.2.3',
      response_url: responseUrl,
      actions: [{ type: 'button', action_id: 'citeline_feedback_not_helpful', block_id: 'citeline_actions', value, action_ts: '1' }],
    });
    const [post] = await waitFor(() => h.api.postsTo(responseUrl).length > 0 && h.api.postsTo(responseUrl), 'the confirmation');
    expect(post!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const records = await h.feedback.readAll();
    expect(records.at(-1)).toMatchObject({ user: 'UVOTER2', helpful: false, passageIds: ['x#1'] });
  });
});

describe('Find sources shortcut', () => {
  function shortcutPayload(message: Record<string, unknown>, responseUrl: string) {
    return {
      type: 'message_action',
      callback_id: 'find_sources',
      trigger_id: '1.2.3',
      response_url: responseUrl,
      team: { id: 'T0001', domain: 'example' },
      channel: { id: 'CCLAIMS', name: 'claims' },
      user: { id: 'UCHECKER', team_id: 'T0001' },
      message_ts: message.ts,
      message: { type: 'message', user: 'UCLAIMANT', ...message },
      token: 'verification-token',
      action_ts: '1',
    };
  }

  it('replies in the message thread with the extracts for the claim', async () => {
    const ts = nextTs();
    const response = await sendInteraction(h.baseUrl, shortcutPayload({ ts, text: 'Over a quarter of councils were rated Inadequate in 2015' }, h.api.responseUrl()));
    expect(response.status).toBe(200);
    const [post] = await waitFor(() => {
      const posts = h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
      return posts.length > 0 && posts;
    }, 'the thread reply');
    expect(post!.args.channel).toBe('CCLAIMS');
    expect(h.engine.calls.at(-1)).toMatchObject({ kind: 'find', question: 'Over a quarter of councils were rated Inadequate in 2015' });
    const texts = renderedTexts(post!.args.blocks).join('\n');
    expect(texts).toContain('Sources for: “Over a quarter of councils were rated Inadequate in 2015”');
    expect(texts).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    expect(h.api.callsTo('reactions.add').some((call) => call.args.timestamp === ts && call.args.name === 'mag')).toBe(true);
  });

  it('searches for any message it is used on, a "thanks" too: it is asked for sources, not spoken to', async () => {
    const ts = nextTs();
    await sendInteraction(h.baseUrl, shortcutPayload({ ts, text: 'thanks' }, h.api.responseUrl()));
    await waitFor(() => h.api.callsTo('chat.postMessage').some((call) => call.args.thread_ts === ts), 'the thread reply');
    expect(h.engine.calls.at(-1)).toMatchObject({ kind: 'find', question: 'thanks' });
  });

  it('answers privately when it cannot post in the thread', async () => {
    const ts = nextTs();
    const responseUrl = h.api.responseUrl();
    h.api.failNext(1, { error: 'not_in_channel' }, 'chat.postMessage');
    await sendInteraction(h.baseUrl, shortcutPayload({ ts, thread_ts: '1600000000.000001', text: 'No council was Outstanding in 2015' }, responseUrl));
    const [post] = await waitFor(() => h.api.postsTo(responseUrl).length > 0 && h.api.postsTo(responseUrl), 'the private reply');
    expect(post!.body.response_type).toBe('ephemeral');
    expect(renderedTexts(post!.body.blocks).join('\n')).toContain('Sources for: “No council was Outstanding in 2015”');
    expect(h.logs.join('\n')).toContain('Could not post Find sources in CCLAIMS (thread 1600000000.000001)');
  });
});
