/** What every command-line entry does first: read .env and the environment once, and report problems plainly. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import dotenv from 'dotenv';
import { ConfigError, parseCoreConfig, type CoreConfig } from '../config.js';
import { IndexLockedError } from '../store/lock.js';
import { DatabaseUnavailableError } from '../store/postgres/database.js';
import { GenerationMovedError, IngestRunningError } from '../store/postgres/index-store.js';
import { IndexLoadError } from '../store/types.js';

export function loadCoreConfigOrExit(): CoreConfig {
  dotenv.config({ quiet: true });
  try {
    return parseCoreConfig(process.env);
  } catch (error) {
    exitWithError(error);
  }
}

/** A command line the command cannot run: its message and the usage, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The command's arguments, or a UsageError naming what is wrong with them and giving `usage`. A
 * command given `--help` or `-h` prints `usage` and exits 0 (`help` is added to the options).
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const withHelp = { ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } } as T;
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(withHelp);
  } catch (error) {
    // node:util's own messages ("Unknown option '--x'") are plain; its stack says nothing more.
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${error.message}\n${usage}`);
    }
    throw error;
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

/** A count given on the command line: a whole number from 1 (to `max`, when there is one), or a UsageError. */
export function countOption(option: string, text: string, usage: string, max = Number.POSITIVE_INFINITY): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  const range = max === Number.POSITIVE_INFINITY ? ', 1 or more' : ` from 1 to ${max}`;
  throw new UsageError(`${option} takes a whole number${range} (got ${text}).\n${usage}`);
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
