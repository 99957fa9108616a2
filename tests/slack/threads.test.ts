/** Conversations in channel threads, end to end: follow-ups without a mention, and what Citeline leaves alone. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import { eventEnvelope, expectWithinSlackLimits, nextTs, renderedTexts, sendEvent, startHarness, waitFor, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  for (const post of h.api.callsTo('chat.postMessage')) expectWithinSlackLimits(post.args, `the reply in ${String(post.args.channel)}`);
});

function mention(channel: string, text: string, extra: Record<string, unknown> = {}) {
  return { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel, ...extra };
}

/** A message in a channel, as message.channels delivers it (message.groups: channel_type "group"). */
function channelMessage(channel: string, text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', channel_type: 'channel', user: 'UOTHER', text, ts: nextTs(), channel, ...extra };
}

const postsInThread = (channel: string, threadTs: string) =>
  h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.args.thread_ts === threadTs);

/** A mention answered in its own thread: the conversation the tests continue. */
async function startThread(channel: string, question = 'what share of councils were rated Inadequate in 2015?'): Promise<string> {
  const first = mention(channel, question);
  await sendEvent(h.baseUrl, eventEnvelope(first));
  await waitFor(() => postsInThread(channel, first.ts).length === 1, 'the first answer');
  return first.ts;
}

