/** `citeline db:migrate`: create or bring up to date the Postgres schema (STORE=postgres). Also run at every start. */
import { openDatabase } from '../engine/open-database.js';
import { SCHEMA_VERSION } from '../store/postgres/migrations.js';
import { usageError, type CommandSpec } from './args.js';
import { loadCoreConfigOrExit, logToStderr } from './bootstrap.js';

export async function run(_commandLine: unknown, spec: CommandSpec): Promise<void> {
  const config = loadCoreConfigOrExit();
  if (!config.postgres) throw usageError(spec, 'set STORE=postgres and DATABASE_URL first.');
  const database = await openDatabase(config.postgres, logToStderr);
  await database.close();
  console.log(`The schema "${config.postgres.schema}" at ${database.target} is at version ${SCHEMA_VERSION}.`);
}
