/**
 * Reports added from Slack: a PDF, DOCX, HTML, Markdown or text file shared with "@Citeline add this"
 * (in a channel Citeline is in, or in its DM), or the "Add to Citeline" message shortcut on a message
 * with files. The file is downloaded with the bot token (files:read), saved into REPORTS_DIR
 * (written to a hidden temporary name, then renamed), the index is rebuilt, and the thread is told
 * what was indexed or why a file was skipped. Only SLACK_ADMIN_USERS may add, and SLACK_INGEST_USERS
 * (user ids, or * for everyone). A file over MAX_REPORT_MB or of a type Citeline does not read is
 * refused before it is downloaded.
 *
 * The mention and DM are caught by a global middleware, so the question handlers never answer
 * "add this" as a question.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, MessageShortcut, webApi } from '@slack/bolt';
import type { SlackIngestConfig } from '../../config.js';
import { formatOf, unsupportedReason } from '../../ingest/formats.js';
import { deliver, describeSlackError } from '../deliver.js';
import type { HandlerDeps } from './handler-deps.js';
import { WORKING_REACTION, whileReacting } from './reactions.js';

export const ADD_REPORT_CALLBACK_ID = 'add_to_citeline';

/** "add this", "please add these", "add it", "add the file": what asks for an added report. */
const ADD_REQUEST = /^\s*(?:please\s+)?add\s+(?:this|these|it|them|the\s+files?|this\s+(?:file|report))\b/i;

/** A file as events and files.info describe it (the fields used here). */
export interface SlackFile {
  id: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  file_access?: string;
}

/** What happened to one file. */
type FileOutcome = { name: string; saved: true; path: string } | { name: string; saved: false; reason: string };

export function registerAddReportHandler(app: App, deps: HandlerDeps): void {
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const body = args.body as { type?: unknown; event?: Record<string, unknown> };
    const event = body.type === 'event_callback' ? body.event : undefined;
    if (!event || !isAddRequest(event, args.context.botUserId)) return args.next();
    const channel = String(event.channel);
    const ts = String(event.ts);
    const threadTs = typeof event.thread_ts === 'string' ? event.thread_ts : ts;
    const reply = (text: string) =>
      deliver(deps.logger, `reply to an added report in ${channel}`, () => args.client.chat.postMessage({ channel, thread_ts: threadTs, text, unfurl_links: false }));
    await whileReacting(args.client, deps.logger, { channel, timestamp: ts, name: WORKING_REACTION }, async () => {
      await reply(await addReports(deps, args.client, String(event.user), (event.files as SlackFile[] | undefined) ?? []));
    });
  });

  app.shortcut<MessageShortcut>({ callback_id: ADD_REPORT_CALLBACK_ID, type: 'message_action' }, async ({ shortcut, ack, client, respond }) => {
    await ack();
    const channel = shortcut.channel.id;
    const message = shortcut.message as MessageShortcut['message'] & { files?: SlackFile[] };
    const text = await addReports(deps, client, shortcut.user.id, message.files ?? []);
    try {
      await client.chat.postMessage({ channel, thread_ts: message.thread_ts ?? message.ts, text, unfurl_links: false });
    } catch (error) {
      deps.logger.warn(`Could not reply in ${channel} to Add to Citeline; answering privately instead (${describeSlackError(error)}).`);
      await deliver(deps.logger, `send Add to Citeline to ${shortcut.user.id}`, () => respond({ response_type: 'ephemeral', text }));
    }
  });
}

/** An "@Citeline add this" mention, or a DM to Citeline with files and that text (or none). */
export function isAddRequest(event: Record<string, unknown>, botUserId?: string): boolean {
  const text = typeof event.text === 'string' ? event.text.replace(/<@[A-Z0-9]+>/g, ' ') : '';
  if (event.type === 'app_mention') return ADD_REQUEST.test(text);
  if (event.type !== 'message' || event.channel_type !== 'im' || (botUserId !== undefined && event.user === botUserId)) return false;
  const files = Array.isArray(event.files) && event.files.length > 0;
  return ADD_REQUEST.test(text) || (files && text.trim() === '');
}

export function mayAddReports(ingest: SlackIngestConfig | undefined, adminUsers: readonly string[], user: string): boolean {
  if (adminUsers.includes(user)) return true;
  if (!ingest) return false;
  return ingest.users === 'everyone' || ingest.users.includes(user);
}

