/** Two Slack apps (replicas) over one database: events answered once, one rate limit, shared threads, feedback in a table. */
import { LogLevel } from '@slack/bolt';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, FakeSlackApi } from '../../src/bench/fake-slack-api.js';
import type { SlackConfig } from '../../src/config.js';
import { openDatabase } from '../../src/engine/open-database.js';
import { loadPrompts } from '../../src/prompts.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { sharedSlackState } from '../../src/slack/shared-state.js';
import type { Database } from '../../src/store/postgres/database.js';
import { BOT_TOKEN, SIGNING_SECRET, eventEnvelope, nextTs, sendEvent, waitFor } from '../slack/helpers.js';
import { TestEngine } from '../slack/test-engine.js';
import { postgresConfig, startLocalPostgres, type LocalPostgres } from './helpers.js';

let server: LocalPostgres;
let db: Database;
let api: FakeSlackApi;
const replicas: { slack: SlackApp; engine: TestEngine; url: string; logs: string[] }[] = [];

beforeAll(async () => {
  server = await startLocalPostgres();
  db = await openDatabase(postgresConfig(server.url));
  api = await new FakeSlackApi().start();
  const prompts = await loadPrompts(join(process.cwd(), 'prompts'));
  const config: SlackConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: api.apiUrl,
    allowedTeams: [],
    allowedChannels: [],
    adminUsers: [],
    rateLimitPerMinute: 3,
    threadFollowUps: true,
  };
  for (let i = 0; i < 2; i++) {
    const engine = new TestEngine();
    const logs: string[] = [];
    const state = sharedSlackState(db, config.rateLimitPerMinute);
    const slack = createSlackApp({ config, engine, prompts, feedback: state.feedback, state, log: (_level, line) => logs.push(line), logLevel: LogLevel.INFO, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } });
    const started = await slack.start();
    replicas.push({ slack, engine, url: `http://127.0.0.1:${started.port}`, logs });
  }
});

afterAll(async () => {
  for (const replica of replicas) await replica.slack.stop().catch(() => {});
  await api.stop();
  await db.close();
  await server.stop();
});

function mention(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel: 'CGENERAL', ...extra };
}

const answersIn = (threadTs: string) => api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
const a = () => replicas[0]!;
const b = () => replicas[1]!;

describe('Slack state shared through Postgres', () => {
  it('answers an event delivered to both replicas, and retried to each, exactly once', async () => {
    const event = mention('how many councils were rated Good?', { user: 'UONCE' });
    const envelope = eventEnvelope(event);
    const first = await Promise.all([sendEvent(a().url, envelope), sendEvent(b().url, envelope)]);
    expect(first.map((response) => response.status)).toEqual([200, 200]);
    const retries = await Promise.all([sendEvent(a().url, envelope, { retryNum: 1 }), sendEvent(b().url, envelope, { retryNum: 2 })]);
    expect(retries.map((response) => response.status)).toEqual([200, 200]);
    // A later event answered on both replicas shows the repeats had their chance to be (wrongly) answered.
    const barrier = mention('barrier', { user: 'UONCE' });
    await sendEvent(b().url, eventEnvelope(barrier));
    await waitFor(() => answersIn(barrier.ts).length === 1, 'the barrier answer');
    await waitFor(() => answersIn(event.ts).length >= 1, 'the answer');
    expect(answersIn(event.ts)).toHaveLength(1);
    expect(a().engine.calls.length + b().engine.calls.length).toBe(2);
    const dropped = () => [...a().logs, ...b().logs].filter((line) => line.includes(`Dropped repeated delivery of event ${envelope.event_id as string}`));
    await waitFor(() => dropped().length === 3, 'three deliveries dropped', 15_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${[...a().logs, ...b().logs].join('\n')}`);
    });
  });

  it('holds one rate limit for a user across replicas', async () => {
    const user = 'URATE';
    const events = [0, 1, 2, 3].map((i) => mention(`question number ${i} about councils`, { user }));
    for (const [i, event] of events.entries()) {
      await sendEvent((i % 2 === 0 ? a() : b()).url, eventEnvelope(event));
      await waitFor(() => answersIn(event.ts).length === 1, `reply ${i}`).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${[...a().logs, ...b().logs].join('\n')}`);
      });
    }
    const texts = events.map((event) => JSON.stringify(answersIn(event.ts)[0]!.args));
    expect(texts.slice(0, 3).every((text) => text.includes('Answer to:'))).toBe(true);
    expect(texts[3]).not.toContain('Answer to:');
    expect(texts[3]).toMatch(/3 questions/);
  });

  it('reads a follow-up sent to the other replica with the thread question', async () => {
    const first = mention('what share of councils were rated Inadequate in 2015?', { user: 'UTHREAD' });
    await sendEvent(a().url, eventEnvelope(first));
    await waitFor(() => answersIn(first.ts).length === 1, 'the first answer');
    const followUp = mention('and in 2008?', { thread_ts: first.ts, user: 'UTHREAD' });
    await sendEvent(b().url, eventEnvelope(followUp));
    await waitFor(() => answersIn(first.ts).length === 2, 'the follow-up answer');
    const call = b().engine.calls.at(-1)!;
    expect(call.question).toBe('and in 2008?');
    expect(call.options.previousQuestion).toBe('what share of councils were rated Inadequate in 2015?');
  });

  it('keeps feedback in a table', async () => {
    const { feedback } = sharedSlackState(db, 3);
    const vote = { time: new Date('2026-01-02T03:04:05.000Z').toISOString(), user: 'UVOTE', channel: 'C1', question: 'q?', answer: 'a.', passageIds: ['x#1', 'y#2'], helpful: false };
    await feedback.record(vote);
    expect((await feedback.readAll()).filter((record) => record.user === 'UVOTE')).toEqual([vote]);
  });
});
