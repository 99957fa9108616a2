/** The index an ingest changes, opened for it: in INDEX_DIR, or a new generation in Postgres (STORE=postgres). */
import type { Embedder } from '../embed/types.js';
import { PassageStore } from '../store/passage-store.js';
import type { Database } from '../store/postgres/database.js';
import { PgIndexStore } from '../store/postgres/index-store.js';
import { IndexLoadError } from '../store/types.js';

export type IngestStore = PassageStore | PgIndexStore;

export interface IngestStoreOptions {
  indexDir: string;
  embedder: Embedder;
  rebuild?: boolean;
  database?: Database;
}

export async function openIngestStore(options: IngestStoreOptions, log: (line: string) => void): Promise<IngestStore> {
  const { embedder } = options;
  if (options.database) return PgIndexStore.openForIngest(options.database, { model: embedder.model, dimension: embedder.dimension }, { rebuild: options.rebuild === true, log });
  return openOrCreate(options, log);
}

async function openOrCreate(options: IngestStoreOptions, log: (line: string) => void): Promise<PassageStore> {
  const { embedder, indexDir } = options;
  const fresh = () => PassageStore.create({ model: embedder.model, dimension: embedder.dimension });
  if (options.rebuild || !PassageStore.exists(indexDir)) return fresh();
  try {
    return await PassageStore.load(indexDir, { model: embedder.model, dimension: embedder.dimension });
  } catch (error) {
    if (error instanceof IndexLoadError && error.kind === 'model-mismatch') {
      // Vectors from two models are not comparable: embed everything again rather than mix them.
      log(`The index was built with another embedding model; re-embedding every report with ${embedder.model}.`);
      return fresh();
    }
    if (error instanceof IndexLoadError && error.kind === 'version') {
      // An index is made from the reports alone: one another Citeline wrote is built again, not read.
      log(`The index in ${indexDir} was saved in another format by another version of Citeline; building it again from the reports.`);
      return fresh();
    }
    throw error;
  }
}
