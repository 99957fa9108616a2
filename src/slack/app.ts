/**
 * Citeline's Slack app: a Bolt App on the receiver the config asks for, with the global middleware (repeated
 * events, bots, allow-lists) and one small handler module per way of asking.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import type { CitelineEngine } from '../engine/types.js';
import type { Prompts } from '../prompts.js';
import type { FeedbackStore } from './feedback-store.js';
import { registerAddReportHandler } from './handlers/add-report.js';
import { registerCommandHandler } from './handlers/command.js';
import { registerDirectMessageHandler } from './handlers/direct-message.js';
import { registerFeedbackHandlers } from './handlers/feedback.js';
import { registerHomeHandlers } from './handlers/home.js';
import type { HandlerDeps } from './handlers/handler-deps.js';
import { registerMentionHandler } from './handlers/mention.js';
import { registerMoreSourcesHandler } from './handlers/more-sources.js';
import { registerShareHandler } from './handlers/share.js';
import { registerFindSourcesShortcut } from './handlers/shortcut.js';
import { registerStatsMoreHandler } from './handlers/stats.js';
import { registerThreadFollowUpHandler } from './handlers/thread-follow-up.js';
import { WorkQueue, queuedEngine } from './answer-queue.js';
import { RedactingLogger, type LogSink } from './logger.js';
import { allowList } from './middleware/allow-list.js';
import { dropRepeatedEvents, type EventLedger } from './middleware/dedupe-events.js';
import { ignoreBotsAndEdits } from './middleware/ignore-bots.js';
import { SlidingWindowRateLimiter, type RateLimiter } from './middleware/rate-limit.js';
import { createReceiver } from './receiver.js';
import { singleFlight } from './single-flight.js';
import { ThreadMemory, type ThreadStore } from './thread-memory.js';

export interface SlackAppDeps {
  config: SlackConfig;
  engine: CitelineEngine;
  prompts: Prompts;
  feedback: FeedbackStore;
  /** Where log lines go (stderr by default). Lines are redacted of tokens and the signing secret before this sees them. */
  log?: LogSink;
  logLevel?: LogLevel;
  /** Web API retries; the default suits a chat reply (a few quick retries, not Bolt's 30 minutes). */
  retryConfig?: webApi.RetryOptions;
  /** For tests of the rate limit. */
  now?: () => number;
  /** Where engine work waits its turn (default: two at a time, 500 waiting). */
  queue?: WorkQueue;
  /** State shared by replicas (STORE=postgres: shared-state.ts); by default this process's memory. */
  state?: { events: EventLedger; rateLimiter: RateLimiter; threads: ThreadStore };
}

export interface StartedSlackApp {
  mode: 'http' | 'socket';
  /** The port actually listened on (http mode); differs from config.port when that is 0. */
  port?: number;
}

export interface SlackApp {
  app: App;
  logger: RedactingLogger;
  start(): Promise<StartedSlackApp>;
  stop(): Promise<void>;
  /** Requests being handled now (acknowledged or not, their answers not yet posted). */
  readonly inFlight: number;
  /**
   * Graceful stop (SIGTERM): stops taking requests, then waits for those in flight to post their
   * answers, at most `waitMs`. Resolves with how many were still unfinished (0 when all finished).
   */
  drain(waitMs: number): Promise<number>;
}

/** Three retries over about 7 seconds, on top of waiting out any Retry-After Slack sends with a 429. */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 4000, randomize: true };

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config } = deps;
  const logLevel = deps.logLevel ?? LogLevel.INFO;
  const logger = new RedactingLogger([config.botToken, config.signingSecret, config.appToken], deps.log);
  logger.setLevel(logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: deps.retryConfig ?? DEFAULT_RETRY,
    timeout: 30_000,
    logger,
  };

  const app = new App({
    token: config.botToken,
    receiver: createReceiver(config, logger, clientOptions),
    clientOptions,
    logger,
    // Without this Bolt resets the logger it is given to INFO.
    logLevel,
    // auth.test runs in start(), where a bad token becomes one clear error instead of an unhandled rejection.
    deferInitialization: true,
  });

  // Counted first, so a stop can wait for every request taken in, down to its posted answer.
  let inFlight = 0;
  app.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  app.use(
    dropRepeatedEvents({
      ...(deps.state ? { ledger: deps.state.events } : {}),
      onDropped: (line) => logger.info(line),
      onUnavailable: async ({ body, client }, error) => {
        logger.warn('Could not check an event against the shared ledger; asking to try again:', error);
        const event = (body as { event?: { type?: string; channel?: string; ts?: string; thread_ts?: string; bot_id?: string } }).event;
        if (!event?.channel || !event.ts || event.bot_id || (event.type !== 'app_mention' && event.type !== 'message')) return;
        await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: deps.prompts.databaseUnavailable }).catch(() => {});
      },
    }),
  );
  app.use(ignoreBotsAndEdits);
  app.use(
    allowList({
      allowedTeams: config.allowedTeams,
      allowedChannels: config.allowedChannels,
      notEnabledText: deps.prompts.notEnabled,
      onRefused: (line) => logger.debug(line),
    }),
  );

  const engine = queuedEngine(deps.engine, deps.queue ?? new WorkQueue());
  const handlerDeps: HandlerDeps = {
    config,
    engine,
    prompts: deps.prompts,
    feedback: deps.feedback,
    rateLimiter: deps.state?.rateLimiter ?? new SlidingWindowRateLimiter(config.rateLimitPerMinute, 60_000, deps.now),
    threads: deps.state?.threads ?? new ThreadMemory(),
    reindex: singleFlight(() => engine.reindex()),
    logger,
  };
  registerAddReportHandler(app, handlerDeps);
  registerMentionHandler(app, handlerDeps);
  registerDirectMessageHandler(app, handlerDeps);
  registerThreadFollowUpHandler(app, handlerDeps);
  registerCommandHandler(app, handlerDeps);
  registerFindSourcesShortcut(app, handlerDeps);
  registerFeedbackHandlers(app, handlerDeps);
  registerShareHandler(app, handlerDeps);
  registerMoreSourcesHandler(app, handlerDeps);
  registerStatsMoreHandler(app, handlerDeps);
  registerHomeHandlers(app, handlerDeps);

  // Handlers catch their own errors; this is the net for anything that escapes (it logs, redacted, and keeps running).
  app.error(async (error) => {
    logger.error(`Unhandled error in a Slack handler (${error.code ?? 'no code'}):`, error);
  });

  return {
    app,
    logger,
    async start() {
      await app.init();
      const started = await app.start();
      if (config.mode === 'http') {
        const address = (started as Server).address() as AddressInfo | null;
        return { mode: 'http', port: address?.port ?? config.port };
      }
      return { mode: 'socket' };
    },
    async stop() {
      await app.stop();
    },
    get inFlight() {
      return inFlight;
    },
    async drain(waitMs: number) {
      await app.stop().catch((error: unknown) => logger.warn('Stopping the receiver failed:', error));
      const until = Date.now() + waitMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      return inFlight;
    },
  };
}

