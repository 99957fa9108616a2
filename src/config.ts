/**
 * Configuration, parsed once from the environment (after dotenv) and passed down.
 * No module reads process.env itself.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const coreSchema = z.object({
  INDEX_DIR: z.string().min(1).default('index'),
  REPORTS_DIR: z.string().min(1).default('reports'),
  /** A Hugging Face id (needs a network once) or a local model folder. */
  EMBEDDING_MODEL: z.string().min(1).default('models/glove-100d'),
  /** Where transformers.js caches hub downloads. */
  MODEL_CACHE_DIR: z.string().min(1).default('.cache/models'),
  /** 1 keeps ingest on one thread: no second V8 instance, so less memory, and a slower ingest. */
  INGEST_THREADS: z.enum(['1', '2'], { error: 'must be 1 or 2' }).default('2'),
  OCR: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  MAX_REPORT_MB: z.coerce.number({ error: 'must be a number of megabytes' }).positive('must be more than 0').default(100),
  /** local: the index in INDEX_DIR and Slack state in memory; postgres: both in DATABASE_URL, shared by replicas. */
  STORE: z.enum(['local', 'postgres'], { error: 'must be local or postgres' }).default('local'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  PG_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name').default('citeline'),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  /** How often a replica checks for a generation another process's ingest committed. */
  PG_POLL_MS: z.coerce.number().int().min(100).default(2000),
});

export interface PostgresConfig {
  url: string;
  schema: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  pollMs: number;
}

export interface CoreConfig {
  indexDir: string;
  reportsDir: string;
  embeddingModel: string;
  modelCacheDir: string;
  /**
   * 2 (the default): ingest builds the BM25 and figures indexes on a second thread while this one
   * embeds, once a corpus reaches a few thousand passages. 1: all on this thread.
   */
  ingestThreads: 1 | 2;
  /** on (the default): a PDF page without a text layer (a scan) is read by OCR. off: it is skipped. */
  ocr: boolean;
  /** Largest report accepted from Slack, in MB (MAX_REPORT_MB, default 100). */
  maxReportMb: number;
  /** Where the index (and, for Slack, the shared state) lives. */
  store: 'local' | 'postgres';
  /** Set when store is 'postgres'. */
  postgres?: PostgresConfig;
}

