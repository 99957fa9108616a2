/**
 * A stand-in for Slack's Web API on 127.0.0.1 (for the Slack tests and the load benchmark): it answers the methods Citeline calls, records every call
 * (form-encoded or JSON, as @slack/web-api sends them), hands out response_urls on itself and records what is
 * posted to them, and can be told to fail the next calls (429 with Retry-After, 500, or an `ok: false` error).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const TEAM_ID = 'T0001';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** A file shared in Slack, as events and files.info describe it; its bytes are served at url_private. */
export interface SharedFile {
  id: string;
  name: string;
  title: string;
  size: number;
  mimetype: string;
  filetype: string;
  url_private: string;
  url_private_download: string;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

interface PendingFailure {
  method?: string;
  remaining: number;
  failure: Failure;
}

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  /** Every request that reached the server, failed ones included. */
  readonly attempts: string[] = [];
  /** What apps.connections.open returns (Socket Mode). */
  socketUrl: string | undefined;
  private failures: PendingFailure[] = [];
  private server: Server | undefined;
  private port = 0;
  private nextTs = 1000;
  private nextResponseUrl = 1;
  private files = new Map<string, { file: SharedFile; bytes: Uint8Array }>();
  private nextFile = 1;
  /** The Authorization header of each download of a file's url_private, in order. */
  readonly downloads: { id: string; authorization?: string }[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The value for SLACK_API_URL (the Web API client appends the method name). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url, as Slack puts in slash command and interaction payloads. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${this.nextResponseUrl++}`;
  }

  /** The next `count` calls (to `method`, or to any method but auth.test) fail as described. */
  failNext(count: number, failure: Failure, method?: string): void {
    this.failures.push({ remaining: count, failure, ...(method ? { method } : {}) });
  }

  /**
   * A file as if shared in Slack: its url_private is served here to a request bearing a bot token
   * (as Slack's needs files:read). `size` may claim other than the bytes' length (a huge file).
   */
  addFile(name: string, bytes: Uint8Array, options: { size?: number; mimetype?: string } = {}): SharedFile {
    const id = `F${String(this.nextFile++).padStart(6, '0')}`;
    const url = `http://127.0.0.1:${this.port}/files-pri/${TEAM_ID}-${id}/${encodeURIComponent(name)}`;
    const file: SharedFile = {
      id,
      name,
      title: name,
      size: options.size ?? bytes.length,
      mimetype: options.mimetype ?? 'application/octet-stream',
      filetype: name.includes('.') ? name.split('.').pop()!.toLowerCase() : 'binary',
      url_private: url,
      url_private_download: `${url}?download=1`,
    };
    this.files.set(id, { file, bytes });
    return file;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  postsTo(responseUrl: string): ResponseUrlPost[] {
    const id = responseUrl.split('/').pop();
    return this.responseUrlPosts.filter((post) => post.id === id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''));

    if (url.pathname.startsWith('/files-pri/')) {
      const id = url.pathname.split('/')[2]!.split('-').pop()!;
      const authorization = req.headers.authorization;
      this.downloads.push({ id, ...(authorization ? { authorization } : {}) });
      const stored = this.files.get(id);
      // Without a bot token Slack answers with its sign-in page, not the file.
      if (!stored || !/^Bearer xoxb-/.test(authorization ?? '')) {
        res.writeHead(stored ? 302 : 404, { 'Content-Type': 'text/html', Location: 'https://example.slack.com/?redir=files' });
        return void res.end('<html><body>Sign in</body></html>');
      }
      res.writeHead(200, { 'Content-Type': stored.file.mimetype, 'Content-Length': String(stored.bytes.length) });
      return void res.end(stored.bytes);
    }

    if (url.pathname.startsWith('/response/')) {
      this.responseUrlPosts.push({ id: url.pathname.slice('/response/'.length), body });
      return sendJson(res, 200, { ok: true });
    }

    const method = url.pathname.replace(/^\/api\//, '');
    this.attempts.push(method);
    const failure = this.takeFailure(method);
    if (failure) {
      if ('error' in failure) return sendJson(res, 200, { ok: false, error: failure.error });
      if (failure.status === 429) {
        res.writeHead(429, { 'Retry-After': String(failure.retryAfter), 'Content-Type': 'application/json' });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      return sendJson(res, 500, { ok: false, error: 'internal_error' });
    }

    this.calls.push({ method, args: body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    return sendJson(res, 200, this.answer(method, body));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'citeline', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        return { ok: true, channel: args.channel, ts, message: { ...args, ts, bot_id: BOT_ID } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs++}.000200` };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed' };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'views.publish':
        return { ok: true, view: { id: `V${this.nextTs++}`, type: 'home', ...(args.view && typeof args.view === 'object' ? args.view : {}) } };
      case 'files.info': {
        const stored = this.files.get(String(args.file));
        return stored ? { ok: true, file: stored.file } : { ok: false, error: 'file_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private takeFailure(method: string): Failure | undefined {
    const pending = this.failures.find((f) => f.remaining > 0 && (f.method ? f.method === method : method !== 'auth.test'));
    if (!pending) return undefined;
    pending.remaining -= 1;
    return pending.failure;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** @slack/web-api sends form fields, with arrays and objects (blocks) as JSON strings inside them. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
