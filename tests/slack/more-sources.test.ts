/** "More sources" under an answer, end to end: the message is edited in place with the further extracts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import {
  buttonsIn,
  ephemeralButtonClick,
  eventEnvelope,
  expectWithinSlackLimits,
  nextTs,
  renderedTexts,
  sendEvent,
  sendForm,
  sendInteraction,
  slashCommand,
  startHarness,
  waitFor,
  type Harness,
} from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A click on a button of a message in a channel, as Slack posts it: the message's blocks come with it. */
function channelClick(button: { action_id: string; value: string }, message: { ts: string; text: string; blocks: unknown }, channel: string) {
  return {
    type: 'block_actions',
    user: { id: 'UREADER', team_id: 'T0001' },
    team: { id: 'T0001' },
    api_app_id: 'A0001',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'more' },
    message: { type: 'message', ...message, bot_id: 'BBOT' },
    trigger_id: '1.2.3',
    response_url: h.api.responseUrl(),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'citeline_actions', value: button.value, action_ts: '1' }],
  };
}

async function answerInChannel(channel: string, question: string) {
  const event = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> ${question}`, ts: nextTs(), channel };
  await sendEvent(h.baseUrl, eventEnvelope(event));
  const posts = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  const [post] = await waitFor(() => posts().length > 0 && posts(), 'the answer');
  return { text: String(post!.args.text), blocks: post!.args.blocks, ts: '1700001111.000100' };
}

describe('More sources', () => {
  it('adds up to five further extracts to the message in place, PDFs linked at their page', async () => {
    const answer = await answerInChannel('CMORE', 'which councils improved after an inadequate rating?');
    expectWithinSlackLimits(answer, 'the answer');
    const more = buttonsIn(answer.blocks).find((button) => button.action_id === 'citeline_more_sources')!;
    expect(more.text.text).toBe('More sources');

    await sendInteraction(h.baseUrl, channelClick(more, answer, 'CMORE'));
    const [update] = await waitFor(() => h.api.callsTo('chat.update').filter((call) => call.args.channel === 'CMORE').length > 0 && h.api.callsTo('chat.update'), 'the edit');
    expect(update!.args).toMatchObject({ channel: 'CMORE', ts: answer.ts });
    expectWithinSlackLimits(update!.args, 'the edited answer');
    // The engine was asked for the three shown and five more.
    expect(h.engine.calls.at(-1)).toMatchObject({ question: 'which councils improved after an inadequate rating?', options: { maxCitations: 8 } });

    const texts = renderedTexts(update!.args.blocks).join('\n');
    expect(texts).toContain('Answer to: which councils improved after an inadequate rating?');
    expect(texts).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    for (let n = 1; n <= 5; n += 1) expect(texts).toContain(`> Further extract number ${n} about council ratings.`);
    expect(texts).not.toContain('Further extract number 6');
    expect(texts).toContain('*[4]* <https://example.org/further.pdf#page=2|Further evidence (PDF)> · p. 2');
    expect(texts).toContain('*[8]*');
    // The button has done its work; the feedback buttons stay.
    expect(buttonsIn(update!.args.blocks).map((button) => button.action_id)).toEqual(['citeline_feedback_helpful', 'citeline_feedback_not_helpful']);
  });

  it('says so when there is nothing further', async () => {
    const answer = await answerInChannel('CNOMORE', 'an unanswerable question about ferries');
    const more = buttonsIn(answer.blocks).find((button) => button.action_id === 'citeline_more_sources')!;
    await sendInteraction(h.baseUrl, channelClick(more, answer, 'CNOMORE'));
    const [update] = await waitFor(() => h.api.callsTo('chat.update').filter((call) => call.args.channel === 'CNOMORE').length > 0 && h.api.callsTo('chat.update').filter((call) => call.args.channel === 'CNOMORE'), 'the edit');
    const texts = renderedTexts(update!.args.blocks).join('\n');
    expect(texts).toContain(h.prompts.noMoreSources);
    expect(buttonsIn(update!.args.blocks).map((button) => button.action_id)).not.toContain('citeline_more_sources');
  });

  it('replaces an answer only the asker sees through the response URL, keeping Share in channel', async () => {
    const response_url = h.api.responseUrl();
    await sendForm(h.baseUrl, slashCommand({ text: 'what share were good in 2015?', user_id: 'UPRIVATE', channel_id: 'CPRIV', response_url }));
    const [answer] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the private answer');
    const more = buttonsIn(answer!.body.blocks).find((button) => button.action_id === 'citeline_more_sources')!;
    const clickUrl = h.api.responseUrl();
    await sendInteraction(h.baseUrl, ephemeralButtonClick(more, clickUrl, 'UPRIVATE', 'CPRIV'));
    const [replaced] = await waitFor(() => h.api.postsTo(clickUrl).length > 0 && h.api.postsTo(clickUrl), 'the replaced answer');
    expect(replaced!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expectWithinSlackLimits(replaced!.body, 'the replaced answer');
    const texts = renderedTexts(replaced!.body.blocks).join('\n');
    expect(texts).toContain('> By 2015, *28%* of councils were rated Inadequate.');
    expect(texts).toContain('> Further extract number 5 about council ratings.');
    expect(buttonsIn(replaced!.body.blocks).map((button) => button.action_id)).toEqual(['citeline_feedback_helpful', 'citeline_feedback_not_helpful', 'citeline_share']);
  });
});
