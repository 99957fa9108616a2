/**
 * The index in Postgres: each generation's documents and passages (vectors in a pgvector column with an
 * HNSW index, cosine), and the BM25 and figures artifacts of that generation as bytes. A replica holds
 * one generation's passages and artifacts in memory, as the local store does, and asks Postgres for the
 * nearest vectors per question; ingest stages its changes here and commits them as a new generation in
 * one transaction, which `current_generation` then names.
 */
import type { Passage } from '../../ingest/types.js';
import { ArtifactShelf } from '../artifact-shelf.js';
import { IndexLoadError, type StoredDocument, type StoredPassage } from '../types.js';
import type { Database } from './database.js';

/** The advisory lock an ingest holds while it runs: one writer at a time. */
const INGEST_LOCK_KEY = 7_362_918_402;
/** Passages written per INSERT. */
const INSERT_BATCH = 500;

export interface ExpectedModel {
  model: string;
  dimension: number;
}

/** Another ingest holds the database's ingest lock. */
export class IngestRunningError extends Error {
  constructor(target: string) {
    super(`Another ingest is writing the index in the database at ${target}. Wait for it to finish and run this one again.`);
    this.name = 'IngestRunningError';
  }
}

/** A generation committed by another ingest while this one ran: this one's changes are not mixed in. */
export class GenerationMovedError extends Error {
  constructor(base: number, now: number) {
    super(`The index moved from generation ${base} to ${now} while this ingest ran (another ingest committed). Nothing was written; run ingest again.`);
    this.name = 'GenerationMovedError';
  }
}

interface Meta {
  model: string | null;
  dimension: number | null;
  current_generation: string | null;
}

interface Staged {
  document: StoredDocument;
  passages: StoredPassage[];
  vectors: Float32Array[];
}

export class PgIndexStore {
  private readonly docs = new Map<string, StoredDocument>();
  /** Database row of each document as loaded (staged ones have none until saved). */
  private readonly docRows = new Map<string, string>();
  private readonly byId = new Map<string, StoredPassage>();
  private readonly staged = new Map<string, Staged>();
  /** Rows of loaded documents that the next generation no longer holds. */
  private readonly retired = new Set<string>();
  private readonly artifacts = new ArtifactShelf();
  private nextLabel = 0;

  private constructor(
    private readonly db: Database,
    readonly model: string,
    readonly dimension: number,
    /** The generation loaded (0: none yet). */
    readonly generation: number,
    /** When that generation was committed (ISO 8601; empty for none yet). */
    readonly builtAt = '',
  ) {}

  /** The generation replicas answer from; undefined before the first ingest. */
  static async currentGeneration(db: Database): Promise<number | undefined> {
    const { rows } = await db.query<{ current_generation: string | null }>(`SELECT current_generation FROM ${db.table('index_meta')} WHERE id = 1`);
    const current = rows[0]?.current_generation;
    return current == null ? undefined : Number(current);
  }

  /** Whether the database holds an index yet. */
  static async exists(db: Database): Promise<boolean> {
    return (await PgIndexStore.currentGeneration(db)) !== undefined;
  }

