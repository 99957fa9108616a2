/**
 * Adding a report from Slack, end to end: the real Bolt app over HTTP, the fake Slack Web API
 * serving the shared files' url_private on 127.0.0.1, and the real engine over a folder of its own.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';
import { BOT_USER_ID, type SharedFile } from '../../src/bench/fake-slack-api.js';
import { isAddRequest, safeFileName } from '../../src/slack/handlers/add-report.js';
import { makePdf } from '../ingest/fixtures.js';
import { BOT_TOKEN, eventEnvelope, nextTs, sendEvent, sendInteraction, startHarnessWith, waitFor, type Harness } from './helpers.js';

let work: string;
let reports: string;
let h: Harness<Citeline>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-add-report-'));
  reports = join(work, 'reports');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(reports);
  await writeFile(join(reports, 'ferries.md'), 'title: Ferry timetable review\n\n# Timetables\n\nThe winter ferry timetable was cut to four sailings a day after fuel costs rose.\n');
  const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: reports, indexDir: join(work, 'index') }, { buildIfMissing: true });
  h = await startHarnessWith(engine, { adminUsers: ['UADMIN'], ingest: { users: ['UEDITOR'], reportsDir: reports, maxReportMb: 1 } });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await rm(work, { recursive: true, force: true });
});

function repliesIn(threadTs: string) {
  return h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
}

async function mention(user: string, text: string, files: SharedFile[]) {
  const ts = nextTs();
  const response = await sendEvent(h.baseUrl, eventEnvelope({ type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, channel: 'CREPORTS', ts, files }));
  expect(response.status).toBe(200);
  return ts;
}

async function replyTo(ts: string): Promise<string> {
  const call = await waitFor(() => repliesIn(ts)[0], `a reply in thread ${ts}`, 60_000);
  return String(call.args.text);
}

const harbourPdf = () =>
  makePdf([[['The lighthouse on the north pier was repainted in', 'March, and its lamp now reaches twelve']], [['nautical miles.']]], { title: 'Lighthouse upkeep' });

describe('adding a report from Slack', () => {
  it('downloads a shared PDF with the bot token, saves it, indexes it and answers from it with its pages', { timeout: 120_000 }, async () => {
    const file = h.api.addFile('lighthouse.pdf', await harbourPdf(), { mimetype: 'application/pdf' });
    const ts = await mention('UADMIN', 'add this', [file]);
    const text = await replyTo(ts);
    expect(text).toMatch(/Indexed \*Lighthouse upkeep\* \(lighthouse\.pdf\): \d+ passages/);
    expect(h.api.downloads).toContainEqual({ id: file.id, authorization: `Bearer ${BOT_TOKEN}` });
    expect(await readdir(reports)).toEqual(expect.arrayContaining(['ferries.md', 'lighthouse.pdf']));
    // No half-written file is left behind, and the question handler did not answer "add this".
    expect((await readdir(reports)).some((name) => name.startsWith('.'))).toBe(false);
    expect(repliesIn(ts)).toHaveLength(1);

    const reply = await h.engine.ask('how far does the lighthouse lamp reach?');
    const citation = reply.citations.find((candidate) => candidate.docId === 'lighthouse.pdf');
    expect(citation?.extract).toContain('reaches twelve nautical miles');
    expect(citation?.location).toBe('pp. 1-2');
    expect(citation?.page).toBe(1);
  });

  it('accepts a file sent to Citeline in a DM with "add this", from a listed ingest user', { timeout: 120_000 }, async () => {
    const file = h.api.addFile('buoys.md', new TextEncoder().encode('# Buoys\n\nSeven channel buoys were replaced with solar lit ones this year.\n'));
    const ts = nextTs();
    await sendEvent(h.baseUrl, eventEnvelope({ type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'DEDITOR', user: 'UEDITOR', text: 'add this', ts, files: [file] }));
    expect(await replyTo(ts)).toMatch(/Indexed \*Buoys\* \(buoys\.md\): 1 passages/);
  });

  it('adds the file of a message through the Add to Citeline shortcut', { timeout: 120_000 }, async () => {
    const file = h.api.addFile('quays.txt', new TextEncoder().encode('Quay three reopened after the storm repairs were finished in May.\n'));
    const ts = nextTs();
    const response = await sendInteraction(h.baseUrl, {
      type: 'message_action',
      callback_id: 'add_to_citeline',
      trigger_id: '1.2.3',
      response_url: h.api.responseUrl(),
      team: { id: 'T0001' },
      user: { id: 'UADMIN' },
      channel: { id: 'CREPORTS', name: 'reports' },
      message: { type: 'message', user: 'UOTHER', ts, text: 'the quay notes', files: [file] },
    });
    expect(response.status).toBe(200);
    expect(await replyTo(ts)).toMatch(/Indexed \*quays\* \(quays\.txt\)/);
  });

  it('refuses someone who may not add reports, without downloading', async () => {
    const file = h.api.addFile('secret.pdf', await harbourPdf());
    const ts = await mention('UREADER', 'add this', [file]);
    expect(await replyTo(ts)).toMatch(/Only the people named in SLACK_ADMIN_USERS/);
    expect(h.api.downloads.some((download) => download.id === file.id)).toBe(false);
  });

  it('refuses a file over MAX_REPORT_MB and a type it does not read, before downloading', async () => {
    const big = h.api.addFile('atlas.pdf', new Uint8Array(10), { size: 3 * 1024 * 1024 });
    const sheet = h.api.addFile('tides.xlsx', new Uint8Array(10));
    const ts = await mention('UADMIN', 'please add these', [big, sheet]);
    const text = await replyTo(ts);
    expect(text).toContain('Skipped *atlas.pdf*: it is 3.0 MB, over the 1 MB limit (MAX_REPORT_MB)');
    expect(text).toMatch(/Skipped \*tides\.xlsx\*: unsupported file type \(\.xlsx/);
    expect(h.api.downloads.some((download) => download.id === big.id || download.id === sheet.id)).toBe(false);
  });

  it('says why a file that cannot be read was skipped, and does not keep it', { timeout: 120_000 }, async () => {
    const file = h.api.addFile('damaged.pdf', new TextEncoder().encode('%PDF-1.4 this is not really a PDF at all'));
    const ts = await mention('UADMIN', 'add this', [file]);
    expect(await replyTo(ts)).toMatch(/Skipped \*damaged\.pdf\*: not a readable PDF/);
    expect(await readdir(reports)).not.toContain('damaged.pdf');
  });

  it('asks for the file when the mention has none', async () => {
    const ts = await mention('UADMIN', 'add this', []);
    expect(await replyTo(ts)).toMatch(/found no file/);
  });
});

describe('add-report helpers', () => {
  it('tells an add request from a question', () => {
    expect(isAddRequest({ type: 'app_mention', text: '<@UBOT> add this' })).toBe(true);
    expect(isAddRequest({ type: 'app_mention', text: '<@UBOT> what did the report add this year?' })).toBe(false);
    expect(isAddRequest({ type: 'message', channel_type: 'im', text: '', files: [{ id: 'F1' }] })).toBe(true);
    expect(isAddRequest({ type: 'message', channel_type: 'channel', text: 'add this', files: [{ id: 'F1' }] })).toBe(false);
  });

  it('keeps a file name inside the reports folder and visible', () => {
    expect(safeFileName('../../etc/passwd.md')).toBe('passwd.md');
    expect(safeFileName('.hidden.pdf')).toBe('hidden.pdf');
    expect(safeFileName('a:b?.txt')).toBe('a_b_.txt');
  });
});
