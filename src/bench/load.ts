/**
 * `citeline bench --load`: the real Bolt app over HTTP, with the real engine over the bundled
 * sample, takes N signed requests at once (mentions and slash commands) from another process, on
 * 127.0.0.1 only. Prints acknowledgement and answer latencies and checks each is answered once.
 * With `--store postgres`, two replicas share one Postgres (a throwaway in-process one): every
 * mention is delivered to both, as Slack's retries to a second replica would, and each slash
 * command to one of them, as a load balancer would; each must still be answered once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LogLevel } from '@slack/bolt';
import { parseCoreConfig } from '../config.js';
import { openCitelineEngine } from '../engine/citeline.js';
import { loadPrompts } from '../prompts.js';
import { createSlackApp } from '../slack/app.js';
import { sharedSlackState } from '../slack/shared-state.js';
import { Database } from '../store/postgres/database.js';
import { startLocalPostgres } from '../store/postgres/pglite-server.js';
import { JsonLinesFeedbackStore } from '../slack/feedback-store.js';
import { BOT_USER_ID, FakeSlackApi, TEAM_ID } from './fake-slack-api.js';
import type { Acknowledgement, LoadClientInput } from './load-client.js';
import { percentile } from './measure.js';
import { round } from '../util/round.js';

const SIGNING_SECRET = 'load-test-signing-secret';
const QUESTIONS = [
  'what share of councils were rated inadequate?',
  'what % of authorities got a good rating in 2007/08?',
  'what happens to a council after an inadequate judgement?',
  'how did Ofsted respond to iMPOWER?',
  'what did the report say about confidence in inspection?',
];

export interface LoadResult {
  requests: number;
  /** 1, or 2 replicas sharing Postgres. */
  replicas: number;
  /** HTTP deliveries: a mention sent to both replicas is two. */
  deliveries: number;
  ackP50Ms: number;
  ackP95Ms: number;
  ackMaxMs: number;
  ackedWithin3s: number;
  answered: number;
  answeredTwice: number;
  answerP50Ms: number;
  answerP95Ms: number;
}

export async function runLoad(requests: number, options: { store?: 'local' | 'postgres' } = {}): Promise<LoadResult> {
  const work = await mkdtemp(join(tmpdir(), 'citeline-load-'));
  const api = await new FakeSlackApi().start();
  const replicas = options.store === 'postgres' ? await postgresReplicas(work, api) : [await localReplica(work, api)];
  try {
    const baseUrls = replicas.map((replica) => replica.baseUrl);
    const baseUrl = baseUrls[0] as string;
    const sent = Array.from({ length: requests }, (_, i) => (i % 2 === 0 ? mention(i) : command(i, api)));
    const answeredAt = new Map<string, number>();
    const watching = watchAnswers(sent, api, answeredAt);
    // A mention goes to every replica; a command to one, in turn.
    const deliveries = sent.flatMap(({ body, contentType, kind }, i) =>
      (kind === 'mention' ? baseUrls : [baseUrls[Math.floor(i / 2) % baseUrls.length] as string]).map((url) => ({ body, contentType, baseUrl: url, request: i })),
    );
    const acks = await sendFromAnotherProcess({ baseUrl, secret: SIGNING_SECRET, requests: deliveries.map(({ body, contentType, baseUrl: url }) => ({ body, contentType, baseUrl: url })) });
    const firstSent = new Map<number, number>();
    deliveries.forEach(({ request }, i) => firstSent.set(request, Math.min(firstSent.get(request) ?? Infinity, acks[i]?.sentAt ?? Infinity)));
    await watching;
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show now
    const answerMs = sent.flatMap((request, i) => {
      const at = answeredAt.get(request.key);
      return at === undefined ? [] : [at - (firstSent.get(i) ?? at)];
    });
    const ackMs = acks.map((a) => a.ms);
    const ackedWithin3s = acks.filter((a) => a.status === 200 && a.ms < 3000).length;
    return {
      requests,
      replicas: replicas.length,
      deliveries: deliveries.length,
      ackP50Ms: round(percentile(ackMs, 50), 1),
      ackP95Ms: round(percentile(ackMs, 95), 1),
      ackMaxMs: round(Math.max(...ackMs), 1),
      ackedWithin3s,
      answered: answeredAt.size,
      answeredTwice: sent.filter((request) => request.answers(api) > 1).length,
      answerP50Ms: round(percentile(answerMs, 50), 1),
      answerP95Ms: round(percentile(answerMs, 95), 1),
    };
  } finally {
    for (const replica of replicas) await replica.stop().catch(() => {});
    await api.stop();
    await rm(work, { recursive: true, force: true });
  }
}

interface Replica {
  baseUrl: string;
  stop(): Promise<void>;
}

