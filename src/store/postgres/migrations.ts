/**
 * The schema, created and migrated by Citeline itself (`npm run db:migrate`, and at every start). Each
 * migration runs once, in order, in its own transaction, recorded in schema_migrations; replicas starting
 * together take turns on an advisory lock, so none sees a half-made schema.
 */
import type { Database } from './database.js';

/** The advisory lock key of migrations ("citeline-migrate"); ingest has its own (INGEST_LOCK_KEY). */
const MIGRATE_LOCK_KEY = 7_362_918_401;

interface Migration {
  version: number;
  name: string;
  sql: (schema: string) => string;
}

/** Append only: a released migration is never edited, a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'index: generations, documents, passages with vectors, artifacts',
    sql: (s) => `
      CREATE TABLE "${s}".index_meta (
        id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        model text,
        dimension int,
        current_generation bigint
      );
      INSERT INTO "${s}".index_meta (id) VALUES (1);
      CREATE TABLE "${s}".generations (
        id bigserial PRIMARY KEY,
        built_at timestamptz NOT NULL DEFAULT now(),
        document_count int NOT NULL,
        passage_count int NOT NULL
      );
      -- A row lives from generation born (included) to died (excluded): unchanged documents are shared
      -- by every generation that keeps them, so an ingest writes only what changed.
      CREATE TABLE "${s}".documents (
        row_id bigserial PRIMARY KEY,
        doc_id text NOT NULL,
        hash text NOT NULL,
        title text NOT NULL,
        source text NOT NULL,
        format text NOT NULL,
        born bigint NOT NULL,
        died bigint
      );
      CREATE INDEX documents_live ON "${s}".documents (born, died);
      CREATE TABLE "${s}".passages (
        row_id bigserial PRIMARY KEY,
        document_row bigint NOT NULL REFERENCES "${s}".documents (row_id) ON DELETE CASCADE,
        ord int NOT NULL,
        passage_id text NOT NULL,
        body json NOT NULL,
        born bigint NOT NULL,
        died bigint,
        -- Typed with its dimension, and given its HNSW index, once the first ingest records the model.
        embedding vector NOT NULL
      );
      CREATE INDEX passages_document ON "${s}".passages (document_row, ord);
      CREATE TABLE "${s}".artifacts (
        generation bigint NOT NULL REFERENCES "${s}".generations (id) ON DELETE CASCADE,
        name text NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (generation, name)
      );`,
  },
  {
    version: 2,
    name: 'Slack state shared by replicas: events seen, rate limit, thread memory, feedback',
    sql: (s) => `
      CREATE TABLE "${s}".slack_events (
        event_id text PRIMARY KEY,
        seen_at timestamptz NOT NULL DEFAULT now(),
        -- Set once the event's answer is posted; until then a retry may take over from a replica that died.
        done boolean NOT NULL DEFAULT false
      );
      CREATE INDEX slack_events_seen ON "${s}".slack_events (seen_at);
      CREATE TABLE "${s}".slack_questions (
        user_id text NOT NULL,
        asked_at timestamptz NOT NULL
      );
      CREATE INDEX slack_questions_user ON "${s}".slack_questions (user_id, asked_at);
      CREATE TABLE "${s}".slack_threads (
        thread_key text PRIMARY KEY,
        question text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE "${s}".feedback (
        id bigserial PRIMARY KEY,
        time timestamptz NOT NULL,
        user_id text NOT NULL,
        channel text NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        passage_ids text[] NOT NULL,
        helpful boolean NOT NULL
      );`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Brings the schema up to SCHEMA_VERSION; returns the migrations it applied. Refuses a newer schema. */
export async function migrate(db: Database): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY]);
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${db.table('schema_migrations')} (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${db.table('schema_migrations')}`)).rows.map((row) => row.version));
    const newest = Math.max(0, ...done);
    if (newest > SCHEMA_VERSION) {
      throw new Error(`The database schema "${db.schema}" is at version ${newest}, newer than this Citeline knows (${SCHEMA_VERSION}): run the newer Citeline, or another PG_SCHEMA.`);
    }
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(db.schema));
      await client.query(`INSERT INTO ${db.table('schema_migrations')} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(`${migration.version}: ${migration.name}`);
    }
  });
  return applied;
}
