/**
 * Ingest: reports folder -> passages -> vectors -> saved index. Incremental: unchanged files keep
 * their vectors, changed files are replaced, removed files leave the index. One writer at a time.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { embeddingText } from '../embed/embedding-text.js';
import type { Embedder } from '../embed/types.js';
import { chunkDocument } from '../ingest/chunk.js';
import { findReportFiles } from '../ingest/discover.js';
import { estimatedPassages } from '../ingest/estimate.js';
import { loadDocuments } from '../ingest/load-document.js';
import type { LoadedDocument, Passage } from '../ingest/types.js';
import type { TermNormaliser } from '../search/text-analysis.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import { acquireIndexLock } from '../store/lock.js';
import { PassageStore } from '../store/passage-store.js';
import { IndexLoadError } from '../store/types.js';
import { ArtifactsWorker, importArtifactsBuilder, workerOldGenerationMb, type EncodedArtifacts } from './artifacts.js';
import type { IngestSummary } from './types.js';

export const LEXICAL_ARTIFACT = 'bm25';
export const FIGURES_ARTIFACT = 'figures';
/** Bumped when the BM25 or figures artifact changes shape, so the next ingest rewrites them. */
export const ARTIFACTS_VERSION = 17;
const ARTIFACTS_META = 'artifacts-meta';

/** Whether the store's BM25 and figures indexes were built by this version's code (ARTIFACTS_VERSION). */
export function artifactsAreCurrent(store: PassageStore): boolean {
  return store.getArtifact<{ version?: number }>(ARTIFACTS_META)?.version === ARTIFACTS_VERSION;
}

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
  /** Build the BM25 and figures indexes on a worker thread: by default when the index is expected to reach WORKER_MIN_PASSAGES. */
  artifactsWorker?: 'always' | 'never';
  /** The worker's heap limit in MiB; by default workerOldGenerationMb of the passages expected. */
  workerOldGenerationMb?: number;
}