const SLACK_CONFIG = {
  mode: 'http' as const,
  botToken: 'xoxb-load-test',
  signingSecret: SIGNING_SECRET,
  port: 0,
  allowedTeams: [],
  allowedChannels: [],
  adminUsers: [],
  rateLimitPerMinute: 1000,
  threadFollowUps: true,
};

/** One process's app, its index in files and its Slack state in memory. */
async function localReplica(work: string, api: FakeSlackApi): Promise<Replica> {
  const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: resolve('reports'), indexDir: join(work, 'index') }, { buildIfMissing: true });
  await engine.ask(QUESTIONS[0] as string); // warm, as npm start does
  const slack = createSlackApp({
    config: { ...SLACK_CONFIG, apiUrl: api.apiUrl },
    engine,
    prompts: await loadPrompts('prompts'),
    feedback: JsonLinesFeedbackStore.inIndexDir(join(work, 'index')),
    log: () => {},
    logLevel: LogLevel.ERROR,
  });
  const started = await slack.start();
  return { baseUrl: `http://127.0.0.1:${started.port}`, stop: async () => void (await slack.stop()) };
}

/** Two apps as `npm start` runs them with STORE=postgres, sharing a throwaway in-process Postgres. */
async function postgresReplicas(work: string, api: FakeSlackApi): Promise<Replica[]> {
  const server = await startLocalPostgres();
  const postgres = { url: server.url, schema: 'load', poolMax: 8, connectTimeoutMs: 5000, statementTimeoutMs: 60_000, pollMs: 2000 };
  const core = { ...parseCoreConfig({}), reportsDir: resolve('reports'), indexDir: join(work, 'index'), store: 'postgres' as const, postgres };
  const prompts = await loadPrompts('prompts');
  const replicas: Replica[] = [];
  for (let i = 0; i < 2; i++) {
    // The first builds the index in the database; the second opens it.
    const engine = await openCitelineEngine(core, { buildIfMissing: true });
    await engine.ask(QUESTIONS[0] as string);
    const stateDb = new Database(postgres);
    const state = sharedSlackState(stateDb, SLACK_CONFIG.rateLimitPerMinute);
    const slack = createSlackApp({ config: { ...SLACK_CONFIG, apiUrl: api.apiUrl }, engine, prompts, feedback: state.feedback, state, log: () => {}, logLevel: LogLevel.ERROR });
    const started = await slack.start();
    replicas.push({
      baseUrl: `http://127.0.0.1:${started.port}`,
      stop: async () => {
        await slack.stop();
        await engine.close();
        await stateDb.close();
      },
    });
  }
  // The server goes down after the last replica has let go of it.
  const last = replicas[replicas.length - 1] as Replica;
  replicas[replicas.length - 1] = {
    ...last,
    stop: async () => {
      await last.stop();
      await server.stop();
    },
  };
  return replicas;
}

/** Notes when each request's first answer reaches the fake Slack, until all have or 60 s pass. */
async function watchAnswers(sent: readonly SentRequest[], api: FakeSlackApi, answeredAt: Map<string, number>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && answeredAt.size < sent.length) {
    for (const request of sent) if (!answeredAt.has(request.key) && request.answers(api) > 0) answeredAt.set(request.key, Date.now());
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface SentRequest {
  key: string;
  kind: 'mention' | 'command';
  body: string;
  contentType: string;
  /** How many answers the fake Slack has received for this request. */
  answers(api: FakeSlackApi): number;
}

function mention(i: number): SentRequest {
  const ts = `1800000000.${String(i).padStart(6, '0')}`;
  const envelope = {
    token: 't',
    team_id: TEAM_ID,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `EvLoad${i}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    event: { type: 'app_mention', user: `ULOAD${i}`, text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`, ts, event_ts: ts, channel: 'CLOAD' },
  };
  return {
    key: `mention-${i}`,
    kind: 'mention',
    body: JSON.stringify(envelope),
    contentType: 'application/json',
    answers: (api) => api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts).length,
  };
}

function command(i: number, api: FakeSlackApi): SentRequest {
  const responseUrl = api.responseUrl();
  const fields = {
    token: 't',
    team_id: TEAM_ID,
    channel_id: 'CLOAD',
    user_id: `ULOAD${i}`,
    command: '/citeline',
    text: QUESTIONS[i % QUESTIONS.length] as string,
    api_app_id: 'A0001',
    response_url: responseUrl,
    trigger_id: `${i}.1`,
  };
  return {
    key: `command-${i}`,
    kind: 'command',
    body: new URLSearchParams(fields).toString(),
    contentType: 'application/x-www-form-urlencoded',
    answers: (fake) => fake.postsTo(responseUrl).length,
  };
}

const CLIENT_SCRIPT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

function sendFromAnotherProcess(input: LoadClientInput): Promise<Acknowledgement[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENT_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the load client exited with ${code}`));
      resolvePromise(JSON.parse(output) as Acknowledgement[]);
    });
    child.stdin.end(JSON.stringify(input));
  });
}
