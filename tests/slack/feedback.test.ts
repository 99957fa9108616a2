/** Feedback for admins: `/citeline feedback` over HTTP after real votes, and the counting both surfaces share. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/slack/feedback-store.js';
import { summariseFeedback } from '../../src/slack/feedback-summary.js';
import { ephemeralButtonClick, expectWithinSlackLimits, renderedTexts, sendForm, sendInteraction, slashCommand, startHarness, waitFor, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function command(text: string, user_id: string) {
  const response = await sendForm(h.baseUrl, slashCommand({ text, user_id, response_url: h.api.responseUrl() }));
  return JSON.parse(await response.text()) as { text: string; blocks: unknown };
}

describe('/citeline feedback', () => {
  it('shows an admin the counts and the latest not-helpful question with the answer given', async () => {
    const votes: [string, boolean, string][] = [
      ['citeline_feedback_helpful', true, 'how many councils were good?'],
      ['citeline_feedback_not_helpful', false, 'what changed for foster carers?'],
      ['citeline_feedback_helpful', true, 'which region did best?'],
    ];
    for (const [action_id, , question] of votes) {
      const value = JSON.stringify({ k: 'ask', q: question, a: `The lead given to: ${question}`, p: ['x#1'] });
      await sendInteraction(h.baseUrl, ephemeralButtonClick({ action_id, value }, h.api.responseUrl(), 'UVOTER', 'CFEED'));
    }
    await waitFor(() => h.api.responseUrlPosts.length >= 3, 'the three confirmations');

    const reply = await command('feedback', 'UADMIN');
    expectWithinSlackLimits(reply, 'the feedback summary');
    const texts = renderedTexts(reply.blocks).join('\n');
    expect(texts).toContain('• Last 7 days: 2 helpful, 1 not helpful (67% helpful)');
    expect(texts).toContain('• Last 30 days: 2 helpful, 1 not helpful (67% helpful)');
    expect(texts).toContain('*Q:* what changed for foster carers?');
    expect(texts).toContain('*Answer given:* The lead given to: what changed for foster carers?');
    expect(texts).toContain('<@UVOTER> in <#CFEED>');
    expect(texts).not.toContain('which region did best?');
  });

  it('refuses anyone who is not an admin', async () => {
    const reply = await command('feedback', 'USOMEONE');
    expect(reply.text).toBe(h.prompts.feedbackRefused);
  });
});

describe('summariseFeedback', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  const record = (time: string, helpful: boolean, question = 'q'): FeedbackRecord => ({ time, user: 'U1', channel: 'C1', question, answer: 'a', passageIds: [], helpful });

  it('counts each window by time, newest not-helpful first, and a record without a readable time only in all time', () => {
    const summary = summariseFeedback(
      [
        record('2026-06-30T11:00:00Z', false, 'today'),
        record('2026-06-23T12:00:01Z', true),
        record('2026-06-23T11:59:59Z', true),
        record('2026-06-01T12:00:00Z', false, 'a month ago'),
        record('2026-05-31T12:00:00Z', false, 'older'),
        record('not a time', false, 'undated'),
      ],
      now,
      3,
    );
    expect(summary.windows).toEqual([
      { days: 7, helpful: 1, notHelpful: 1 },
      { days: 30, helpful: 2, notHelpful: 2 },
    ]);
    expect(summary.allTime).toEqual({ helpful: 2, notHelpful: 4 });
    expect(summary.latestNotHelpful.map((entry) => entry.question)).toEqual(['today', 'a month ago', 'older']);
  });
});