describe('follow-ups in a thread Citeline answered', () => {
  it('answers a reply without a mention, read with the thread’s earlier question when it cannot stand alone', async () => {
    const thread = await startThread('CTHREAD1');
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD1', 'and in 2008?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD1', thread).length === 2, 'the follow-up answer');
    expect(h.engine.calls.at(-1)).toMatchObject({ question: 'and in 2008?', options: { previousQuestion: 'what share of councils were rated Inadequate in 2015?' } });
    expect(renderedTexts(postsInThread('CTHREAD1', thread)[1]!.args.blocks).join('\n')).toContain('(after: what share of councils');

    // A private channel's thread (message.groups) is heard the same way.
    const group = await startThread('GPRIVATE');
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('GPRIVATE', 'what about the year before?', { thread_ts: group, channel_type: 'group' })));
    await waitFor(() => postsInThread('GPRIVATE', group).length === 2, 'the follow-up in a private channel');
  });

  it('reads a question with its own subject, or gibberish, on its own', async () => {
    const thread = await startThread('CTHREAD2');
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD2', 'Who is Debbie Jones?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD2', thread).length === 2, 'the answer to the new question');
    expect(h.engine.calls.at(-1)).toMatchObject({ question: 'Who is Debbie Jones?', options: {} });
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD2', 'asdf qwerty zzkj flibble', { thread_ts: thread })));
    await waitFor(() => h.engine.calls.at(-1)?.question === 'asdf qwerty zzkj flibble', 'the gibberish read');
    expect(h.engine.calls.at(-1)!.options.previousQuestion).toBeUndefined();
  });

  it('ignores chatter in other threads, in the channel itself, from bots, a thread’s first message, and a message addressed to someone else', async () => {
    const thread = await startThread('CTHREAD3');
    const calls = h.engine.calls.length;
    const otherThread = '1600000000.000100';
    const elsewhere = channelMessage('CTHREAD3', 'and in 2008?', { thread_ts: otherThread });
    const inChannel = channelMessage('CTHREAD3', 'what share were good in 2015?');
    const parent = channelMessage('CTHREAD3', 'and in 2009?');
    const fromBot = channelMessage('CTHREAD3', 'and in 2010?', { thread_ts: thread, bot_id: 'BOTHER', subtype: 'bot_message' });
    const fromCiteline = channelMessage('CTHREAD3', 'and in 2011?', { thread_ts: thread, user: BOT_USER_ID, bot_id: BOT_ID });
    const edited = channelMessage('CTHREAD3', 'and in 2012?', { thread_ts: thread, subtype: 'message_changed' });
    const toSomeoneElse = channelMessage('CTHREAD3', '<@USAM> what did you make of the 2015 figure?', { thread_ts: thread });
    for (const event of [elsewhere, inChannel, { ...parent, thread_ts: parent.ts }, fromBot, fromCiteline, edited, toSomeoneElse]) await sendEvent(h.baseUrl, eventEnvelope(event));
    // The barrier: once this follow-up is answered, the ones before it would have been too.
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD3', 'and in 2013?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD3', thread).length === 2, 'the barrier answer');
    expect(h.engine.calls.slice(calls).map((call) => call.question)).toEqual(['and in 2013?']);
    expect(postsInThread('CTHREAD3', otherThread)).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CTHREAD3' && call.args.thread_ts !== thread)).toHaveLength(0);
  });

  it('answers a mention in the thread once, though it arrives as app_mention and as a message', async () => {
    const thread = await startThread('CTHREAD4');
    const calls = h.engine.calls.length;
    const ts = nextTs();
    const text = `<@${BOT_USER_ID}> and in 2008?`;
    await sendEvent(h.baseUrl, eventEnvelope({ type: 'message', channel_type: 'channel', user: 'UASKER', text, ts, channel: 'CTHREAD4', thread_ts: thread }));
    await sendEvent(h.baseUrl, eventEnvelope({ type: 'app_mention', user: 'UASKER', text, ts, channel: 'CTHREAD4', thread_ts: thread }));
    await waitFor(() => postsInThread('CTHREAD4', thread).length === 2, 'the answer to the mention');
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD4', 'and in 2010?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD4', thread).length === 3, 'the barrier answer');
    expect(h.engine.calls.slice(calls).map((call) => call.question)).toEqual(['and in 2008?', 'and in 2010?']);
  });

  it('meets thanks with a reaction, and says nothing to a remark the reports do not answer', async () => {
    const thread = await startThread('CTHREAD5');
    const thanks = channelMessage('CTHREAD5', 'great, thanks!', { thread_ts: thread });
    await sendEvent(h.baseUrl, eventEnvelope(thanks));
    await waitFor(() => h.api.callsTo('reactions.add').some((call) => call.args.timestamp === thanks.ts && call.args.name === 'slightly_smiling_face'), 'the reaction');
    // Only that reaction: no working hourglass flashed on it, and nothing asked of the engine.
    expect(h.api.callsTo('reactions.add').filter((call) => call.args.timestamp === thanks.ts)).toHaveLength(1);
    expect(h.engine.calls.map((call) => call.question)).not.toContain('great, thanks!');
    const remark = channelMessage('CTHREAD5', 'ok, the unanswerable bit can wait till Monday', { thread_ts: thread });
    await sendEvent(h.baseUrl, eventEnvelope(remark));
    await waitFor(() => h.engine.calls.at(-1)?.question === remark.text, 'the remark read');
    // Put as a question, the same matter is answered, with the closest extracts.
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD5', 'is the unanswerable bit covered?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD5', thread).length === 2, 'the answer to the question');
    await sendEvent(h.baseUrl, eventEnvelope(channelMessage('CTHREAD5', 'what about Leeds?', { thread_ts: thread })));
    await waitFor(() => postsInThread('CTHREAD5', thread).length >= 3, 'the barrier answer');
    const posts = postsInThread('CTHREAD5', thread).map((post) => renderedTexts(post.args.blocks).join('\n'));
    expect(posts).toHaveLength(3);
    expect(posts[1]).toContain('Closest extract 1');
    expect(posts[2]).toContain('Answer to: what about Leeds?');
    expect(posts.join('\n')).not.toContain('wait till Monday');
  });
});

describe('SLACK_THREAD_FOLLOWUPS=off', () => {
  it('answers only mentions in a thread', async () => {
    const off = await startHarness({ threadFollowUps: false });
    try {
      const first = mention('COFF', 'what share of councils were rated Inadequate in 2015?');
      await sendEvent(off.baseUrl, eventEnvelope(first));
      const inThread = () => off.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === first.ts);
      await waitFor(() => inThread().length === 1, 'the first answer');
      await sendEvent(off.baseUrl, eventEnvelope(channelMessage('COFF', 'and in 2008?', { thread_ts: first.ts })));
      await sendEvent(off.baseUrl, eventEnvelope(mention('COFF', 'and in 2009?', { thread_ts: first.ts })));
      await waitFor(() => inThread().length === 2, 'the mention answered');
      expect(off.engine.calls.map((call) => call.question)).toEqual(['what share of councils were rated Inadequate in 2015?', 'and in 2009?']);
    } finally {
      await off.close();
    }
  });
});
