/** A throwaway Postgres (PGlite over the wire protocol) and configs pointing at a schema of their own. */
import { randomBytes } from 'node:crypto';
import { parseCoreConfig, type CoreConfig, type PostgresConfig } from '../../src/config.js';
import { startLocalPostgres, type LocalPostgres } from '../../src/store/postgres/pglite-server.js';

export { startLocalPostgres, type LocalPostgres };

export function postgresConfig(url: string, overrides: Partial<PostgresConfig> = {}): PostgresConfig {
  return { url, schema: `t_${randomBytes(4).toString('hex')}`, poolMax: 4, connectTimeoutMs: 3000, statementTimeoutMs: 30_000, pollMs: 100, ...overrides };
}

export function coreConfigOn(postgres: PostgresConfig, overrides: Partial<CoreConfig> = {}): CoreConfig {
  return { ...parseCoreConfig({}), store: 'postgres', postgres, ingestThreads: 1, ...overrides };
}

/** Waits until `check` holds, polling; fails with `what` if it never does. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, tries = 200, everyMs = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Never happened: ${what}`);
}
