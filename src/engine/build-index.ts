/**
 * Ingest: reports folder -> passages -> vectors -> saved index. Incremental: unchanged files keep
 * their vectors, changed files are replaced, removed files leave the index. One writer at a time.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { embeddingText } from '../embed/embedding-text.js';
import type { Embedder } from '../embed/types.js';
import { findReportFiles } from '../ingest/discover.js';
import { estimatedPassages, fileSizes } from '../ingest/estimate.js';
import { readReports, type DocumentRecord, type ReadProgressListener, type ReadReport } from '../ingest/read-reports.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../ingest/load-document.js';
import type { Passage } from '../ingest/types.js';
import type { TermNormaliser } from '../search/text-analysis.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import type { Vocabulary as StatsVocabulary } from '../stats/vocabulary.js';
import { acquireIndexLock } from '../store/lock.js';
import { PassageStore } from '../store/passage-store.js';
import type { Database } from '../store/postgres/database.js';
import { PgIndexStore } from '../store/postgres/index-store.js';
import { importArtifactsBuilder } from './artifacts.js';
import type { EncodedArtifacts } from './build-artifacts.js';
import { AsyncQueue } from '../util/async-queue.js';
import { IngestWorker, IngestWorkerFailed, workerOldGenerationMb } from './ingest-worker.js';
import { openIngestStore, type IngestStore } from './ingest-store.js';
import type { IngestSummary } from './types.js';

export const LEXICAL_ARTIFACT = 'bm25';
export const FIGURES_ARTIFACT = 'figures';
/** Bumped when the BM25 or figures artifact changes shape, so the next ingest rewrites them. */
export const ARTIFACTS_VERSION = 46;
const ARTIFACTS_META = 'artifacts-meta';


/** Whether the store's BM25 and figures indexes were built by this version's code (ARTIFACTS_VERSION). */
export function artifactsAreCurrent(store: Pick<PassageStore, 'getArtifact'>): boolean {
  return store.getArtifact<{ version?: number }>(ARTIFACTS_META)?.version === ARTIFACTS_VERSION;
}

/**
 * What ingest reports as it goes. Bytes are the files' sizes on disk: `file` carries the size of
 * the file just done, `embedding` the share of the bytes of the files being embedded that is done,
 * and `read` how far reading has got through a file, in steps within a large one and `of` when it is
 * read, so that a progress bar moves while one large file is read and cut into passages too.
 */
export type IngestProgress =
  | { stage: 'scan'; files: number; bytes: number }
  | { stage: 'read'; file: string; bytes: number; of: number }
  | { stage: 'file'; done: number; total: number; file: string; passages: number; bytes: number }
  | { stage: 'embedding'; passages: number; of: number; bytes: number }
  | { stage: 'save' };

export interface BuildIndexOptions {
  paths: string[];
  indexDir: string;
  embedder: Embedder;
  vocabulary: SearchVocabulary;
  /** The figures index's vocabulary (loadStatsVocabulary), loaded once by the caller. */
  statsVocabulary: StatsVocabulary;
  /** Ignore the existing index and embed everything again. */
  rebuild?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /** How files are read (OCR on or off): CoreConfig.ocr. */
  reading?: ReadOptions;
  log?: (line: string) => void;
  /**
   * Read the reports and build the BM25 and figures indexes on a worker thread: by default when the
   * index is expected to reach WORKER_MIN_PASSAGES.
   */
  artifactsWorker?: 'always' | 'never';
  /** The worker's heap limit in MiB; by default workerOldGenerationMb of the passages expected. */
  workerOldGenerationMb?: number;
  /** Write the index to this database (a new generation) instead of indexDir. */
  database?: Database;
}

/** The worker setting for INGEST_THREADS (CoreConfig.ingestThreads): 1 never starts one. */
export function artifactsWorkerFor(threads: 1 | 2): BuildIndexOptions['artifactsWorker'] {
  return threads === 1 ? 'never' : undefined;
}

export async function buildIndex(options: BuildIndexOptions): Promise<IngestSummary> {
  const started = performance.now();
  const release = options.database ? await PgIndexStore.lockIngest(options.database) : await acquireIndexLock(options.indexDir);
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
  document: DocumentRecord;
  passages: Passage[];
  existed: boolean;
  file: string;
}

