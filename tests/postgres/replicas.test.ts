/**
 * Two replicas (`npm start` as child processes, HTTP mode, two ports) sharing one Postgres: events
 * answered exactly once under load, follow-ups across replicas, an ingest while both serve, the
 * database lost and back, one replica killed mid-answer, and a graceful SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, FakeSlackApi } from '../../src/bench/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, eventEnvelope, freePort, nextTs, renderedTexts, sendEvent, startProcess, waitFor, type StartedProcess } from '../slack/helpers.js';
import { startLocalPostgres, type LocalPostgres } from './helpers.js';

let server: LocalPostgres;
let api: FakeSlackApi;
let work: string;
let reports: string;
const children: ChildProcess[] = [];

interface Replica extends StartedProcess {
  url: string;
}

let env: Record<string, string>;
const replicas: Replica[] = [];

function run(args: string[], extra: Record<string, string> = {}): StartedProcess {
  const started = startProcess(args, { ...env, ...extra });
  children.push(started.child);
  return started;
}

async function startReplica(): Promise<Replica> {
  const port = await freePort();
  const started = run(['src/slack/main.ts'], { PORT: String(port) });
  return { ...started, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  server = await startLocalPostgres();
  api = await new FakeSlackApi().start();
  work = await mkdtemp(join(tmpdir(), 'citeline-replicas-'));
  reports = join(work, 'reports');
  await cp(resolve('reports'), reports, { recursive: true });
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_MODE: 'http',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    STORE: 'postgres',
    DATABASE_URL: server.url,
    PG_POLL_MS: '200',
    PG_CONNECT_TIMEOUT_MS: '2000',
    REPORTS_DIR: reports,
    INDEX_DIR: join(work, 'index'),
    INGEST_THREADS: '1',
    RATE_LIMIT_PER_MINUTE: '1000',
    SLACK_EVENT_TAKEOVER_MS: '500',
  };
  // Started together on an empty database: one builds the index, the other waits for it.
  replicas.push(await startReplica(), await startReplica());
  for (const replica of replicas) await waitFor(() => /Citeline is running \(http on port \d+\)/.test(replica.output()), `a replica running:\n${replica.output()}`, 110_000);
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await api.stop();
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

let user = 0;
function mention(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'app_mention', user: `UREP${user++}`, text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel: 'CREPLICAS', ...extra };
}
const answersIn = (threadTs: string) => api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
const textOf = (call: { args: Record<string, unknown> }) => [String(call.args.text ?? ''), ...renderedTexts(call.args.blocks)].join('\n');
const a = () => replicas[0]!;
/** Sends without waiting, for polling loops; `acknowledged` then awaits every such send, so none is left in flight when a replica is killed. */
const inFlight: Promise<Response>[] = [];
const sendLater = (url: string, event: Record<string, unknown>) => void inFlight.push(sendEvent(url, eventEnvelope(event)));
async function acknowledged(): Promise<number[]> {
  const responses = await Promise.all(inFlight.splice(0));
  return responses.map((response) => response.status);
}
const b = () => replicas[1]!;

describe('a replica whose database is down at start', () => {
  it('says so in one line, without a stack, and exits 1', async () => {
    const closed = await freePort();
    const started = run(['src/slack/main.ts'], { PORT: String(await freePort()), DATABASE_URL: `postgres://citeline:hunter2@127.0.0.1:${closed}/citeline` });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`Citeline could not start: The database at 127.0.0.1:${closed}/citeline cannot be reached (ECONNREFUSED)`);
    expect(started.output()).not.toMatch(/\n\s+at /);
    expect(started.output()).not.toContain('hunter2');
  }, 60_000);
});

