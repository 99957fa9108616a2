/** Starting the real Slack app against the fake Web API, and talking to it the way Slack does (signed requests). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackConfig } from '../../src/config.js';
import type { CitelineEngine } from '../../src/engine/types.js';
import { loadPrompts, type Prompts } from '../../src/prompts.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { JsonLinesFeedbackStore } from '../../src/slack/feedback-store.js';
import { LogLevel } from '@slack/bolt';
import { FakeSlackApi, TEAM_ID } from '../../src/bench/fake-slack-api.js';
import { TestEngine } from './test-engine.js';

export const BOT_TOKEN = 'xoxb-test-0000-secret-bot-token';
export const SIGNING_SECRET = 'test-signing-secret-9f8e7d6c';
export const APP_TOKEN = 'xapp-1-test-secret-app-token';

/** A TypeScript entry point run as a child process, its output gathered as it comes. */
export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `node --import tsx ...args` with exactly `env`, its stdout and stderr gathered together. */
export function startProcess(args: string[], env: Record<string, string>): StartedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Harness<E extends CitelineEngine = TestEngine> {
  api: FakeSlackApi;
  slack: SlackApp;
  engine: E;
  prompts: Prompts;
  feedback: JsonLinesFeedbackStore;
  logs: string[];
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<SlackConfig> = {}, api?: FakeSlackApi): Promise<Harness> {
  return startHarnessWith(new TestEngine(), overrides, api);
}

/** The same app and fake Slack with any engine, for example the real one over reports/. */
export async function startHarnessWith<E extends CitelineEngine>(engine: E, overrides: Partial<SlackConfig> = {}, api?: FakeSlackApi): Promise<Harness<E>> {
  const fake = api ?? (await new FakeSlackApi().start());
  const dir = await mkdtemp(join(tmpdir(), 'citeline-slack-'));
  const prompts = await loadPrompts(join(process.cwd(), 'prompts'));
  const feedback = JsonLinesFeedbackStore.inIndexDir(join(dir, 'index'));
  const logs: string[] = [];
  const config: SlackConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    allowedTeams: [],
    allowedChannels: [],
    adminUsers: ['UADMIN'],
    rateLimitPerMinute: 20,
    threadFollowUps: true,
    ...overrides,
  };
  const slack = createSlackApp({
    config,
    engine,
    prompts,
    feedback,
    log: (_level, line) => logs.push(line),
    // Debug level, so the tests also see what Bolt and the Web API client log about requests.
    logLevel: LogLevel.DEBUG,
    retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 },
  });
  const started = await slack.start();
  return {
    api: fake,
    slack,
    engine,
    prompts,
    feedback,
    logs,
    baseUrl: `http://127.0.0.1:${started.port ?? 0}`,
    async close() {
      await slack.stop().catch(() => {});
      if (!api) await fake.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  secret?: string;
  retryNum?: number;
}

/** POSTs to /slack/events signed as Slack signs: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export async function sendSigned(baseUrl: string, rawBody: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-signature': signature,
      'x-slack-request-timestamp': String(timestamp),
      ...(options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body: rawBody,
  });
}

let eventCounter = 0;

/** An Events API envelope around `event`, as Slack sends it. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${eventCounter++}`): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: 'UBOT', is_bot: true }],
    event: { event_ts: event.ts, ...event },
  };
}

export function sendEvent(baseUrl: string, envelope: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return sendSigned(baseUrl, JSON.stringify(envelope), 'application/json', options);
}

export function sendForm(baseUrl: string, fields: Record<string, string>, options: SendOptions = {}): Promise<Response> {
  return sendSigned(baseUrl, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** Interactivity (block_actions, message_action) arrives as a form with one field, `payload`, holding JSON. */
export function sendInteraction(baseUrl: string, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return sendForm(baseUrl, { payload: JSON.stringify(payload) }, options);
}

export function slashCommand(fields: { text: string; user_id: string; channel_id?: string; response_url: string; team_id?: string }): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: fields.team_id ?? TEAM_ID,
    team_domain: 'example',
    channel_id: fields.channel_id ?? 'CGENERAL',
    channel_name: 'general',
    user_id: fields.user_id,
    user_name: fields.user_id.toLowerCase(),
    command: '/citeline',
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.response_url,
    trigger_id: '123.456.abc',
  };
}

let tsCounter = 1;
export function nextTs(): string {
  return `${1700000000 + tsCounter++}.000${100 + tsCounter}`;
}

/** Polls until `predicate` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(predicate: () => T | undefined | false | null, what = 'condition', timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every string Slack would render: `text` fields at any depth (block text, fallback text, context elements). */
export function renderedTexts(value: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (key === 'text') out.push(node);
      return;
    }
    if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(value);
  return out;
}

export interface ButtonElement {
  action_id: string;
  value: string;
  text: { text: string };
}

export function buttonsIn(blocks: unknown): ButtonElement[] {
  const list = Array.isArray(blocks) ? (blocks as { type: string; elements?: ButtonElement[] }[]) : [];
  return list.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

/** A click on a button of an ephemeral message, as Slack posts it (block_actions). */
export function ephemeralButtonClick(button: { action_id: string; value: string }, response_url: string, user = 'UREADER', channel = 'CGENERAL'): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, team_id: 'T0001' },
    team: { id: 'T0001' },
    api_app_id: 'A0001',
    container: { type: 'message', message_ts: '1.2', channel_id: channel, is_ephemeral: true },
    channel: { id: channel, name: 'general' },
    trigger_id: '1.2.3',
    response_url,
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }],
  };
}

/**
 * Fails unless a message's Block Kit is within Slack's limits: at most 50 blocks, section text and fields
 * at most 3,000 characters, context elements at most 2,000, button values at most 2,000, fallback text given.
 */
export function expectWithinSlackLimits(message: { blocks?: unknown; text?: unknown }, what = 'message'): void {
  const blocks = (Array.isArray(message.blocks) ? message.blocks : []) as Record<string, unknown>[];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, i) => {
    const text = (block.text as { text?: string } | undefined)?.text;
    if (block.type === 'section' && typeof text === 'string' && text.length > 3000) problems.push(`section ${i} has ${text.length} characters`);
    if (block.type === 'header' && typeof text === 'string' && text.length > 150) problems.push(`header ${i} has ${text.length} characters`);
    for (const element of (block.elements as Record<string, unknown>[] | undefined) ?? []) {
      if (block.type === 'context' && typeof element.text === 'string' && element.text.length > 2000) problems.push(`context ${i} has ${element.text.length} characters`);
      if (typeof element.value === 'string' && element.value.length > 2000) problems.push(`button value in block ${i} has ${element.value.length} characters`);
      const label = (element.text as { text?: string } | undefined)?.text;
      if (element.type === 'button' && typeof label === 'string' && label.length > 75) problems.push(`button label in block ${i} has ${label.length} characters`);
    }
    if (block.type === 'context' && ((block.elements as unknown[] | undefined)?.length ?? 0) > 10) problems.push(`context ${i} has more than 10 elements`);
  });
  if (message.text !== undefined && typeof message.text !== 'string') problems.push('fallback text is not a string');
  if (problems.length > 0) throw new Error(`${what} is outside Slack's limits: ${problems.join('; ')}`);
}