/** Checks, downloads, saves and indexes the files; returns the reply for the thread. */
async function addReports(deps: HandlerDeps, client: webApi.WebClient, user: string, files: readonly SlackFile[]): Promise<string> {
  const ingest = deps.config.ingest;
  if (!ingest) return 'Adding reports from Slack is not set up here: the app was started without a reports folder.';
  if (!mayAddReports(ingest, deps.config.adminUsers, user)) {
    return 'Only the people named in SLACK_ADMIN_USERS (or SLACK_INGEST_USERS) can add reports. Ask one of them to add this file.';
  }
  if (files.length === 0) return 'I found no file on that message. Share the file in the same message as "@Citeline add this".';

  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await saveFile(deps, client, ingest, file));
  const saved = outcomes.filter((outcome): outcome is Extract<FileOutcome, { saved: true }> => outcome.saved);
  const lines = outcomes.filter((outcome) => !outcome.saved).map((outcome) => `• Skipped *${outcome.name}*: ${(outcome as { reason: string }).reason}`);
  if (saved.length === 0) return lines.join('\n');

  let summary;
  try {
    summary = await deps.engine.reindex();
  } catch (error) {
    deps.logger.error('Re-indexing after an added report failed:', error);
    return [...saved.map((file) => `• Saved *${file.name}*, but indexing failed: ${describeError(error)}. An admin can retry with \`/citeline reindex\`.`), ...lines].join('\n');
  }
  const sources = new Map(deps.engine.sources().map((source) => [source.docId, source]));
  for (const file of saved) {
    const skipped = summary.skipped.find((entry) => entry.path === file.name);
    const source = sources.get(file.name);
    if (skipped || !source) {
      // A file that cannot be read would be reported again at every ingest: it is not kept.
      await rm(file.path, { force: true });
      lines.unshift(`• Skipped *${file.name}*: ${skipped?.reason ?? 'nothing in it could be indexed'}.`);
    } else {
      const how = summary.updated.includes(file.name) ? 'Updated' : summary.unchanged.includes(file.name) ? 'Already indexed, unchanged:' : 'Indexed';
      lines.unshift(`• ${how} *${source.title}* (${file.name}): ${source.passages} passages. Ask away.`);
    }
  }
  return lines.join('\n');
}

async function saveFile(deps: HandlerDeps, client: webApi.WebClient, ingest: SlackIngestConfig, given: SlackFile): Promise<FileOutcome> {
  let file = given;
  if (!file.name || file.size === undefined || !(file.url_private_download ?? file.url_private) || file.file_access === 'check_file_info') {
    try {
      const info = await client.files.info({ file: given.id });
      file = { ...given, ...(info.file as SlackFile) };
    } catch (error) {
      return { name: given.name ?? given.id, saved: false, reason: `could not look the file up (${describeSlackError(error)}; Citeline needs the files:read scope)` };
    }
  }
  const name = safeFileName(file.name ?? file.id);
  if (!formatOf(name)) return { name, saved: false, reason: `${unsupportedReason(name)}` };
  const limit = ingest.maxReportMb * 1024 * 1024;
  if ((file.size ?? 0) > limit) {
    return { name, saved: false, reason: `it is ${megabytes(file.size ?? 0)} MB, over the ${ingest.maxReportMb} MB limit (MAX_REPORT_MB)` };
  }
  const url = file.url_private_download ?? file.url_private;
  if (!url) return { name, saved: false, reason: 'Slack gave no download address for it' };
  let bytes: Uint8Array;
  try {
    bytes = await download(url, deps.config.botToken, limit);
  } catch (error) {
    return { name, saved: false, reason: describeError(error) };
  }
  if (bytes.length === 0) return { name, saved: false, reason: 'the file is empty' };
  await mkdir(ingest.reportsDir, { recursive: true });
  const path = join(ingest.reportsDir, name);
  // Written under a hidden name (ingest skips dot files) and renamed: never half a file in the folder.
  const temporary = join(ingest.reportsDir, `.${name}.${randomBytes(4).toString('hex')}.part`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    return { name, saved: false, reason: `could not save it (${describeError(error)})` };
  }
  return { name, saved: true, path };
}

/** The file's bytes, with the bot token; refused past `limit` bytes, or when Slack sends a sign-in page. */
async function download(url: string, token: string, limit: number): Promise<Uint8Array> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'manual' });
  if (response.status >= 300 && response.status < 400) throw new Error('Slack would not hand the file over (Citeline needs the files:read scope)');
  if (!response.ok) throw new Error(`the download failed (HTTP ${response.status})`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > limit) throw new Error(`it is over the ${Math.round(limit / 1024 / 1024)} MB limit (MAX_REPORT_MB)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The file's own name, without folders or characters a file system would refuse; never hidden. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned.slice(-200) || 'report';
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