  /**
   * The current generation, read in one snapshot. Throws IndexLoadError when there is none yet, or it
   * was built with another embedding model, as the local store does.
   */
  static async load(db: Database, expected: ExpectedModel): Promise<PgIndexStore> {
    return db.transaction(async (client) => {
      const meta = (await client.query<Meta>(`SELECT model, dimension, current_generation FROM ${db.table('index_meta')} WHERE id = 1`)).rows[0];
      if (!meta || meta.current_generation == null || meta.model == null || meta.dimension == null) {
        throw new IndexLoadError('missing', db.target, `No index in the database at ${db.target} (schema ${db.schema}) yet.`);
      }
      checkModel(db, meta, expected);
      const generation = Number(meta.current_generation);
      const built = await client.query<{ built_at: Date }>(`SELECT built_at FROM ${db.table('generations')} WHERE id = $1`, [generation]);
      const store = new PgIndexStore(db, meta.model, meta.dimension, generation, built.rows[0]?.built_at.toISOString() ?? '');
      const live = 'born <= $1 AND (died IS NULL OR died > $1)';
      const documents = await client.query<{ row_id: string; doc_id: string; hash: string; title: string; source: string; format: StoredDocument['format'] }>(
        `SELECT row_id, doc_id, hash, title, source, format FROM ${db.table('documents')} WHERE ${live} ORDER BY row_id`,
        [generation],
      );
      const byRow = new Map<string, StoredDocument>();
      for (const row of documents.rows) {
        const document: StoredDocument = { docId: row.doc_id, hash: row.hash, title: row.title, source: row.source, format: row.format, passageIds: [] };
        store.docs.set(row.doc_id, document);
        store.docRows.set(row.doc_id, row.row_id);
        byRow.set(row.row_id, document);
      }
      const passages = await client.query<{ document_row: string; body: Passage }>(
        `SELECT document_row, body FROM ${db.table('passages')} WHERE ${live} ORDER BY document_row, ord`,
        [generation],
      );
      // Passages in document order (the local store's order), whatever order the rows came in.
      const grouped = new Map<string, Passage[]>();
      for (const row of passages.rows) {
        const list = grouped.get(row.document_row) ?? [];
        list.push(row.body);
        grouped.set(row.document_row, list);
      }
      for (const [rowId, document] of byRow) {
        for (const passage of grouped.get(rowId) ?? []) {
          store.byId.set(passage.id, { ...passage, label: store.nextLabel++ });
          document.passageIds.push(passage.id);
        }
      }
      const artifacts = await client.query<{ name: string; bytes: Buffer }>(`SELECT name, bytes FROM ${db.table('artifacts')} WHERE generation = $1`, [generation]);
      for (const row of artifacts.rows) store.artifacts.setEncoded(row.name, row.bytes);
      return store;
    }, 'REPEATABLE READ');
  }

  /**
   * The store an ingest changes: the current generation (or nothing, with `rebuild`, or when it was
   * built with another model, whose vectors cannot be mixed with new ones).
   */
  static async openForIngest(db: Database, expected: ExpectedModel, options: { rebuild?: boolean; log?: (line: string) => void } = {}): Promise<PgIndexStore> {
    const current = await PgIndexStore.currentGeneration(db);
    if (current === undefined) return new PgIndexStore(db, expected.model, expected.dimension, 0);
    let loaded: PgIndexStore | undefined;
    try {
      loaded = await PgIndexStore.load(db, expected);
    } catch (error) {
      if (!(error instanceof IndexLoadError && error.kind === 'model-mismatch')) throw error;
      options.log?.(`The index was built with another embedding model; re-embedding every report with ${expected.model}.`);
    }
    if (loaded && !options.rebuild) return loaded;
    const fresh = new PgIndexStore(db, expected.model, expected.dimension, current);
    fresh.retireAll = true;
    return fresh;
  }

  /** Every row of the base generation leaves the next one (a rebuild, a new model). */
  private retireAll = false;