async function buildLocked(options: BuildIndexOptions, started: number): Promise<IngestSummary> {
  const { embedder, indexDir, onProgress, log = () => {} } = options;
  const readOptions = options.reading ?? DEFAULT_READ_OPTIONS;
  const store = await openIngestStore(options, log);
  const found = await findReportFiles(options.paths);
  const total = found.files.length;
  const sizes = await fileSizes(found.files);
  onProgress?.({ stage: 'scan', files: total, bytes: [...sizes.values()].reduce((sum, size) => sum + size, 0) });

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
  const finished = (file: string, passages: number) => onProgress?.({ stage: 'file', done: (done += 1), total, file, passages, bytes: sizes.get(file) ?? 0 });
  const reading: ReadProgressListener | undefined = onProgress && ((progress) => onProgress({ stage: 'read', ...progress }));
  const read = (file: string) => reading?.({ file, bytes: sizes.get(file) ?? 0, of: sizes.get(file) ?? 0 });
  const embedded = (group: readonly PendingDocument[], passages: number, of: number) => {
    const bytes = group.reduce((sum, item) => sum + (sizes.get(item.file) ?? 0), 0);
    onProgress?.({ stage: 'embedding', passages, of, bytes: Math.round((bytes * passages) / of) });
  };

  // Where the index will be large, guessed from the files' sizes, a second thread reads the reports
  // and then builds the search indexes, and this one embeds each group of passages as soon as it has
  // arrived. Where it will be small, both happen here (a thread takes longer to start than the work
  // takes), and the code that builds the indexes is imported now, behind the reading; should the
  // guess be low, a thread is started for the indexes alone once the passages read reach the threshold.
  const mode = options.artifactsWorker;
  const startWorker = (expectedPassages: number, reads: boolean) =>
    IngestWorker.start({ oldGenerationMb: options.workerOldGenerationMb ?? workerOldGenerationMb(expectedPassages), reads });
  // Guessed only where a worker may be started: with INGEST_THREADS=1 there is nothing to decide.
  const expected = mode === 'never' ? store.passageCount : Math.max(store.passageCount, await estimatedPassages(found.files));
  let worker = mode === 'always' || (mode === undefined && expected >= WORKER_MIN_PASSAGES) ? startWorker(expected, true) : undefined;
  // Once a worker has failed, none is started again: the work it left is done here.
  let workerFailed = false;
  let inProcess = worker ? undefined : importArtifactsBuilder();
  // Awaited when the artifacts are built here; unused (and then harmless) if a worker builds them.
  inProcess?.catch(() => {});
  let embedding: Promise<void> | undefined;
  try {
    // 1. Each report as it is read: new and changed ones wait for their vectors, in groups across
    // documents, so that small documents still make full model batches.
    const known = new Map(store.documents().map((document) => [document.docId, document.hash]));
    const reports = worker
      ? readOnWorker(worker, found, known, readOptions, reading, (error) => {
          log(`Reading the reports on a second thread failed (${error.message}); reading them, and building the search index, here instead.`);
          worker = undefined;
          workerFailed = true;
          inProcess = importArtifactsBuilder();
          inProcess.catch(() => {});
        })
      : readReports(found.files, found.root, known, readOptions, reading);
    // Reading and embedding run side by side: as a group fills it is queued for its vectors, so
    // the worker's reports are taken as they come and its search-index job starts as soon as
    // reading is done, not once the vectors have caught up.
    const groups = new AsyncQueue<PendingDocument[]>();
    let embeddingFailed = false;
    embedding = (async () => {
      for await (const group of groups) await embedGroup(group, embedder, store, summary, finished, embedded);
    })();
    // Awaited below; should it fail first, reading stops at its next report.
    embedding.catch(() => (embeddingFailed = true));
    const { seen, pending } = await sortReports(reports, { store, summary, read, finished, groups, stop: () => embeddingFailed, totalFiles: total }, (passageCount, expectedPassages) => {
      if (!worker && !workerFailed && mode === undefined && passageCount >= WORKER_MIN_PASSAGES) worker = startWorker(expectedPassages, false);
    });
    if (embeddingFailed) await embedding;
    const removed = store.documents().filter((document) => !seen.has(document.docId));

    // 2. The search artifacts describe the passages the index will hold once this ingest is done:
    // worked out now, on a second core, while the first makes the last vectors.
    const changed = pending.length + removed.length > 0;
    const staleArtifacts = !artifactsAreCurrent(store);
    const saved = store instanceof PgIndexStore ? store.generation > 0 : PassageStore.exists(indexDir);
    const needsSave = changed || staleArtifacts || options.rebuild === true || !saved;
    const artifacts = needsSave
      ? startArtifacts({ store, seen, pending, normaliser: options.vocabulary.normaliser, statsVocabulary: options.statsVocabulary, worker, builder: inProcess, log })
      : undefined;
    if (!artifacts) worker?.stop();
    // Awaited below; a failure meanwhile must not go unhandled.
    artifacts?.catch(() => {});

    // 3. The last vectors; then removed documents leave the store.
    await embedding;
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
      if (store instanceof PgIndexStore) await store.save();
      else await store.save(indexDir);
    }
  } catch (error) {
    worker?.stop();
    // The lock is released once the group being embedded is done: no work goes on after the failure.
    await embedding?.catch(() => {});
    throw error;
  }
  summary.documents = store.documents().length;
  summary.passages = store.passageCount;
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

