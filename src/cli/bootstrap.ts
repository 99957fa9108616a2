/** What every command does first: read .env and the environment once, and report problems plainly. */
import dotenv from 'dotenv';
import { ConfigError, parseCoreConfig, type CoreConfig } from '../config.js';
import { IndexLockedError } from '../store/lock.js';
import { DatabaseUnavailableError } from '../store/postgres/database.js';
import { GenerationMovedError, IngestRunningError } from '../store/postgres/index-store.js';
import { IndexLoadError } from '../store/types.js';
import { UsageError } from './args.js';

export function loadCoreConfigOrExit(): CoreConfig {
  dotenv.config({ quiet: true });
  try {
    return parseCoreConfig(process.env);
  } catch (error) {
    exitWithError(error);
  }
}

/** Known failures get their message alone; anything else gets its stack, for a bug report. */
export function exitWithError(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const known = [ConfigError, IndexLoadError, IndexLockedError, DatabaseUnavailableError, IngestRunningError, GenerationMovedError];
  if (known.some((kind) => error instanceof kind)) {
    process.stderr.write(`${(error as Error).message}\n`);
  } else if (error instanceof Error) {
    process.stderr.write(`citeline: ${error.stack ?? error.message}\n`);
  } else {
    process.stderr.write(`citeline: ${String(error)}\n`);
  }
  process.exit(1);
}

/** Progress and notices go to stderr, so stdout stays the answer (and valid JSON with --json). */
export function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The width to wrap text for: the terminal's, or 80 when output is not a terminal. */
export function terminalWidth(): number {
  // COLUMNS as well, for output piped from a terminal; at most 110, which still reads as prose on a wide screen.
  return Math.min(process.stdout.columns || Number(process.env.COLUMNS) || 80, 110);
}
