/**
 * Socket Mode end to end: the fake apps.connections.open hands out the URL of a WebSocket server started here,
 * which plays Slack's side (hello, then an events_api envelope) and checks the acknowledgement.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOT_USER_ID, FakeSlackApi } from '../../src/bench/fake-slack-api.js';
import { APP_TOKEN, BOT_TOKEN, eventEnvelope, nextTs, renderedTexts, startHarness, waitFor, type Harness } from './helpers.js';

let api: FakeSlackApi;
let wss: WebSocketServer;
let h: Harness;
let socket: WebSocket | undefined;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'test' } }));
  });
  h = await startHarness({ mode: 'socket', appToken: APP_TOKEN }, api);
});

afterAll(async () => {
  await h.close();
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await api.stop();
});

function sendEnvelope(envelopeId: string, payload: Record<string, unknown>, retryAttempt = 0) {
  socket!.send(JSON.stringify({ type: 'events_api', envelope_id: envelopeId, payload, accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' }));
}

describe('Socket Mode', () => {
  it('opens the connection with the app-level token, acknowledges the envelope and posts the answer', async () => {
    const open = api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const event = { type: 'app_mention', user: 'USOCKET', text: `<@${BOT_USER_ID}> what share of councils were rated Good in 2015?`, ts: nextTs(), channel: 'CSOCKET' };
    sendEnvelope('env-1', eventEnvelope(event, 'EvSocket1'));

    await waitFor(() => received.find((message) => message.envelope_id === 'env-1'), 'the acknowledgement');
    const [post] = await waitFor(() => {
      const posts = api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CSOCKET');
      return posts.length > 0 && posts;
    }, 'the answer');
    expect(post!.args.thread_ts).toBe(event.ts);
    expect(post!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(renderedTexts(post!.args.blocks).join('\n')).toContain('Answer to: what share of councils were rated Good in 2015?');
  });

  it('acknowledges a redelivery (retry_attempt 1, same event_id) without answering again', async () => {
    const event = { type: 'app_mention', user: 'USOCKET', text: `<@${BOT_USER_ID}> and how many were Outstanding?`, ts: nextTs(), channel: 'CSOCKET2' };
    const envelope = eventEnvelope(event, 'EvSocket2');
    sendEnvelope('env-2', envelope);
    const answers = () => api.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CSOCKET2');
    await waitFor(() => answers().length === 1, 'the first answer');
    sendEnvelope('env-3', envelope, 1);
    await waitFor(() => received.find((message) => message.envelope_id === 'env-3'), 'the acknowledgement of the retry');
    // Barrier: a new event sent after the retry is answered; by then the retry would have been too.
    const barrier = { type: 'app_mention', user: 'USOCKET', text: `<@${BOT_USER_ID}> barrier question here`, ts: nextTs(), channel: 'CSOCKET2' };
    sendEnvelope('env-4', eventEnvelope(barrier, 'EvSocket4'));
    await waitFor(() => answers().length === 2, 'the barrier answer');
    expect(answers().filter((call) => call.args.thread_ts === event.ts)).toHaveLength(1);
  });
});