interface SortingReports {
  store: IngestStore;
  summary: IngestSummary;
  /** The file's report has come: it is read. */
  read: (file: string) => void;
  finished: (file: string, passages: number) => void;
  /** Where groups of new and changed documents wait for their vectors; closed when reading ends. */
  groups: AsyncQueue<PendingDocument[]>;
  /** Reading is no longer wanted (embedding failed). */
  stop: () => boolean;
  /** Files to read, for the passage count expected. */
  totalFiles: number;
}

/**
 * Each report into the summary, or, new or changed, into a group of about EMBED_GROUP passages
 * across documents, so that small documents still make full model batches. `onPassages` hears the
 * index's running passage count, and what it would come to if the reports still to read are like
 * those read so far. Returns the documents the index keeps, and those waiting for vectors.
 */
async function sortReports(
  reading: AsyncIterable<ReadReport>,
  { store, summary, read, finished, groups, stop, totalFiles }: SortingReports,
  onPassages: (count: number, expected: number) => void,
): Promise<{ seen: Set<string>; pending: PendingDocument[] }> {
  const seen = new Set<string>();
  const pending: PendingDocument[] = [];
  let group: PendingDocument[] = [];
  let groupPassages = 0;
  // The index's own passages, before this ingest adds any (embedding adds them as reading goes on).
  const before = store.passageCount;
  let passageCount = before;
  let filesRead = 0;
  try {
    for await (const report of reading) {
      if (stop()) break;
      filesRead += 1;
      read(report.file);
      if (report.kind === 'skipped') {
        // A file that became unreadable, or has no text left, keeps nothing stale in the index.
        summary.skipped.push({ path: report.path, reason: report.reason });
        finished(report.file, 0);
        continue;
      }
      if (report.kind === 'unchanged') {
        seen.add(report.docId);
        summary.unchanged.push(report.docId);
        finished(report.file, store.document(report.docId)?.passageIds.length ?? 0);
        continue;
      }
      const { document, passages, file } = report;
      const item: PendingDocument = { document, passages, file, existed: store.document(document.docId) !== undefined };
      seen.add(document.docId);
      pending.push(item);
      group.push(item);
      groupPassages += passages.length;
      passageCount += passages.length;
      // The index's own passages count once; only the new ones are extrapolated.
      onPassages(passageCount, before + Math.ceil(((passageCount - before) * totalFiles) / filesRead));
      if (groupPassages >= EMBED_GROUP) {
        groups.push(group);
        group = [];
        groupPassages = 0;
      }
    }
  } catch (error) {
    // The groups still waiting are dropped: nothing is embedded for an ingest that has failed.
    groups.abort(error);
    throw error;
  }
  if (group.length > 0) groups.push(group);
  groups.close();
  return { seen, pending };
}

/**
 * The reports read on the worker; should it stop, `onFailure` hears why and the files it had not
 * reported are read here. A bug in reading is thrown as itself.
 */
