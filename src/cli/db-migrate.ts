/** `npm run db:migrate`: create or bring up to date the Postgres schema (STORE=postgres). Also run at every start. */
import { openDatabase } from '../engine/open-database.js';
import { SCHEMA_VERSION } from '../store/postgres/migrations.js';
import { UsageError, exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';

const USAGE = 'Usage: npm run db:migrate     (with STORE=postgres and DATABASE_URL set)';

async function main(): Promise<void> {
  parseCommandLine({ options: {} }, USAGE);
  const config = loadCoreConfigOrExit();
  if (!config.postgres) throw new UsageError(`Set STORE=postgres and DATABASE_URL first.\n${USAGE}`);
  const database = await openDatabase(config.postgres, logToStderr);
  await database.close();
  console.log(`The schema "${config.postgres.schema}" at ${database.target} is at version ${SCHEMA_VERSION}.`);
}

main().catch(exitWithError);
