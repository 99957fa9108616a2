/**
 * The Slack app with the real engine over the bundled sample (plus one hostile report), end to end:
 * signed requests in over HTTP, Web API calls out to the fake Slack.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';
import { BOT_USER_ID } from '../../src/bench/fake-slack-api.js';
import {
  buttonsIn,
  ephemeralButtonClick,
  eventEnvelope,
  nextTs,
  renderedTexts,
  sendEvent,
  sendForm,
  sendInteraction,
  slashCommand,
  startHarnessWith,
  waitFor,
  type Harness,
} from './helpers.js';

let work: string;
let h: Harness<Citeline>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-real-slack-'));
  const reports = join(work, 'reports');
  await cp('reports', reports, { recursive: true });
  // A report written to provoke: Slack markup that must never ping anyone when quoted.
  await writeFile(
    join(reports, 'hostile.md'),
    'title: Notice board <!here>\nsource: https://example.org/notice\n\n# Notice\n\nThe caretaker notice says <!channel> and <@U123> should read the boiler inspection log every Friday.\n',
  );
  const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: reports, indexDir: join(work, 'index') }, { buildIfMissing: true });
  h = await startHarnessWith(engine);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await rm(work, { recursive: true, force: true });
});

function postsInThread(ts: string) {
  return h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
}

async function command(text: string) {
  const response_url = h.api.responseUrl();
  const response = await sendForm(h.baseUrl, slashCommand({ text, user_id: 'UREADER', response_url }));
  expect(response.status).toBe(200);
  const body = await response.text();
  return { response_url, ack: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
}

describe('Slack with the real engine', () => {
  it('answers a mention in its thread with the 28% extract and its source link', async () => {
    const event = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> what share of councils were rated inadequate?`, ts: nextTs(), channel: 'CGENERAL' };
    expect((await sendEvent(h.baseUrl, eventEnvelope(event))).status).toBe(200);
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the answer', 15_000);
    const texts = renderedTexts(post!.args.blocks).join('\n');
    expect(texts).toContain('28%');
    expect(texts).toContain('<https://schoolsimprovement.net/a-brave-new-world-is-inspection-improving-childrens-services/|A brave new world');
  });

  it('carries a thread on without a mention, reading a follow-up with the thread’s question only when it cannot stand alone', async () => {
    const first = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> what proportion of councils got a good grade in 2015?`, ts: nextTs(), channel: 'CTHREADS' };
    await sendEvent(h.baseUrl, eventEnvelope(first));
    await waitFor(() => postsInThread(first.ts).length === 1, 'the first answer', 15_000);
    expect(renderedTexts(postsInThread(first.ts)[0]!.args.blocks).join('\n')).toContain('18%');
    const reply = (text: string) => ({ type: 'message', channel_type: 'channel', user: 'UOTHER', text, ts: nextTs(), channel: 'CTHREADS', thread_ts: first.ts });
    await sendEvent(h.baseUrl, eventEnvelope(reply('and in 2007/08?')));
    await waitFor(() => postsInThread(first.ts).length === 2, 'the follow-up answer', 15_000);
    // Read with "a good grade", the figure for the other year.
    expect(renderedTexts(postsInThread(first.ts)[1]!.args.blocks).join('\n')).toContain('69%');
    // Gibberish is not read as "good in 2015" again: no figure of that question comes back.
    await sendEvent(h.baseUrl, eventEnvelope(reply('asdf qwerty zzkj flibble?')));
    await waitFor(() => postsInThread(first.ts).length === 3, 'the reply to gibberish', 15_000);
    const gibberish = renderedTexts(postsInThread(first.ts)[2]!.args.blocks).join('\n');
    expect(gibberish).toContain(h.prompts.noAnswer);
    expect(gibberish).not.toMatch(/^\*(18|69)%\*/m);
  });

  it('says when the reports do not answer, and labels the closest extracts', async () => {
    const event = { type: 'message', channel_type: 'im', user: 'UASKER', text: 'what is the capital of Peru?', ts: nextTs(), channel: 'DASKER' };
    await sendEvent(h.baseUrl, eventEnvelope(event));
    const [post] = await waitFor(() => {
      const posts = h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'DASKER');
      return posts.length > 0 && posts;
    }, 'the DM reply', 15_000);
    const texts = renderedTexts(post!.args.blocks).join('\n');
    expect(texts).toContain(h.prompts.noAnswer);
    expect(texts).toContain('Closest extract 1');
  });

  it('quotes a report holding Slack markup without pinging anyone', async () => {
    const event = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> what does the caretaker notice say about the boiler inspection log?`, ts: nextTs(), channel: 'CGENERAL' };
    await sendEvent(h.baseUrl, eventEnvelope(event));
    const [post] = await waitFor(() => postsInThread(event.ts).length > 0 && postsInThread(event.ts), 'the answer', 15_000);
    // Every text Slack renders (blocks and the notification text); button values are data, never rendered.
    const everything = [post!.args.text, ...renderedTexts(post!.args.blocks)].join('\n');
    expect(everything).toContain('&lt;!channel&gt;');
    expect(everything).not.toContain('<!channel>');
    expect(everything).not.toContain('<@U123>');
    expect(everything).not.toContain('<!here>');
  });

  /** Find sources on a message posted in #claims: the reply's rendered text, from its thread. */
  async function findSources(claim: string): Promise<string> {
    const ts = nextTs();
    await sendInteraction(h.baseUrl, {
      type: 'message_action',
      callback_id: 'find_sources',
      trigger_id: `1.2.${ts}`,
      response_url: h.api.responseUrl(),
      team: { id: 'T0001', domain: 'example' },
      channel: { id: 'CCLAIMS', name: 'claims' },
      user: { id: 'UCHECKER', team_id: 'T0001' },
      message_ts: ts,
      message: { type: 'message', user: 'UCLAIMANT', ts, text: claim },
      token: 'verification-token',
      action_ts: ts,
    });
    const [post] = await waitFor(() => postsInThread(ts).length > 0 && postsInThread(ts), 'the sources reply', 15_000);
    return renderedTexts(post!.args.blocks).join('\n');
  }

  it('finds the sources of a claim posted in a channel, in its thread', async () => {
    // The quote that bears on the claim, its figure highlighted (each passage is quoted once).
    expect(await findSources('inadequate ratings rose to 28% by 2015')).toMatch(/^> .*rated Inadequate.*\*28%\*|^> .*\*28%\*.*rated Inadequate/m);
  });

  it('says no line backs a claim whose figure no line states, and shows the closest lines', async () => {
    const texts = await findSources('inadequate ratings rose to 35% by 2015');
    expect(texts).toContain('I could not find lines in the reports that back that');
    expect(texts).toContain('28%');
  });

  it('/citeline sources lists the indexed documents with passage counts', async () => {
    const { ack } = await command('sources');
    const texts = renderedTexts(ack.blocks).join('\n');
    expect(texts).toContain('*5 documents indexed*');
    expect(texts).toMatch(/Breaking the lock \(summary\)> · \d+ passages/);
  });

  it('/citeline stats good 2007/08 gives 69% with its quote and source', async () => {
    const { ack } = await command('stats good 2007/08');
    const texts = renderedTexts(ack.blocks).join('\n');
    expect(texts).toMatch(/1\. \*69%\* · Good · 2007\/08/);
    expect(texts).toContain('69% of councils inspected were rated Good');
    expect(texts).toContain('<https://schoolsimprovement.net/');
  });

  it('/citeline stats shows the first rows and a More button that shows the rest', async () => {
    const { ack } = await command('stats');
    const texts = renderedTexts(ack.blocks).join('\n');
    const total = Number(/\*(\d+) figures\*/.exec(texts)?.[1]);
    expect(total).toBeGreaterThan(8);
    const [more] = buttonsIn(ack.blocks);
    expect(more?.action_id).toBe('citeline_stats_more');

    const response_url = h.api.responseUrl();
    await sendInteraction(h.baseUrl, ephemeralButtonClick(more!, response_url));
    const [rest] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the rest of the figures');
    const restTexts = renderedTexts(rest!.body.blocks).join('\n');
    expect(restTexts).toContain('(from 9)');
    expect(restTexts).toMatch(/^9\. /m);
  });
});