async function* readOnWorker(
  worker: IngestWorker,
  found: { files: string[]; root: string },
  known: ReadonlyMap<string, string>,
  reading: ReadOptions,
  onProgress: ReadProgressListener | undefined,
  onFailure: (error: IngestWorkerFailed) => void,
): AsyncGenerator<ReadReport> {
  let reported = 0;
  try {
    for await (const report of worker.read(found.files, found.root, known, reading, onProgress)) {
      reported += 1;
      yield report;
    }
    return;
  } catch (error) {
    if (!(error instanceof IngestWorkerFailed)) throw error;
    worker.stop();
    onFailure(error);
  }
  yield* readReports(found.files.slice(reported), found.root, known, reading, onProgress);
}

/** One group's vectors, in slices of EMBED_GROUP, then each of its documents joins the store. */
async function embedGroup(
  group: readonly PendingDocument[],
  embedder: Embedder,
  store: IngestStore,
  summary: IngestSummary,
  finished: (file: string, passages: number) => void,
  embedded: (group: readonly PendingDocument[], passages: number, of: number) => void,
): Promise<void> {
  // Embedding never waits on I/O: without a turn of the event loop between groups (and between the
  // slices of one large document's group), a re-index run inside the Slack app would hold up every
  // acknowledgement until the last vector.
  await setImmediate();
  const texts = group.flatMap((item) => item.passages.map(embeddingText));
  const vectors: Float32Array[] = [];
  for (let from = 0; from < texts.length; from += EMBED_GROUP) {
    if (from > 0) await setImmediate();
    for (const vector of await embedder.embed(texts.slice(from, from + EMBED_GROUP))) vectors.push(vector);
    if (texts.length > EMBED_GROUP) embedded(group, Math.min(texts.length, from + EMBED_GROUP), texts.length);
  }
  let offset = 0;
  for (const { document, passages, existed, file } of group) {
    await addDocument(store, document, passages, vectors.slice(offset, offset + passages.length));
    offset += passages.length;
    (existed ? summary.updated : summary.added).push(document.docId);
    finished(file, passages.length);
  }
}

/** A large document in steps, the event loop turned between them (putting vectors in the graph is synchronous). */
async function addDocument(store: IngestStore, ...[document, passages, vectors]: Parameters<IngestStore['addDocument']>): Promise<void> {
  if (store instanceof PgIndexStore) return store.addDocument(document, passages, vectors);
  for (const _ of store.addingDocument(document, passages, vectors)) await setImmediate();
}

/**
 * The documents the store keeps from before this ingest, in its order: the new and changed ones
 * follow them (store.passages() once they are added).
 */
function keptPassages(store: IngestStore, seen: ReadonlySet<string>, pending: readonly PendingDocument[]): Passage[] {
  const replaced = new Set(pending.map((item) => item.document.docId));
  const kept = store.documents().filter((document) => seen.has(document.docId) && !replaced.has(document.docId));
  return kept.flatMap((document) => document.passageIds.flatMap((id) => store.passage(id) ?? []));
}

interface ArtifactsInputs {
  store: IngestStore;
  seen: ReadonlySet<string>;
  pending: readonly PendingDocument[];
  normaliser: TermNormaliser;
  statsVocabulary: StatsVocabulary;
  /** If it read the reports, it holds the pending documents' passages. */
  worker: IngestWorker | undefined;
  builder: ReturnType<typeof importArtifactsBuilder> | undefined;
  log: (line: string) => void;
}

/** The BM25 and figures indexes of the passages the store will hold: on the worker if there is one, else here. */
function startArtifacts({ store, seen, pending, normaliser, statsVocabulary, worker, builder, log }: ArtifactsInputs): Promise<EncodedArtifacts> {
  const kept = keptPassages(store, seen, pending);
  const all = () => [...kept, ...pending.flatMap((item) => item.passages)];
  // Imported only when they are built here, so that a large ingest does not hold that code beside the model.
  const buildHere = async () => (await (builder ?? importArtifactsBuilder())).buildEncodedArtifacts(all(), normaliser, statsVocabulary);
  if (!worker) return buildHere();
  const built = worker.reads ? worker.build(kept, normaliser, statsVocabulary, pending.map((item) => item.document.docId)) : worker.build(all(), normaliser, statsVocabulary);
  return built.catch((error: unknown) => {
    // Slower but the same result: a worker that cannot start must not fail the ingest.
    log(`Building the search index on a second thread failed (${error instanceof Error ? error.message : String(error)}); building it here instead.`);
    return buildHere();
  });
}
