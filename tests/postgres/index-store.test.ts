import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/engine/build-index.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';
import { openDatabase } from '../../src/engine/open-database.js';
import { createEmbedder } from '../../src/embed/transformers-embedder.js';
import type { Embedder } from '../../src/embed/types.js';
import { loadStatsVocabulary } from '../../src/stats/index.js';
import { loadSearchVocabulary, type SearchVocabulary } from '../../src/search/vocabulary.js';
import type { Database } from '../../src/store/postgres/database.js';
import { GenerationMovedError, PgIndexStore } from '../../src/store/postgres/index-store.js';
import { SCHEMA_VERSION, migrate } from '../../src/store/postgres/migrations.js';
import { IndexLoadError, REBUILD_HINT } from '../../src/store/types.js';
import { coreConfigOn, eventually, postgresConfig, startLocalPostgres, type LocalPostgres } from './helpers.js';

let server: LocalPostgres;
let work: string;
let reports: string;
let embedder: Embedder;
let vocabulary: SearchVocabulary;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startLocalPostgres();
  work = await mkdtemp(join(tmpdir(), 'citeline-pg-'));
  reports = join(work, 'reports');
  await cp(resolve('reports'), reports, { recursive: true });
  const core = coreConfigOn(postgresConfig(server.url));
  [embedder, vocabulary] = await Promise.all([createEmbedder({ model: core.embeddingModel, cacheDir: core.modelCacheDir }), loadSearchVocabulary(resolve('data'))]);
});

afterAll(async () => {
  for (const thing of opened) await thing.close();
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

async function database(): Promise<Database> {
  const db = await openDatabase(postgresConfig(server.url));
  opened.push(db);
  return db;
}

const ingest = (db: Database, options: { rebuild?: boolean } = {}) =>
  buildIndex({ paths: [reports], indexDir: join(work, 'unused'), embedder, vocabulary, statsVocabulary: loadStatsVocabulary(resolve('data'), vocabulary.grades), database: db, artifactsWorker: 'never', ...options });

async function count(db: Database, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${db.table(table)}`)).rows[0]!.n);
}

describe('the Postgres schema', () => {
  it('is created once and migrating again changes nothing', async () => {
    const db = await database();
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${db.table('schema_migrations')} ORDER BY version`);
    expect(rows.map((row) => row.version).at(-1)).toBe(SCHEMA_VERSION);
  });
});

describe('the index in Postgres', () => {
  let local: Citeline;
  let onPostgres: Citeline;

  beforeAll(async () => {
    local = await openCitelineEngine({ ...coreConfigOn(postgresConfig(server.url)), store: 'local', reportsDir: reports, indexDir: join(work, 'local-index') }, { buildIfMissing: true });
    const config = { ...coreConfigOn(postgresConfig(server.url)), reportsDir: reports };
    delete (config as { postgres?: unknown }).postgres;
    onPostgres = await openCitelineEngine(coreConfigOn(postgresConfig(server.url), { reportsDir: reports }), { buildIfMissing: true });
    opened.push(onPostgres);
  });

  it('answers as the local store does, citing the same passages', async () => {
    for (const question of ['What share of councils were rated inadequate?', 'what happens to a council after an inadequate judgement?', 'who wrote Breaking the lock?']) {
      const [a, b] = await Promise.all([local.ask(question), onPostgres.ask(question)]);
      expect(b.answer).toBe(a.answer);
      expect(b.citations.map((c) => c.passageId)).toEqual(a.citations.map((c) => c.passageId));
    }
    expect(onPostgres.sources()).toEqual(local.sources());
  });

  it('finds the same nearest passages by HNSW as by an exact scan on the sample', async () => {
    const [vector] = await embedder.embed(['councils rated inadequate']);
    const [byIndex, exact] = await Promise.all([onPostgres.nearestPassageIdsAsync(vector!, 10), onPostgres.nearestPassageIdsAsync(vector!, 10, { exact: true })]);
    expect(byIndex.map((hit) => hit.id)).toEqual(exact.map((hit) => hit.id));
  });
});