/** The worker setting for INGEST_THREADS (CoreConfig.ingestThreads): 1 never starts one. */
export function artifactsWorkerFor(threads: 1 | 2): BuildIndexOptions['artifactsWorker'] {
  return threads === 1 ? 'never' : undefined;
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

/** Passages embedded together: across documents, so that small documents still make full model batches. */
const EMBED_GROUP = 512;
/**
 * From this many passages the search artifacts are built on a worker; below it, in-process, where
 * they cost less than starting a worker. Ingest milliseconds on 2 cores, three runs each,
 * in-process against a worker started before reading: 88 passages 266–343 against 305–344, 250
 * passages 329–356 against 348–383, 500 passages 601–650 against 523–581.
 */
const WORKER_MIN_PASSAGES = 300;

/** A report read and cut into passages, waiting for its vectors. */
interface PendingDocument {
  document: LoadedDocument;
  passages: Passage[];
  existed: boolean;
  file: string;
}

async function buildLocked(options: BuildIndexOptions, started: number): Promise<IngestSummary> {
  const { embedder, indexDir, onProgress, log = () => {} } = options;
  const store = await openOrCreate(options, log);
  const found = await findReportFiles(options.paths);
  const total = found.files.length;
  onProgress?.({ stage: 'scan', files: total });

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
  let done = 0;
  const finished = (file: string, passages: number) => onProgress?.({ stage: 'file', done: (done += 1), total, file, passages });

  // 1. Read and cut every report. Where the index will be large, guessed from the files' sizes, the
  // worker that will build its search indexes starts booting now, behind the reading; should the
  // guess be low, it starts once the passages read reach the threshold. Where it will be small, the
  // code that builds them here is imported now, behind the reading.
  const mode = options.artifactsWorker;
  const startWorker = (expectedPassages: number) =>
    ArtifactsWorker.start({ oldGenerationMb: options.workerOldGenerationMb ?? workerOldGenerationMb(expectedPassages) });
  // Guessed only where a worker may be started: with INGEST_THREADS=1 there is nothing to decide.
  const expected = mode === 'never' ? store.passageCount : Math.max(store.passageCount, await estimatedPassages(found.files));
  let worker = mode === 'always' || (mode === undefined && expected >= WORKER_MIN_PASSAGES) ? startWorker(expected) : undefined;
  const inProcess = worker ? undefined : importArtifactsBuilder();
  // Awaited when the artifacts are built here; unused (and then harmless) if a worker builds them.
  inProcess?.catch(() => {});
  try {
    const { seen, pending } = await readReports(found, store, summary, finished, (passageCount, expectedPassages) => {
      if (!worker && mode === undefined && passageCount >= WORKER_MIN_PASSAGES) worker = startWorker(expectedPassages);
    });
    const removed = store.documents().filter((document) => !seen.has(document.docId));

    // 2. The search artifacts describe the passages the index will hold once this ingest is done:
    // worked out now, on a second core, while the first makes the vectors.
    const changed = pending.length + removed.length > 0;
    const staleArtifacts = !artifactsAreCurrent(store);
    const needsSave = changed || staleArtifacts || options.rebuild === true || !PassageStore.exists(indexDir);
    const artifacts = needsSave ? startArtifacts(finalPassages(store, seen, pending), options.vocabulary.normaliser, worker, inProcess, log) : undefined;
    if (!artifacts) worker?.stop();
    // Awaited below; a failure meanwhile must not go unhandled.
    artifacts?.catch(() => {});

    // 3. Vectors, in groups across documents, then each document joins the store.
    for (const group of embeddingGroups(pending)) {
      // Embedding never waits on I/O: without a turn of the event loop between groups, a re-index
      // run inside the Slack app would hold up every acknowledgement until the last vector.
      await setImmediate();
      const vectors = await embedder.embed(group.flatMap((item) => item.passages.map(embeddingText)));
      let offset = 0;
      for (const { document, passages, existed, file } of group) {
        store.addDocument(
          { docId: document.id, hash: document.hash, title: document.title, source: document.source, format: document.format },
          passages,
          vectors.slice(offset, offset + passages.length),
        );
        offset += passages.length;
        (existed ? summary.updated : summary.added).push(document.id);
        finished(file, passages.length);
      }
    }
    for (const document of removed) {
      store.removeDocument(document.docId);
      summary.removed.push(document.docId);
    }

    if (artifacts) {
      onProgress?.({ stage: 'save' });
      const built = await artifacts;
      store.setEncodedArtifact(LEXICAL_ARTIFACT, built.bm25);
      store.setEncodedArtifact(FIGURES_ARTIFACT, built.figures);
      store.setArtifact(ARTIFACTS_META, { version: ARTIFACTS_VERSION });
      await store.save(indexDir);
    }
  } catch (error) {
    worker?.stop();
    throw error;
  }
  summary.documents = store.documents().length;
  summary.passages = store.passageCount;
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

/**
 * Loads and cuts each report; an unchanged one keeps its passages and vectors, an unreadable one is
 * named in the summary. `onPassages` hears the index's running passage count, and what it would
 * come to if the reports still to read are like those read so far.
 */
async function readReports(
  found: { files: string[]; root: string },
  store: PassageStore,
  summary: IngestSummary,
  finished: (file: string, passages: number) => void,
  onPassages: (count: number, expected: number) => void,
): Promise<{ seen: Set<string>; pending: PendingDocument[] }> {
  const seen = new Set<string>();
  const pending: PendingDocument[] = [];
  let passageCount = store.passageCount;
  let filesRead = 0;
  for await (const outcome of loadDocuments(found.files, found.root)) {
    filesRead += 1;
    const { file } = outcome;
    if ('error' in outcome) {
      summary.skipped.push({ path: outcome.error.path, reason: outcome.error.reason });
      // A file that became unreadable keeps nothing stale in the index.
      finished(file, 0);
      continue;
    }
    const { document } = outcome;
    const existing = store.document(document.id);
    if (existing && existing.hash === document.hash) {
      seen.add(document.id);
      summary.unchanged.push(document.id);
      finished(file, existing.passageIds.length);
      continue;
    }
    const passages = chunkDocument(document);
    if (passages.length === 0) {
      // Nor does one that no longer has any text.
      summary.skipped.push({ path: file, reason: 'no text to index' });
      finished(file, 0);
      continue;
    }
    seen.add(document.id);
    pending.push({ document, passages, existed: existing !== undefined, file });
    passageCount += passages.length;
    // The index's own passages count once; only the new ones are extrapolated.
    const added = passageCount - store.passageCount;
    onPassages(passageCount, store.passageCount + Math.ceil((added * found.files.length) / filesRead));
  }
  return { seen, pending };
}

/**
 * The passages the store will hold after this ingest, in its order: the documents it keeps, then
 * the new and changed ones in the order they are added (store.passages() once they are).
 */
function finalPassages(store: PassageStore, seen: ReadonlySet<string>, pending: readonly PendingDocument[]): Passage[] {
  const replaced = new Set(pending.map((item) => item.document.id));
  const kept = store.documents().filter((document) => seen.has(document.docId) && !replaced.has(document.docId));
  return [
    ...kept.flatMap((document) => document.passageIds.flatMap((id) => store.passage(id) ?? [])),
    ...pending.flatMap((item) => item.passages),
  ];
}

function startArtifacts(
  passages: Passage[],
  normaliser: TermNormaliser,
  worker: ArtifactsWorker | undefined,
  builder: ReturnType<typeof importArtifactsBuilder> | undefined,
  log: (line: string) => void,
): Promise<EncodedArtifacts> {
  // Imported only when they are built here, so that a large ingest does not hold that code beside the model.
  const buildHere = async () => (await (builder ?? importArtifactsBuilder())).buildEncodedArtifacts(passages, normaliser);
  if (!worker) return buildHere();
  return worker.build(passages, normaliser).catch((error: unknown) => {
    // Slower but the same result: a worker that cannot start must not fail the ingest.
    log(`Building the search index on a second thread failed (${error instanceof Error ? error.message : String(error)}); building it here instead.`);
    return buildHere();
  });
}

/** Documents grouped so each group has about EMBED_GROUP passages (a large document is a group of its own). */
function embeddingGroups(pending: readonly PendingDocument[]): PendingDocument[][] {
  const groups: PendingDocument[][] = [];
  let current: PendingDocument[] = [];
  let size = 0;
  for (const item of pending) {
    current.push(item);
    size += item.passages.length;
    if (size >= EMBED_GROUP) {
      groups.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
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
    if (error instanceof IndexLoadError && error.kind === 'version') {
      // An index is made from the reports alone: one another Citeline wrote is built again, not read.
      log(`The index in ${indexDir} was saved in another format by another version of Citeline; building it again from the reports.`);
      return fresh();
    }
    throw error;
  }
}
