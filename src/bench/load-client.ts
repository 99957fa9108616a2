/**
 * The load generator of `npm run bench -- --load`, run as its own process so that sending requests
 * does not share an event loop with the app being measured. Reads {baseUrl, secret, requests} as
 * JSON on stdin, sends every request at once, prints each acknowledgement's status and time as JSON.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface LoadClientInput {
  baseUrl: string;
  secret: string;
  /** Each request goes to its own `baseUrl` when it names one (a replica), else to the input's. */
  requests: { body: string; contentType: string; baseUrl?: string }[];
}

export interface Acknowledgement {
  status: number;
  ms: number;
  /** When the request was sent (Date.now(), comparable across processes on this machine). */
  sentAt: number;
}

/** Signed exactly as Slack signs: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

async function send(input: LoadClientInput): Promise<Acknowledgement[]> {
  return Promise.all(
    input.requests.map(async ({ body, contentType, baseUrl }) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const sentAt = Date.now();
      const started = performance.now();
      const response = await fetch(`${baseUrl ?? input.baseUrl}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-slack-signature': slackSignature(input.secret, timestamp, body), 'x-slack-request-timestamp': String(timestamp) },
        body,
      });
      await response.text();
      return { status: response.status, ms: performance.now() - started, sentAt };
    }),
  );
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  let raw = '';
  process.stdin.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  process.stdin.on('end', () => {
    send(JSON.parse(raw) as LoadClientInput)
      .then((acks) => process.stdout.write(`${JSON.stringify(acks)}\n`))
      .catch((error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      });
  });
}