describe('two replicas on one Postgres', () => {
  it('answers an event sent to both and retried to both exactly once, and a follow-up on the other replica with its thread', async () => {
    const event = mention('what share of councils were rated inadequate?');
    const envelope = eventEnvelope(event);
    const acks = await Promise.all([sendEvent(a().url, envelope), sendEvent(b().url, envelope)]);
    const retries = await Promise.all([sendEvent(a().url, envelope, { retryNum: 1 }), sendEvent(b().url, envelope, { retryNum: 1 })]);
    expect([...acks, ...retries].map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await waitFor(() => answersIn(event.ts).length > 0, 'the answer', 30_000);
    expect(textOf(answersIn(event.ts)[0]!)).toContain('28%');

    const followUp = mention('and in 2008?', { thread_ts: event.ts, user: event.user });
    await sendEvent(b().url, eventEnvelope(followUp));
    await waitFor(() => answersIn(event.ts).length === 2, 'the follow-up answer', 30_000);
    // Read with the thread's question: about councils rated inadequate, in 2007/08.
    const followed = textOf(answersIn(event.ts)[1]!);
    expect(followed).toMatch(/2007\/08[\s\S]*Inadequate|Inadequate[\s\S]*2007\/08/);
    // The same words outside the thread are read on their own, and answered otherwise.
    const alone = mention('and in 2008?');
    await sendEvent(a().url, eventEnvelope(alone));
    await waitFor(() => answersIn(alone.ts).length === 1, 'the answer outside the thread', 30_000);
    expect(textOf(answersIn(alone.ts)[0]!)).not.toBe(followed);
  }, 90_000);

  it('answers each of 100 events, each delivered to both replicas, exactly once', async () => {
    const events = Array.from({ length: 100 }, (_, i) => mention(i % 2 === 0 ? 'what proportion of councils got a good grade in 2007/08?' : 'who wrote Breaking the lock?'));
    const slowestAck: number[] = [];
    await Promise.all(
      events.map(async (event) => {
        const envelope = eventEnvelope(event);
        const started = performance.now();
        const responses = await Promise.all([sendEvent(a().url, envelope), sendEvent(b().url, envelope)]);
        slowestAck.push(performance.now() - started);
        expect(responses.map((response) => response.status)).toEqual([200, 200]);
      }),
    );
    await waitFor(() => events.every((event) => answersIn(event.ts).length > 0), 'every answer', 120_000);
    // Anything answered twice would have been posted by now: both replicas are idle once every answer is in.
    const barrier = mention('who wrote Breaking the lock?');
    await sendEvent(a().url, eventEnvelope(barrier));
    await waitFor(() => answersIn(barrier.ts).length === 1, 'the barrier', 30_000);
    expect(events.map((event) => answersIn(event.ts).length)).toEqual(events.map(() => 1));
    console.log(`100 events to two replicas: slowest pair of acknowledgements ${Math.round(Math.max(...slowestAck))} ms`);
  }, 180_000);

  it('picks up an ingest run while both serve, without a restart', async () => {
    await writeFile(
      join(reports, 'harbour-audit.md'),
      '---\ntitle: Harbour audit of foster placements\nsource: https://example.org/harbour\n---\n\n# Findings\n\nThe Harbour audit found that 41% of foster placements in the Quillbrook area ended within a year. Auditors recommended a named placement officer for every child.\n',
    );
    const ingest = run(['src/cli/main.ts', 'ingest']);
    // Questions keep being answered while the ingest runs.
    const during = [mention('who wrote Breaking the lock?'), mention('who wrote Breaking the lock?')];
    await Promise.all([sendEvent(a().url, eventEnvelope(during[0]!)), sendEvent(b().url, eventEnvelope(during[1]!))]);
    expect(await ingest.exited).toBe(0);
    expect(ingest.output()).toMatch(/added 1/);
    await waitFor(() => during.every((event) => answersIn(event.ts).length === 1), 'answers during the ingest', 60_000);
    for (const replica of replicas) {
      let asked: ReturnType<typeof mention> | undefined;
      await waitFor(
        () => {
          if (asked && answersIn(asked.ts).some((call) => textOf(call).includes('Quillbrook'))) return true;
          if (!asked || answersIn(asked.ts).length > 0) {
            asked = mention('what share of foster placements in the Quillbrook area ended within a year?');
            sendLater(replica.url, asked);
          }
          return false;
        },
        'the new report cited',
        60_000,
      );
    }
    expect(new Set(await acknowledged())).toEqual(new Set([200]));
  }, 120_000);

  it('says to try again while the database is down, and answers again once it is back', async () => {
    await server.pause();
    const during = mention('what share of councils were rated inadequate?');
    await sendEvent(a().url, eventEnvelope(during));
    await waitFor(() => answersIn(during.ts).length === 1, 'the reply while down', 60_000);
    expect(textOf(answersIn(during.ts)[0]!)).toContain('Please ask again in a minute');
    await server.resume();
    await waitFor(
      () => {
        const asked = mention('what share of councils were rated inadequate?');
        sendLater(a().url, asked);
        return api.callsTo('chat.postMessage').some((call) => textOf(call).includes('28%') && call.args.thread_ts !== during.ts && Number(call.args.thread_ts) > Number(during.ts));
      },
      'an answer after the database returned',
      60_000,
    );
    expect(new Set(await acknowledged())).toEqual(new Set([200]));
    expect(a().child.exitCode).toBeNull();
    expect(b().child.exitCode).toBeNull();
  }, 150_000);

  it('keeps answering on one replica when the other is killed mid-answer, and a retry of its event is answered', async () => {
    const killed = mention('what proportion of councils got a good grade in 2007/08?');
    const envelope = eventEnvelope(killed);
    const ack = await sendEvent(a().url, envelope);
    expect(ack.status).toBe(200);
    a().child.kill('SIGKILL');
    await a().exited;
    const next = mention('who wrote Breaking the lock?');
    await sendEvent(b().url, eventEnvelope(next));
    await waitFor(() => answersIn(next.ts).length === 1, 'an answer from the survivor', 30_000);
    // Slack retries what was never answered; the survivor takes it over once the dead replica's claim is stale.
    await new Promise((done) => setTimeout(done, 600));
    await sendEvent(b().url, envelope, { retryNum: 1 });
    await waitFor(() => answersIn(killed.ts).length >= 1, 'the killed replica’s question answered', 30_000);
  }, 90_000);

  it('on SIGTERM finishes the answer in flight, then exits 0', async () => {
    const last = mention('what share of councils were rated inadequate?');
    expect((await sendEvent(b().url, eventEnvelope(last))).status).toBe(200);
    b().child.kill('SIGTERM');
    expect(await b().exited).toBe(0);
    expect(answersIn(last.ts)).toHaveLength(1);
    expect(b().output()).toMatch(/SIGTERM: stopping/);
    expect(b().output()).not.toContain(BOT_TOKEN);
  }, 60_000);
});
