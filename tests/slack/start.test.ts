/**
 * The real entry point (`npm start` = src/slack/main.ts) as a child process: configuration errors,
 * a damaged index, HTTP mode and Socket Mode, each against the fake Slack Web API on 127.0.0.1.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { BOT_USER_ID, FakeSlackApi } from '../../src/bench/fake-slack-api.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, eventEnvelope, freePort, nextTs, renderedTexts, sendEvent, startProcess, waitFor, type StartedProcess } from './helpers.js';

let work: string;
let api: FakeSlackApi;
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-start-'));
  api = await new FakeSlackApi().start();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await api.stop();
  await rm(work, { recursive: true, force: true });
});

/** Starts main.ts with exactly these settings (no .env from the checkout: cwd stays the repo, but every setting is given). */
function start(env: Record<string, string>): StartedProcess {
  const started = startProcess(['src/slack/main.ts'], { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env });
  children.push(started.child);
  return started;
}

const slackEnv = (indexDir: string) => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: api.apiUrl,
  INDEX_DIR: indexDir,
});

describe('npm start', () => {
  it('lists every missing setting, points to .env.example and npm run chat, and exits 1', async () => {
    const run = start({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'not-a-token', INDEX_DIR: join(work, 'unused') });
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(output).toContain('SLACK_SIGNING_SECRET is required');
    expect(output).toContain('SLACK_APP_TOKEN is required when SLACK_MODE=socket');
    expect(output).toContain('.env.example');
    expect(output).toContain('npm run chat');
    expect(output).not.toContain('not-a-token');
  });

  it('in http mode builds the index on first run, answers a signed mention, and stops cleanly on SIGTERM', async () => {
    const indexDir = join(work, 'index-http');
    const port = await freePort();
    const run = start({ ...slackEnv(indexDir), SLACK_MODE: 'http', PORT: String(port) });
    await waitFor(() => /Citeline is running \(http on port \d+\)/.test(run.output()), 'the running line', 60_000);
    expect(run.output()).toMatch(/building it from/);

    const event = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> what share of councils were rated inadequate?`, ts: nextTs(), channel: 'CSTART' };
    const response = await sendEvent(`http://127.0.0.1:${port}`, eventEnvelope(event));
    expect(response.status).toBe(200);
    const [post] = await waitFor(() => {
      const posts = api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === event.ts);
      return posts.length > 0 && posts;
    }, 'the answer', 20_000);
    expect(renderedTexts(post!.args.blocks).join('\n')).toContain('28%');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain(BOT_TOKEN);
    expect(run.output()).not.toContain(SIGNING_SECRET);
  }, 90_000);

  it('refuses to start on a damaged index, naming the rebuild command', async () => {
    const indexDir = join(work, 'index-http');
    const generation = (await readdir(indexDir)).find((name) => name.startsWith('gen-'));
    await truncate(join(indexDir, generation!, 'passages.bin'), 10);
    const run = start({ ...slackEnv(indexDir), SLACK_MODE: 'http', PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('npm run ingest -- --rebuild');
    expect(run.output()).not.toContain('Citeline is running');
  }, 60_000);

  it('in Socket Mode connects with the app token, acknowledges an envelope and answers', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const acks: string[] = [];
    const event = { type: 'app_mention', user: 'USOCK', text: `<@${BOT_USER_ID}> what proportion of councils got a good grade in 2007/08?`, ts: nextTs(), channel: 'CSOCK' };
    wss.on('connection', (ws) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string };
        if (message.envelope_id) acks.push(message.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'test' } }));
      ws.send(JSON.stringify({ type: 'events_api', envelope_id: 'env-start', payload: eventEnvelope(event), accepts_response_payload: false, retry_attempt: 0, retry_reason: '' }));
    });
    try {
      const run = start({ ...slackEnv(join(work, 'index-socket')), SLACK_MODE: 'socket', SLACK_APP_TOKEN: APP_TOKEN });
      await waitFor(() => acks.includes('env-start'), 'the envelope acknowledgement', 60_000);
      const [post] = await waitFor(() => {
        const posts = api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === event.ts);
        return posts.length > 0 && posts;
      }, 'the answer', 20_000);
      expect(renderedTexts(post!.args.blocks).join('\n')).toContain('69%');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).not.toContain(APP_TOKEN);
    } finally {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    }
  }, 90_000);
});