  /** Holds the database's ingest lock until the returned function is called; IngestRunningError if another ingest has it. */
  static async lockIngest(db: Database): Promise<() => Promise<void>> {
    const client = await db.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [INGEST_LOCK_KEY]);
      if (!rows[0]?.locked) throw new IngestRunningError(db.target);
    } catch (error) {
      client.release();
      throw error;
    }
    return async () => {
      await client.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK_KEY]).catch(() => {});
      client.release();
    };
  }

  documents(): StoredDocument[] {
    return [...this.docs.values()];
  }

  document(docId: string): StoredDocument | undefined {
    return this.docs.get(docId);
  }

  passages(): StoredPassage[] {
    return [...this.docs.values()].flatMap((document) => document.passageIds.map((id) => this.byId.get(id)!));
  }

  passage(id: string): StoredPassage | undefined {
    return this.byId.get(id);
  }

  documentOf(id: string): StoredDocument | undefined {
    const passage = this.byId.get(id);
    return passage && this.docs.get(passage.docId);
  }

  get passageCount(): number {
    return this.byId.size;
  }

  /** Stages a document (replacing any with its docId) for the next save. */
  addDocument(doc: Omit<StoredDocument, 'passageIds'>, passages: readonly Passage[], vectors: readonly Float32Array[]): void {
    if (passages.length !== vectors.length) throw new Error(`addDocument(${doc.docId}): ${passages.length} passages but ${vectors.length} vectors`);
    for (const vector of vectors) {
      if (vector.length !== this.dimension) throw new Error(`addDocument(${doc.docId}): a vector has ${vector.length} dimensions, the index has ${this.dimension}`);
    }
    this.removeDocument(doc.docId);
    const stored = passages.map((passage) => ({ ...passage, label: this.nextLabel++ }));
    const document: StoredDocument = { ...doc, passageIds: stored.map((passage) => passage.id) };
    for (const passage of stored) this.byId.set(passage.id, passage);
    this.docs.set(doc.docId, document);
    this.staged.set(doc.docId, { document, passages: stored, vectors: [...vectors] });
  }

  removeDocument(docId: string): number {
    const document = this.docs.get(docId);
    if (!document) return 0;
    for (const id of document.passageIds) this.byId.delete(id);
    this.docs.delete(docId);
    this.staged.delete(docId);
    const row = this.docRows.get(docId);
    if (row !== undefined) {
      this.retired.add(row);
      this.docRows.delete(docId);
    }
    return document.passageIds.length;
  }

  setArtifact(name: string, data: unknown): void {
    this.artifacts.set(name, data);
  }

  setEncodedArtifact(name: string, encoded: Uint8Array): void {
    this.artifacts.setEncoded(name, encoded);
  }

  getArtifact<T>(name: string): T | undefined {
    return this.artifacts.get<T>(name);
  }

  artifactNames(): string[] {
    return this.artifacts.names();
  }

  /**
   * Writes the staged changes as a new generation and makes it current, all in one transaction: a crash
   * or error before COMMIT leaves the previous generation serving, untouched. Refused with
   * GenerationMovedError if another ingest committed since this store was loaded. Returns the generation.
   */
  async save(): Promise<number> {
    const db = this.db;
    const generation = await db.transaction(async (client) => {
      const meta = (await client.query<Meta>(`SELECT model, dimension, current_generation FROM ${db.table('index_meta')} WHERE id = 1 FOR UPDATE`)).rows[0]!;
      const now = meta.current_generation == null ? 0 : Number(meta.current_generation);
      if (now !== this.generation) throw new GenerationMovedError(this.generation, now);
      if (meta.model !== this.model || meta.dimension !== this.dimension) await this.recordModel(client, meta);
      const { rows } = await client.query<{ id: string }>(`INSERT INTO ${db.table('generations')} (document_count, passage_count) VALUES ($1, $2) RETURNING id`, [
        this.docs.size,
        this.byId.size,
      ]);
      const next = Number(rows[0]!.id);
      if (this.retireAll) {
        await client.query(`UPDATE ${db.table('documents')} SET died = $1 WHERE died IS NULL`, [next]);
        await client.query(`UPDATE ${db.table('passages')} SET died = $1 WHERE died IS NULL`, [next]);
      } else if (this.retired.size > 0) {
        const retired = [...this.retired];
        await client.query(`UPDATE ${db.table('documents')} SET died = $1 WHERE row_id = ANY($2::bigint[])`, [next, retired]);
        await client.query(`UPDATE ${db.table('passages')} SET died = $1 WHERE document_row = ANY($2::bigint[])`, [next, retired]);
      }
      await this.writeStaged(client, next);
      for (const [name, bytes] of this.artifacts.toSave()) {
        await client.query(`INSERT INTO ${db.table('artifacts')} (generation, name, bytes) VALUES ($1, $2, $3)`, [next, name, bytes]);
      }
      await client.query(`UPDATE ${db.table('index_meta')} SET current_generation = $1 WHERE id = 1`, [next]);
      return next;
    });
    // Committed. Rows no generation from the previous one on can see go; the previous generation stays
    // one ingest longer, for a replica still answering from it.
    await db.query(`DELETE FROM ${db.table('documents')} WHERE died IS NOT NULL AND died <= $1`, [this.generation]).catch(() => {});
    await db.query(`DELETE FROM ${db.table('generations')} WHERE id < $1`, [this.generation]).catch(() => {});
    return generation;
  }

  /** The first ingest, or one with a new model: the vector column takes the dimension and its HNSW index. */
  private async recordModel(client: { query: Database['query'] }, meta: Meta): Promise<void> {
    const db = this.db;
    if (meta.dimension !== this.dimension) {
      // Vectors of another dimension cannot share the column: the old model's rows go now.
      await client.query(`DELETE FROM ${db.table('documents')}`);
      await client.query(`DROP INDEX IF EXISTS "${db.schema}".passages_embedding_hnsw`);
      await client.query(`ALTER TABLE ${db.table('passages')} ALTER COLUMN embedding TYPE vector(${Math.floor(this.dimension)})`);
      await client.query(`CREATE INDEX passages_embedding_hnsw ON ${db.table('passages')} USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 100)`);
    }
    await client.query(`UPDATE ${db.table('index_meta')} SET model = $1, dimension = $2 WHERE id = 1`, [this.model, this.dimension]);
  }

  private async writeStaged(client: { query: Database['query'] }, generation: number): Promise<void> {
    const db = this.db;
    for (const { document, passages, vectors } of this.staged.values()) {
      const { rows } = await client.query<{ row_id: string }>(
        `INSERT INTO ${db.table('documents')} (doc_id, hash, title, source, format, born) VALUES ($1, $2, $3, $4, $5, $6) RETURNING row_id`,
        [document.docId, document.hash, document.title, document.source, document.format, generation],
      );
      const row = rows[0]!.row_id;
      for (let start = 0; start < passages.length; start += INSERT_BATCH) {
        const batch = passages.slice(start, start + INSERT_BATCH);
        await client.query(
          `INSERT INTO ${db.table('passages')} (document_row, ord, passage_id, body, born, embedding)
           SELECT $1, t.ord, t.id, t.body::json, $2, t.embedding::vector FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS t(ord, id, body, embedding)`,
          [
            row,
            generation,
            batch.map((_, k) => start + k),
            batch.map((passage) => passage.id),
            batch.map(({ label: _label, ...passage }) => JSON.stringify(passage)),
            vectors.slice(start, start + INSERT_BATCH).map(vectorLiteral),
          ],
        );
      }
      this.docRows.set(document.docId, row);
    }
    this.staged.clear();
  }

  /** The k passages of this generation nearest `query`, by the HNSW index: ids and 1 - cosine distance, most similar first. */
  async nearest(query: Float32Array, k: number): Promise<{ id: string; similarity: number }[]> {
    return this.nearestBy(query, k, false);
  }

  /** The same by scanning every vector (no index): for measuring recall in the benchmark. */
  async exact(query: Float32Array, k: number): Promise<{ id: string; similarity: number }[]> {
    return this.nearestBy(query, k, true);
  }

  private async nearestBy(query: Float32Array, k: number, exact: boolean): Promise<{ id: string; similarity: number }[]> {
    if (query.length !== this.dimension) throw new Error(`nearest: query has ${query.length} dimensions, the index has ${this.dimension}`);
    const wanted = Math.min(Math.floor(k), this.byId.size);
    if (!(wanted > 0)) return [];
    // Ordering by the expression plus 0 keeps the planner off the index: an exact scan.
    const order = exact ? '(embedding <=> $1::vector) + 0' : 'embedding <=> $1::vector';
    const { rows } = await this.db.query<{ passage_id: string; distance: number }>(
      `SELECT passage_id, embedding <=> $1::vector AS distance FROM ${this.db.table('passages')}
       WHERE born <= $2 AND (died IS NULL OR died > $2) ORDER BY ${order} LIMIT $3`,
      [vectorLiteral(query), this.generation, wanted],
    );
    // An iterative index scan may return neighbours slightly out of order.
    return rows
      .map((row) => ({ id: row.passage_id, similarity: 1 - Number(row.distance) }))
      .filter((hit) => this.byId.has(hit.id))
      .sort((a, b) => b.similarity - a.similarity);
  }
}

function checkModel(db: Database, meta: Meta, expected: ExpectedModel): void {
  if (meta.model === expected.model && meta.dimension === expected.dimension) return;
  throw new IndexLoadError(
    'model-mismatch',
    db.target,
    `The index in the database at ${db.target} was built with the embedding model ${meta.model} (${meta.dimension} dimensions), but the configured model is ${expected.model} (${expected.dimension} dimensions); their vectors cannot be compared.`,
  );
}


function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}
