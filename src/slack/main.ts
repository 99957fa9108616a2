/**
 * `npm start`: Citeline in Slack. Reads .env, loads the engine (building the index from reports/ on first run),
 * and connects to Slack over HTTP or Socket Mode. SIGTERM or Ctrl-C stops it gracefully: no new requests are
 * taken, those in flight finish, then it exits. With STORE=postgres the index and the Slack state (events seen,
 * rate limits, thread memory, feedback) are in the shared database, so several replicas can run side by side.
 */
import { join } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, parseAppConfig, type AppConfig } from '../config.js';
import { loadPrompts } from '../prompts.js';
import { Database, DatabaseUnavailableError } from '../store/postgres/database.js';
import { IndexLoadError } from '../store/types.js';
import { createSlackApp } from './app.js';
import { JsonLinesFeedbackStore } from './feedback-store.js';
import { RedactingLogger } from './logger.js';
import { sharedSlackState } from './shared-state.js';

/** How long a stop waits for the answers in flight (orchestrators send SIGKILL after 30 s by default). */
const DRAIN_MS = 25_000;

function readConfigOrExit(): AppConfig {
  dotenv.config({ quiet: true });
  try {
    return parseAppConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write('Citeline cannot start: some settings are missing or wrong.\n');
    for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
    process.stderr.write('\nCopy .env.example to .env and fill it in (it explains each setting).\n');
    process.stderr.write('To try Citeline without Slack, run `npm run chat`.\n');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // Redacts tokens even from engine messages, which should never contain them but might quote an environment.
  const startupLog = new RedactingLogger([config.slack.botToken, config.slack.signingSecret, config.slack.appToken, config.core.postgres?.url]);
  const log = (line: string) => startupLog.info(line);

  log(config.core.postgres ? 'Connecting to the database, loading the index and the embedding model...' : 'Loading the index and the embedding model...');
  // Imported only once the config is known to be good: a mistyped .env is reported at once, without first
  // loading the model runtime and the whole pipeline.
  const { openCitelineEngine } = await import('../engine/citeline.js');
  const [engine, prompts] = await Promise.all([
    openCitelineEngine(config.core, { log, buildIfMissing: true }),
    loadPrompts(join(process.cwd(), 'prompts')),
  ]);
  // One throwaway question loads the model's session and the word-vector cache, so the first real one is quick.
  await engine.ask('What share of councils were rated inadequate?');
  // The engine migrated the schema; the Slack state has a pool of its own.
  const stateDb = config.core.postgres ? new Database(config.core.postgres) : undefined;
  const takeover = config.slack.eventTakeoverMs;
  const shared = stateDb ? sharedSlackState(stateDb, config.slack.rateLimitPerMinute, takeover ? { takeoverMs: takeover } : {}) : undefined;
  const slack = createSlackApp({
    config: config.slack,
    engine,
    prompts,
    feedback: shared?.feedback ?? JsonLinesFeedbackStore.inIndexDir(config.core.indexDir),
    ...(shared ? { state: shared } : {}),
  });
  const started = await slack.start();
  log(started.mode === 'http' ? `Citeline is running (http on port ${started.port})` : 'Citeline is running (socket mode)');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second Ctrl-C means "now"
    stopping = true;
    log(`${signal}: stopping: no new requests; finishing ${slack.inFlight} in flight...`);
    slack
      .drain(DRAIN_MS)
      .then(async (unfinished) => {
        if (unfinished > 0) startupLog.warn(`Stopped with ${unfinished} requests unfinished after ${DRAIN_MS / 1000} s.`);
        await engine.close();
        await stateDb?.close();
        log('Stopped.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        startupLog.error('Could not stop cleanly:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A database or index that cannot be used is one plain message; anything else gets its stack for a bug report.
  if (error instanceof DatabaseUnavailableError || error instanceof IndexLoadError) {
    process.stderr.write(`Citeline could not start: ${error.message}\n`);
    process.exit(1);
  }
  // The logger redacts: a failed auth.test error can quote the request.
  new RedactingLogger([process.env.SLACK_BOT_TOKEN, process.env.SLACK_SIGNING_SECRET, process.env.SLACK_APP_TOKEN, process.env.DATABASE_URL]).error('Citeline could not start:', error);
  process.exit(1);
});
