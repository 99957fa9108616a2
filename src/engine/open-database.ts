/** STORE=postgres: the connection pool, once the database answers and its schema is migrated. */
import type { PostgresConfig } from '../config.js';
import { Database } from '../store/postgres/database.js';
import { migrate } from '../store/postgres/migrations.js';

/** Throws DatabaseUnavailableError, with one plain message, if the database does not answer. */
export async function openDatabase(config: PostgresConfig, log: (line: string) => void = () => {}): Promise<Database> {
  const database = new Database(config);
  try {
    const applied = await migrate(database);
    for (const line of applied) log(`Database schema migrated: ${line}.`);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
