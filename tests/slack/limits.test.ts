/** Allow-lists, the rate limit, Slack API failures, engine failures and secrets in logs, end to end. */
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, eventEnvelope, nextTs, renderedTexts, sendEvent, sendForm, slashCommand, startHarness, waitFor, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function mention(channel: string, text: string, user = 'UASKER') {
  return { type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel };
}

const postsIn = (harness: Harness, channel: string) => harness.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

describe('allow-lists', () => {
  it('stays silent outside the allowed channels and tells a slash command it is not enabled there', async () => {
    h = await startHarness({ allowedChannels: ['CALLOWED'] });
    await sendEvent(h.baseUrl, eventEnvelope(mention('COTHER', 'what share were inadequate?')));
    const response = await sendForm(h.baseUrl, slashCommand({ text: 'what share were inadequate?', user_id: 'UASKER', channel_id: 'COTHER', response_url: h.api.responseUrl() }));
    expect(await response.json()).toMatchObject({ response_type: 'ephemeral', text: h.prompts.notEnabled });

    await sendEvent(h.baseUrl, eventEnvelope(mention('CALLOWED', 'what share were inadequate?')));
    await waitFor(() => postsIn(h!, 'CALLOWED').length === 1, 'the answer in the allowed channel');
    expect(postsIn(h, 'COTHER')).toHaveLength(0);
    expect(h.api.callsTo('reactions.add').filter((call) => call.args.channel === 'COTHER')).toHaveLength(0);
    expect(h.engine.calls).toHaveLength(1);
  });

  it('stays silent for a workspace that is not allowed', async () => {
    h = await startHarness({ allowedTeams: ['TALLOWED'] });
    await sendEvent(h.baseUrl, eventEnvelope(mention('CGENERAL', 'what share were inadequate?')));
    const response = await sendForm(h.baseUrl, slashCommand({ text: 'help', user_id: 'UASKER', response_url: h.api.responseUrl() }));
    expect(await response.json()).toMatchObject({ text: h.prompts.notEnabled });
    expect(h.engine.calls).toHaveLength(0);
    expect(postsIn(h, 'CGENERAL')).toHaveLength(0);
  });
});

describe('rate limit', () => {
  it('answers up to the limit per user per minute, then says to wait', async () => {
    h = await startHarness({ rateLimitPerMinute: 2 });
    for (let i = 1; i <= 3; i += 1) {
      await sendEvent(h.baseUrl, eventEnvelope(mention('CRATE', `question number ${i} about councils`)));
      await waitFor(() => postsIn(h!, 'CRATE').length === i, `reply ${i}`);
    }
    const texts = postsIn(h, 'CRATE').map((call) => String(call.args.text));
    expect(texts[0]).toContain('Answer to: question number 1');
    expect(texts[1]).toContain('Answer to: question number 2');
    expect(texts[2]).toBe('You have asked 2 questions in the last minute. Please wait a moment and ask again.');
    expect(h.engine.calls).toHaveLength(2);
    // Another user is not affected.
    await sendEvent(h.baseUrl, eventEnvelope(mention('CRATE', 'a question from someone else', 'UOTHER')));
    await waitFor(() => postsIn(h!, 'CRATE').length === 4, 'the other user’s answer');
    expect(String(postsIn(h, 'CRATE')[3]!.args.text)).toContain('Answer to: a question from someone else');
  });
});

describe('Slack API failures', () => {
  it('delivers the answer after a 429 with Retry-After and after a 500', async () => {
    h = await startHarness();
    h.api.failNext(1, { status: 429, retryAfter: 1 }, 'chat.postMessage');
    h.api.failNext(1, { status: 500 }, 'chat.postMessage');
    await sendEvent(h.baseUrl, eventEnvelope(mention('CRETRY', 'what share were inadequate?')));
    await waitFor(() => postsIn(h!, 'CRETRY').length === 1, 'the answer after retries', 10_000);
    expect(h.api.attempts.filter((method) => method === 'chat.postMessage')).toHaveLength(3);
  });

  it('logs one clear line when delivery finally fails, and keeps answering', async () => {
    h = await startHarness();
    h.api.failNext(4, { status: 500 }, 'chat.postMessage');
    const lost = mention('CLOST', 'a question whose answer is lost');
    await sendEvent(h.baseUrl, eventEnvelope(lost));
    await waitFor(() => h!.logs.find((line) => line.includes(`Could not post the answer in CLOST (thread ${lost.ts}): HTTP 500 after retries`)), 'the failure log line');
    await sendEvent(h.baseUrl, eventEnvelope(mention('CLOST', 'the next question')));
    await waitFor(() => postsIn(h!, 'CLOST').length === 1, 'the next answer');
  });
});

describe('engine failures and secrets', () => {
  it('replies with the internal-error prompt, logs the error without tokens or the signing secret, and keeps running', async () => {
    process.env.CITELINE_TEST_SECRET = `${BOT_TOKEN} ${SIGNING_SECRET}`;
    try {
      h = await startHarness();
      await sendEvent(h.baseUrl, eventEnvelope(mention('CERR', 'please explode')));
      await waitFor(() => postsIn(h!, 'CERR').length === 1, 'the error reply');
      expect(postsIn(h, 'CERR')[0]!.args.text).toBe(h.prompts.internalError);
      await sendEvent(h.baseUrl, eventEnvelope(mention('CERR', 'a normal question')));
      await waitFor(() => postsIn(h!, 'CERR').length === 2, 'the next answer');
      expect(renderedTexts(postsIn(h, 'CERR')[1]!.args.blocks).join('\n')).toContain('Answer to: a normal question');

      const logs = h.logs.join('\n');
      expect(logs).toContain('engine blew up');
      expect(logs).toContain('[redacted]');
      expect(logs).not.toContain(BOT_TOKEN);
      expect(logs).not.toContain(SIGNING_SECRET);
      // The bot token was sent to the (fake) API all along: redaction, not absence of use, keeps it out of logs.
      expect(h.api.calls.some((call) => call.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    } finally {
      delete process.env.CITELINE_TEST_SECRET;
    }
  });
});