describe('ingest into Postgres', () => {
  it('writes only what changed, as a new generation a running replica picks up without a restart', async () => {
    const db = await database();
    await ingest(db);
    const first = await PgIndexStore.currentGeneration(db);
    const documents = await count(db, 'documents');
    const engine = await openCitelineEngine(coreConfigOn(db.config, { reportsDir: reports }));
    opened.push(engine);

    const unchanged = await ingest(db);
    expect(unchanged.unchanged).toHaveLength(4);
    expect(await PgIndexStore.currentGeneration(db)).toBe(first);

    const file = join(reports, 'breaking-the-lock.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\n\nA closing paragraph written for this test names the Quillwort review panel as its reviewer.\n`);
    try {
      const changed = await ingest(db);
      expect(changed.updated).toEqual(['breaking-the-lock.md']);
      expect(await count(db, 'documents')).toBe(documents + 1);
      await eventually(async () => (await engine.ask('Who reviewed it, the Quillwort review panel?')).citations.some((c) => c.extract.includes('Quillwort')), 'the replica answers from the new generation');
    } finally {
      await writeFile(file, original);
    }
  });

  it('leaves the previous generation serving when a save fails part way', async () => {
    const db = await database();
    await ingest(db);
    const before = await PgIndexStore.currentGeneration(db);
    const rows = await count(db, 'passages');
    const store = await PgIndexStore.openForIngest(db, { model: embedder.model, dimension: embedder.dimension });
    const [good, bad] = await embedder.embed(['a new passage', 'another']);
    const passage = (id: string) => ({ id, docId: id, title: id, source: id, text: 'Made-up text for a made-up document.', start: 0, end: 10 });
    store.addDocument({ docId: 'a.md', hash: 'a', title: 'A', source: 'a', format: 'markdown' }, [passage('a.md')], [good!]);
    // pgvector refuses NaN: the transaction fails after the first document's rows were written.
    store.addDocument({ docId: 'b.md', hash: 'b', title: 'B', source: 'b', format: 'markdown' }, [passage('b.md')], [bad!.map(() => Number.NaN)]);
    await expect(store.save()).rejects.toThrow(/NaN/i);
    expect(await PgIndexStore.currentGeneration(db)).toBe(before);
    expect(await count(db, 'passages')).toBe(rows);
    const reloaded = await PgIndexStore.load(db, { model: embedder.model, dimension: embedder.dimension });
    expect(reloaded.documents().map((d) => d.docId).sort()).toEqual(['breaking-the-lock.md', 'brave-new-world.md', 'ofsted-grades-single-inspection-framework.md', 'ofsted-reply-to-impower.md'].sort());
  });

  it('never mixes two ingests: one that started from an older generation is refused', async () => {
    const db = await database();
    await ingest(db);
    const expected = { model: embedder.model, dimension: embedder.dimension };
    const [one, two] = await Promise.all([PgIndexStore.openForIngest(db, expected), PgIndexStore.openForIngest(db, expected)]);
    one.removeDocument('brave-new-world.md');
    two.removeDocument('breaking-the-lock.md');
    await one.save();
    await expect(two.save()).rejects.toThrow(GenerationMovedError);
    const now = await PgIndexStore.load(db, expected);
    expect(now.document('brave-new-world.md')).toBeUndefined();
    expect(now.document('breaking-the-lock.md')).toBeDefined();
  });

  it('refuses an index built with another model, with the rebuild hint', async () => {
    const db = await database();
    await ingest(db);
    const error = await PgIndexStore.load(db, { model: 'another/model', dimension: embedder.dimension }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).kind).toBe('model-mismatch');
    expect((error as Error).message).toContain(REBUILD_HINT);
  });
});
