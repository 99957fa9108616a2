/**
 * Ingest: reports folder -> passages -> vectors -> saved index. Incremental: unchanged files keep
 * their vectors, changed files are replaced, removed files leave the index. One writer at a time.
 */
import { performance } from 'node:perf_hooks';
import type { Embedder } from '../embed/types.js';
import { chunkDocument } from '../ingest/chunk.js';
import { findReportFiles } from '../ingest/discover.js';
import { loadDocument } from '../ingest/load-document.js';
import { UnreadableDocumentError } from '../ingest/types.js';
import { LexicalIndex } from '../search/lexical-index.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import { FiguresIndex, extractFigures } from '../stats/index.js';
import { acquireIndexLock } from '../store/lock.js';
import { PassageStore } from '../store/passage-store.js';
import { IndexLoadError } from '../store/types.js';
import type { IngestSummary } from './types.js';

export const LEXICAL_ARTIFACT = 'bm25';
export const FIGURES_ARTIFACT = 'figures';
/** Bumped when the BM25 or figures artifact changes shape, so the next ingest rewrites them. */
export const ARTIFACTS_VERSION = 2;
const ARTIFACTS_META = 'artifacts-meta';

export type IngestProgress =
  | { stage: 'scan'; files: number }
  | { stage: 'file'; done: number; total: number; file: string; passages: number }
  | { stage: 'save' };

export interface BuildIndexOptions {
  paths: string[];
  indexDir: string;
  embedder: Embedder;
  vocabulary: SearchVocabulary;
  /** Ignore the existing index and embed everything again. */
  rebuild?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  log?: (line: string) => void;
}

export async function buildIndex(options: BuildIndexOptions): Promise<IngestSummary> {
  const started = performance.now();
  const release = await acquireIndexLock(options.indexDir);
  try {
    return await buildLocked(options, started);
  } finally {
    await release();
  }
}

async function buildLocked(options: BuildIndexOptions, started: number): Promise<IngestSummary> {
  const { embedder, indexDir, onProgress, log = () => {} } = options;
  const store = await openOrCreate(options, log);
  const found = await findReportFiles(options.paths);
  onProgress?.({ stage: 'scan', files: found.files.length });

  const summary: IngestSummary = {
    documents: 0,
    passages: 0,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
    skipped: [...found.skipped],
    seconds: 0,
  };

  const seen = new Set<string>();
  let done = 0;
  for (const file of found.files) {
    done += 1;
    let document;
    try {
      document = await loadDocument(file, found.root);
    } catch (error) {
      if (!(error instanceof UnreadableDocumentError)) throw error;
      summary.skipped.push({ path: error.path, reason: error.reason });
      // A file that became unreadable keeps nothing stale in the index.
      onProgress?.({ stage: 'file', done, total: found.files.length, file, passages: 0 });
      continue;
    }
    seen.add(document.id);
    const existing = store.document(document.id);
    if (existing && existing.hash === document.hash) {
      summary.unchanged.push(document.id);
      onProgress?.({ stage: 'file', done, total: found.files.length, file, passages: existing.passageIds.length });
      continue;
    }
    const passages = chunkDocument(document);
    if (passages.length === 0) {
      summary.skipped.push({ path: file, reason: 'no text to index' });
      continue;
    }
    const vectors = await embedder.embed(passages.map(embeddingText));
    store.addDocument(
      { docId: document.id, hash: document.hash, title: document.title, source: document.source, format: document.format },
      passages,
      vectors,
    );
    (existing ? summary.updated : summary.added).push(document.id);
    onProgress?.({ stage: 'file', done, total: found.files.length, file, passages: passages.length });
  }

  for (const document of store.documents()) {
    if (!seen.has(document.docId)) {
      store.removeDocument(document.docId);
      summary.removed.push(document.docId);
    }
  }

  const changed = summary.added.length + summary.updated.length + summary.removed.length > 0;
  const staleArtifacts = store.getArtifact<{ version?: number }>(ARTIFACTS_META)?.version !== ARTIFACTS_VERSION;
  if (changed || staleArtifacts || options.rebuild || !PassageStore.exists(indexDir)) {
    onProgress?.({ stage: 'save' });
    const passages = store.passages();
    store.setArtifact(LEXICAL_ARTIFACT, LexicalIndex.build(passages, options.vocabulary.normaliser).toJSON());
    store.setArtifact(FIGURES_ARTIFACT, new FiguresIndex(extractFigures(passages)).toJSON());
    store.setArtifact(ARTIFACTS_META, { version: ARTIFACTS_VERSION });
    await store.save(indexDir);
  }
  summary.documents = store.documents().length;
  summary.passages = store.passages().length;
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

/** The vector of a passage also carries its title and heading, which name its subject. */
export function embeddingText(passage: { title: string; heading?: string; text: string }): string {
  return [passage.title, passage.heading, passage.text].filter(Boolean).join('\n');
}

async function openOrCreate(options: BuildIndexOptions, log: (line: string) => void): Promise<PassageStore> {
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
    throw error;
  }
}
