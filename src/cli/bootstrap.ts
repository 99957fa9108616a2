/** What every command-line entry does first: read .env and the environment once, and report problems plainly. */
import dotenv from 'dotenv';
import { ConfigError, parseCoreConfig, type CoreConfig } from '../config.js';
import { IndexLockedError } from '../store/lock.js';
import { IndexLoadError } from '../store/types.js';

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
  if (error instanceof ConfigError || error instanceof IndexLoadError || error instanceof IndexLockedError) {
    process.stderr.write(`${error.message}\n`);
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
