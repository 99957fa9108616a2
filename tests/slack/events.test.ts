/** Events over HTTP, end to end: signed requests in, Web API calls out (recorded by the fake Slack). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import { eventEnvelope, nextTs, renderedTexts, sendEvent, sendSigned, startHarness, waitFor, type Harness, expectWithinSlackLimits } from './helpers.js';

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

function mention(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel: 'CGENERAL', ...extra };
}

function postsInThread(threadTs: string) {
  return h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
}

describe('request verification', () => {
  it('answers the url_verification challenge', async () => {
    const response = await sendSigned(h.baseUrl, JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }), 'application/json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses a bad signature and a six-minute-old timestamp with 401, and posts nothing', async () => {
    const before = h.api.calls.length;
    const forged = await sendEvent(h.baseUrl, eventEnvelope(mention('forged question')), { secret: 'not-the-secret' });
    const stale = await sendEvent(h.baseUrl, eventEnvelope(mention('stale question')), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    // A valid event afterwards is the barrier: once it is answered, the refused ones would have been too.
    const barrier = mention('barrier question');
    await sendEvent(h.baseUrl, eventEnvelope(barrier));
    await waitFor(() => postsInThread(barrier.ts).length === 1, 'the barrier answer');
    const posted = h.api.calls.slice(before).filter((call) => call.method === 'chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted)).not.toContain('forged question');
    expect(JSON.stringify(posted)).not.toContain('stale question');
  });
});

describe('app_mention', () => {
  it('answers in the thread of the mention, with the extract, the source link and feedback buttons', async () => {
    const event = mention('what share of councils were rated Inadequate in 2015?');
    const response = await sendEvent(h.baseUrl, eventEnvelope(event));
    expect(response.status).toBe(200);
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the answer');
    expect(post!.args.channel).toBe('CGENERAL');
    // The bot mention is stripped before the engine sees the question.
    expect(h.engine.calls.at(-1)!.question).toBe('what share of councils were rated Inadequate in 2015?');
    const texts = renderedTexts(post!.args.blocks).join('\n');
    expect(texts).toContain('Answer to: what share of councils were rated Inadequate in 2015?');
    expect(texts).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    expect(texts).toContain('<https://schoolsimprovement.net/a-brave-new-world-is-inspection-improving-childrens-services/|A brave new world');
    expect(texts).toContain('How council ratings changed between 2007/08 and 2015');
    expect(JSON.stringify(post!.args.blocks)).toContain('citeline_feedback_helpful');
    expect(post!.args.text).toContain('Answer to:');
    // Work in progress was shown on the question, and cleared.
    expect(h.api.callsTo('reactions.add').some((call) => call.args.timestamp === event.ts && call.args.name === 'hourglass_flowing_sand')).toBe(true);
    await waitFor(() => h.api.callsTo('reactions.remove').some((call) => call.args.timestamp === event.ts), 'the reaction removed');
  });

  it('reads a short follow-up in the thread together with the earlier question', async () => {
    const first = mention('what share of councils were rated Inadequate in 2015?');
    await sendEvent(h.baseUrl, eventEnvelope(first));
    await waitFor(() => postsInThread(first.ts).length === 1, 'the first answer');
    const followUp = mention('and in 2008?', { thread_ts: first.ts });
    await sendEvent(h.baseUrl, eventEnvelope(followUp));
    await waitFor(() => postsInThread(first.ts).length === 2, 'the follow-up answer');
    const call = h.engine.calls.at(-1)!;
    expect(call.question).toBe('and in 2008?');
    expect(call.options.previousQuestion).toBe('what share of councils were rated Inadequate in 2015?');
    expect(renderedTexts(postsInThread(first.ts)[1]!.args.blocks).join('\n')).toContain('(after: what share of councils');
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num: 1) only once', async () => {
    const event = mention('how many councils were rated Good?');
    const envelope = eventEnvelope(event);
    await sendEvent(h.baseUrl, envelope);
    await waitFor(() => postsInThread(event.ts).length === 1, 'the answer');
    const retry = await sendEvent(h.baseUrl, envelope, { retryNum: 1 });
    expect(retry.status).toBe(200);
    const barrier = mention('barrier after retry');
    await sendEvent(h.baseUrl, eventEnvelope(barrier));
    await waitFor(() => postsInThread(barrier.ts).length === 1, 'the barrier answer');
    expect(postsInThread(event.ts)).toHaveLength(1);
    expect(h.logs.join('\n')).toContain(`Dropped repeated delivery of event ${envelope.event_id as string}`);
  });

  it('escapes <!channel> and <@U123> from the question and from report extracts in every posted text', async () => {
    const event = mention('does <!channel> matter? ask <@U999> & <https://x.example|y>');
    await sendEvent(h.baseUrl, eventEnvelope(event));
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the answer');
    const texts = [...renderedTexts(post!.args.blocks), String(post!.args.text)];
    const all = texts.join('\n');
    for (const text of texts) {
      expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<@U999>|<https:\/\/x\.example/);
    }
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U123&gt;');
    expect(all).toContain('&lt;@U999&gt; &amp; &lt;https://x.example|y&gt;');
    // The hostile report's javascript: link is shown as its title, not linked.
    expect(all).not.toContain('javascript:');
    expect(all).toContain('Notes &lt;!here&gt; &amp; more');
    // A line starting with ">" inside an extract does not open a quote of its own, and ``` is defused.
    expect(all).not.toMatch(/^> &gt;/m);
    expect(all).not.toContain('```');
  });

  it('replies with the empty-question prompt to a bare mention or emoji', async () => {
    const event = mention(':wave: :tada:');
    const calls = h.engine.calls.length;
    await sendEvent(h.baseUrl, eventEnvelope(event));
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the reply');
    expect(post!.args.text).toBe(h.prompts.emptyQuestion);
    expect(h.engine.calls.length).toBe(calls);
  });

  it('answers a greeting or thanks in kind, without searching the reports or using up the rate limit', async () => {
    const calls = h.engine.calls.length;
    const hello = mention("hi! how's your day going?");
    await sendEvent(h.baseUrl, eventEnvelope(hello));
    const [greeting] = await waitFor(() => postsInThread(hello.ts).length > 0 && postsInThread(hello.ts), 'the greeting');
    expect(greeting!.args.text).toBe(h.prompts.greeting);
    const thanks = mention('great, thanks!');
    await sendEvent(h.baseUrl, eventEnvelope(thanks));
    const [welcome] = await waitFor(() => postsInThread(thanks.ts).length > 0 && postsInThread(thanks.ts), 'the reply to thanks');
    expect(welcome!.args.text).toBe(h.prompts.thanks);
    expect(renderedTexts(welcome!.args.blocks).join('\n')).not.toMatch(/Closest extract/);
    expect(h.engine.calls.length).toBe(calls);
  });

  it('sanitises control characters and keeps right-to-left text', async () => {
    const event = mention('ما هي نسبة \u202Eالمجالس\u0007 2015?');
    await sendEvent(h.baseUrl, eventEnvelope(event));
    await waitFor(() => postsInThread(event.ts).length === 1, 'the answer');
    expect(h.engine.calls.at(-1)!.question).toBe('ما هي نسبة المجالس 2015?');
  });

  it('says a question over 2,000 characters is too long', async () => {
    const event = mention(`why ${'very '.repeat(500)}long?`);
    await sendEvent(h.baseUrl, eventEnvelope(event));
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the reply');
    expect(post!.args.text).toContain('too long');
    expect(post!.args.text).toContain('2,000');
  });

  it('ignores mentions by other bots', async () => {
    const fromBot = mention('bot question', { bot_id: 'BOTHER', user: 'UOTHERBOT' });
    await sendEvent(h.baseUrl, eventEnvelope(fromBot));
    const barrier = mention('barrier after bot');
    await sendEvent(h.baseUrl, eventEnvelope(barrier));
    await waitFor(() => postsInThread(barrier.ts).length === 1, 'the barrier answer');
    expect(postsInThread(fromBot.ts)).toHaveLength(0);
  });
});

describe('direct messages', () => {
  function dm(text: string, extra: Record<string, unknown> = {}) {
    return { type: 'message', channel_type: 'im', channel: 'D0DM', user: 'UDMUSER', text, ts: nextTs(), ...extra };
  }
  const dmPosts = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'D0DM');

  it('answers in the DM, and ignores bot messages, its own messages and edits', async () => {
    await sendEvent(h.baseUrl, eventEnvelope(dm('from a bot', { bot_id: 'BOTHER', subtype: 'bot_message' })));
    await sendEvent(h.baseUrl, eventEnvelope(dm('from myself', { user: BOT_USER_ID, bot_id: BOT_ID })));
    await sendEvent(h.baseUrl, eventEnvelope(dm('edited', { subtype: 'message_changed', message: { text: 'edited' } })));
    const question = dm('which councils were rated Outstanding in 2015?');
    await sendEvent(h.baseUrl, eventEnvelope(question));
    await waitFor(() => dmPosts().length > 0, 'the DM answer');
    const posts = dmPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.thread_ts).toBeUndefined();
    expect(renderedTexts(posts[0]!.args.blocks).join('\n')).toContain('Answer to: which councils were rated Outstanding in 2015?');
    expect(h.engine.calls.map((call) => call.question)).not.toContain('from a bot');
  });

  it('labels a reply the reports do not answer as closest extracts', async () => {
    const question = dm('an unanswerable question about ferries');
    const before = dmPosts().length;
    await sendEvent(h.baseUrl, eventEnvelope(question));
    await waitFor(() => dmPosts().length > before, 'the DM answer');
    const texts = renderedTexts(dmPosts().at(-1)!.args.blocks).join('\n');
    expect(texts).toContain('do not seem to answer that');
    expect(texts).toContain('Closest extract 1');
    expect(texts).not.toContain('Confidence: high');
  });
});
