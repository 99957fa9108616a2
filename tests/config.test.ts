import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig, parseCoreConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults for the core settings, resolved against the working folder', () => {
    const core = parseCoreConfig({}, '/srv/citeline');
    expect(core).toEqual({
      indexDir: '/srv/citeline/index',
      reportsDir: '/srv/citeline/reports',
      embeddingModel: 'models/glove-100d',
      modelCacheDir: '/srv/citeline/.cache/models',
      ingestThreads: 2,
      ocr: true,
      maxReportMb: 100,
      store: 'local',
    });
  });

  it('turns OCR off with OCR=off, and reads MAX_REPORT_MB', () => {
    expect(parseCoreConfig({ OCR: 'off', MAX_REPORT_MB: '2.5' })).toMatchObject({ ocr: false, maxReportMb: 2.5 });
    expect(() => parseCoreConfig({ OCR: 'no' })).toThrow(/OCR must be on or off/);
    expect(() => parseCoreConfig({ MAX_REPORT_MB: '0' })).toThrow(/MAX_REPORT_MB/);
  });

  it('keeps the index in Postgres with STORE=postgres, which needs DATABASE_URL', () => {
    expect(() => parseCoreConfig({ STORE: 'postgres' })).toThrow(/DATABASE_URL is required when STORE=postgres/);
    expect(() => parseCoreConfig({ STORE: 'postgres', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => parseCoreConfig({ STORE: 'files' })).toThrow(/STORE must be local or postgres/);
    const core = parseCoreConfig({ STORE: 'postgres', DATABASE_URL: 'postgres://u:p@db:5432/citeline', PG_POOL_MAX: '20' });
    expect(core.postgres).toEqual({ url: 'postgres://u:p@db:5432/citeline', schema: 'citeline', poolMax: 20, connectTimeoutMs: 5000, statementTimeoutMs: 15000, pollMs: 2000 });
  });

  it('keeps ingest on one thread with INGEST_THREADS=1, and refuses any other count', () => {
    expect(parseCoreConfig({ INGEST_THREADS: '1' }).ingestThreads).toBe(1);
    expect(() => parseCoreConfig({ INGEST_THREADS: '4' })).toThrow(/INGEST_THREADS must be 1 or 2/);
  });

  it('reads Slack settings, lists and numbers', () => {
    const { slack } = parseAppConfig({
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret-123',
      PORT: '8080',
      SLACK_ALLOWED_CHANNELS: 'C1, C2,',
      SLACK_ADMIN_USERS: 'U1',
    });
    expect(slack).toMatchObject({ mode: 'http', port: 8080, allowedChannels: ['C1', 'C2'], adminUsers: ['U1'], allowedTeams: [], rateLimitPerMinute: 20, threadFollowUps: true });
  });

  it('turns thread follow-ups off with SLACK_THREAD_FOLLOWUPS=off, and refuses other values', () => {
    const base = { SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' };
    expect(parseAppConfig({ ...base, SLACK_THREAD_FOLLOWUPS: 'off' }).slack.threadFollowUps).toBe(false);
    expect(() => parseAppConfig({ ...base, SLACK_THREAD_FOLLOWUPS: 'maybe' })).toThrow(/SLACK_THREAD_FOLLOWUPS must be on or off/);
  });

  it('reports every problem at once and never echoes a value', () => {
    let error: unknown;
    try {
      parseAppConfig({ SLACK_BOT_TOKEN: 'xapp-wrong-kind-of-token', PORT: 'eighty', SLACK_API_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(problems).toContain('SLACK_SIGNING_SECRET is required');
    expect(problems).toContain('SLACK_APP_TOKEN is required when SLACK_MODE=socket');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/SLACK_API_URL must be a URL/);
    expect((error as Error).message).not.toContain('xapp-wrong-kind-of-token');
  });

  it('treats an empty value as not set', () => {
    expect(parseCoreConfig({ INDEX_DIR: '' }, '/x').indexDir).toBe('/x/index');
  });
});