const slackSchema = z.object({
  SLACK_MODE: z.enum(['socket', 'http']).default('socket'),
  SLACK_BOT_TOKEN: z.string({ error: 'is required (xoxb-...)' }).startsWith('xoxb-', 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: z.string({ error: 'is required' }).min(8, 'looks too short'),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: z.url('must be a URL such as http://127.0.0.1:9999/api/').optional(),
  SLACK_ALLOWED_TEAMS: csv,
  SLACK_ALLOWED_CHANNELS: csv,
  SLACK_ADMIN_USERS: csv,
  /** Who may add reports from Slack besides the admins: user ids, or * for everyone. */
  SLACK_INGEST_USERS: csv,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SLACK_THREAD_FOLLOWUPS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  /** STORE=postgres: a Slack retry may take over an event whose replica took it this long ago and never answered (died). */
  SLACK_EVENT_TAKEOVER_MS: z.coerce.number().int().min(100).optional(),
});

export interface SlackConfig {
  mode: 'socket' | 'http';
  botToken: string;
  signingSecret: string;
  appToken?: string;
  port: number;
  apiUrl?: string;
  allowedTeams: string[];
  allowedChannels: string[];
  adminUsers: string[];
  rateLimitPerMinute: number;
  /**
   * On (the default): in a channel thread where Citeline has answered, a later message from a person is
   * heard without a mention. Needs the message.channels / message.groups events (slack/manifest.json).
   */
  threadFollowUps: boolean;
  /** Adding reports from Slack ("@Citeline add this" with a file): where they go and who may. */
  ingest?: SlackIngestConfig;
  /** STORE=postgres: a retry of an event a replica took this long ago and never answered is taken over (SLACK_EVENT_TAKEOVER_MS). */
  eventTakeoverMs?: number;
}

export interface SlackIngestConfig {
  /** Users who may add reports besides SLACK_ADMIN_USERS (SLACK_INGEST_USERS), or 'everyone' (`*`). */
  users: string[] | 'everyone';
  /** REPORTS_DIR: where an added report is saved before the index is rebuilt. */
  reportsDir: string;
  /** MAX_REPORT_MB: larger files are refused before they are downloaded. */
  maxReportMb: number;
}

export interface AppConfig {
  core: CoreConfig;
  slack: SlackConfig;
}

/** Thrown with every problem at once, so a user fixes their .env in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function parseCoreConfig(env: Env, cwd = process.cwd()): CoreConfig {
  const parsed = parseOrThrow(coreSchema, env);
  if (parsed.STORE === 'postgres' && !parsed.DATABASE_URL) throw new ConfigError(['DATABASE_URL is required when STORE=postgres (postgres://user:password@host:5432/db)']);
  return {
    indexDir: resolve(cwd, parsed.INDEX_DIR),
    reportsDir: resolve(cwd, parsed.REPORTS_DIR),
    embeddingModel: parsed.EMBEDDING_MODEL,
    modelCacheDir: resolve(cwd, parsed.MODEL_CACHE_DIR),
    ingestThreads: parsed.INGEST_THREADS === '1' ? 1 : 2,
    ocr: parsed.OCR === 'on',
    maxReportMb: parsed.MAX_REPORT_MB,
    store: parsed.STORE,
    ...(parsed.STORE === 'postgres' && parsed.DATABASE_URL
      ? {
          postgres: {
            url: parsed.DATABASE_URL,
            schema: parsed.PG_SCHEMA,
            poolMax: parsed.PG_POOL_MAX,
            connectTimeoutMs: parsed.PG_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: parsed.PG_STATEMENT_TIMEOUT_MS,
            pollMs: parsed.PG_POLL_MS,
          },
        }
      : {}),
  };
}

export function parseAppConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  let core: CoreConfig | undefined;
  let slack: SlackConfig | undefined;
  try {
    core = parseCoreConfig(env, cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  // Checked apart from the schema so it is reported together with every other problem.
  if ((env.SLACK_MODE || 'socket') === 'socket' && !env.SLACK_APP_TOKEN) {
    problems.push('SLACK_APP_TOKEN is required when SLACK_MODE=socket (xapp-...)');
  }
  try {
    const parsed = parseOrThrow(slackSchema, env);
    slack = {
      mode: parsed.SLACK_MODE,
      botToken: parsed.SLACK_BOT_TOKEN,
      signingSecret: parsed.SLACK_SIGNING_SECRET,
      ...(parsed.SLACK_APP_TOKEN ? { appToken: parsed.SLACK_APP_TOKEN } : {}),
      port: parsed.PORT,
      ...(parsed.SLACK_API_URL ? { apiUrl: parsed.SLACK_API_URL } : {}),
      allowedTeams: parsed.SLACK_ALLOWED_TEAMS,
      allowedChannels: parsed.SLACK_ALLOWED_CHANNELS,
      adminUsers: parsed.SLACK_ADMIN_USERS,
      rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
      threadFollowUps: parsed.SLACK_THREAD_FOLLOWUPS === 'on',
      ...(parsed.SLACK_EVENT_TAKEOVER_MS ? { eventTakeoverMs: parsed.SLACK_EVENT_TAKEOVER_MS } : {}),
    };
    if (core) {
      const users = parsed.SLACK_INGEST_USERS;
      slack.ingest = { users: users.includes('*') ? 'everyone' : users, reportsDir: core.reportsDir, maxReportMb: core.maxReportMb };
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !core || !slack) throw new ConfigError(problems);
  return { core, slack };
}

function parseOrThrow<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  // Empty strings in .env mean "not set", as users expect from `KEY=` lines.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  // Values are never echoed: they may be tokens.
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
}
