/**
 * Ingest's second thread. For a large ingest it reads and cuts the report files, posting each as it
 * is done, while the main thread embeds what has arrived; then it builds the search artifacts (BM25,
 * figures), which need every passage, while the main thread embeds the rest. For an ingest whose
 * size was underestimated it does only the second job, given the passages.
 *
 * Started before its work is known: starting a worker and building a one-passage index on it takes
 * 0.13–0.15 s (finding its bundle unchanged, starting V8, importing the bundle, the code's first
 * run). The thread runs ingest-worker-thread.ts bundled into plain JavaScript (bundled-script.ts);
 * where that cannot be made it starts through worker-boot.mjs, which registers tsx in the worker (a
 * worker's entry is resolved before any loader of its parent applies). The encoded artifacts come
 * back transferred.
 */
import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadProgress, ReadReport, readReports } from '../ingest/read-reports.js';
import type { Passage } from '../ingest/types.js';
import type { TermNormaliser } from '../search/text-analysis.js';
import { vocabularySource as statsVocabularySource, type Vocabulary as StatsVocabulary, type VocabularySource as StatsVocabularySource } from '../stats/vocabulary.js';
import type { EncodedArtifacts } from './build-artifacts.js';
import { bundledScript } from './bundled-script.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../ingest/load-document.js';
import { AsyncQueue } from '../util/async-queue.js';

/** Messages to the thread. */
export type ToIngestWorker =
  | { type: 'read'; files: readonly string[]; root: string; known: [docId: string, hash: string][]; reading: ReadOptions }
  | {
      type: 'build';
      /** Passages given, then those the thread read of `readDocIds`, in that order. */
      passages: readonly Passage[];
      readDocIds: readonly string[];
      /** What the thread's term normaliser needs. */
      stopwords: string[];
      /** What the thread's figures vocabulary is built from: the caller's, as plain data. */
      stats: StatsVocabularySource;
    };

/** Messages from the thread. */
export type FromIngestWorker =
  | { type: 'report'; report: ReadReport }
  | { type: 'read-progress'; progress: ReadProgress }
  | { type: 'read-end' }
  | { type: 'read-bug'; message: string; stack?: string }
  | { type: 'built'; artifacts: EncodedArtifacts };

/** What the thread is told when it starts. */
export interface IngestWorkerData {
  /** It will read before it builds: it keeps its normal priority until reading is done. */
  reads?: boolean;
  /** Its TypeScript entry, when it starts through worker-boot.mjs. */
  entry?: string;
}

export type WorkerScript = 'bundled' | 'typescript';

export interface IngestWorkerOptions {
  /** The bundled worker, falling back to TypeScript through tsx (the default), or tsx alone. */
  script?: WorkerScript;
  /** Its old generation's limit (default: workerOldGenerationMb of 0, the least). */
  oldGenerationMb?: number;
  /** It will be asked to read the reports (`read`) before it builds. */
  reads?: boolean;
}

/**
 * The thread stopped (it could not start, ran out of memory, or crashed): what it was doing can be
 * done on the main thread instead. A bug in reading is an ordinary Error.
 */
export class IngestWorkerFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'IngestWorkerFailed';
  }
}

/**
 * The worker's young generation, in MiB. Its jobs make garbage fast from a small live set (building
 * the artifacts at 10k passages, about 26 MiB once collected); V8's default nursery grows to tens of
 * MiB that stay committed beside the main thread's. Measured at 10k passages, three runs each: peak
 * memory of the whole ingest 410-431 MiB by default, 376-399 MiB at 1-4 MiB, at the same speed.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * The worker's old generation, in MiB, for an ingest of about `passages` passages. V8 puts off a
 * heap's first full collection by its limit: with none set, the worker collected nothing until late
 * and its garbage stayed resident (at 10k passages the worker grew by 80-85 MiB without a limit,
 * 62-68 with 1024). Building the indexes keeps about 5 KiB a passage live, so the limit allows 12,
 * never less than 1024 MiB and never more than the machine's memory. A limit reached while reading
 * sends the rest of the reading to the main thread.
 * A worker that runs out anyway fails, and ingest does its work on the main thread instead.
 */
export function workerOldGenerationMb(passages: number, machineMiB = Math.floor(totalmem() / 2 ** 20)): number {
  // More than the machine has would limit nothing.
  return Math.min(machineMiB, Math.max(1024, Math.ceil((passages * 12) / 1024)));
}

export class IngestWorker {
  private readonly worker: Promise<Worker>;
  private readonly inbox = new AsyncQueue<FromIngestWorker>();
  private finished = false;

  private constructor(
    entry: URL,
    script: WorkerScript,
    oldGenerationMb: number,
    /** It reads the reports before it builds, and holds their passages for the build. */
    readonly reads: boolean,
  ) {
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb };
    const typescript = () =>
      new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href, reads } satisfies IngestWorkerData, resourceLimits });
    const bundled = (bundle: URL) => new Worker(bundle, { workerData: { reads } satisfies IngestWorkerData, resourceLimits });
    this.worker = script === 'typescript' ? Promise.resolve().then(typescript) : bundledScript(entry).then(bundled, typescript);
    this.worker.then(
      (worker) => {
        worker.on('message', (message: FromIngestWorker) => this.inbox.push(message));
        worker.once('error', (error) => this.inbox.fail(new IngestWorkerFailed(error)));
        worker.once('exit', (code) => {
          if (!this.finished) this.inbox.fail(new IngestWorkerFailed(new Error(`the ingest worker exited with code ${code} before it finished`)));
        });
        if (this.finished) void worker.terminate();
      },
      (error: unknown) => this.inbox.fail(new IngestWorkerFailed(error)),
    );
  }

  static start(options: IngestWorkerOptions = {}): IngestWorker {
    const { script = 'bundled', oldGenerationMb = workerOldGenerationMb(0), reads = false } = options;
    return new IngestWorker(new URL('./ingest-worker-thread.ts', import.meta.url), script, oldGenerationMb, reads);
  }

  /**
   * readReports on the thread: each of `files` read, in order, as it is done, and `onProgress`
   * told how far the thread has got within a large file as the reports are taken. Throws
   * IngestWorkerFailed if the thread stops, having yielded the files before; a bug in reading is
   * thrown as itself.
   */
  async *read(...[files, root, known, reading = DEFAULT_READ_OPTIONS, onProgress]: Parameters<typeof readReports>): AsyncGenerator<ReadReport> {
    await this.post({ type: 'read', files, root, known: [...known], reading });
    for await (const message of this.inbox) {
      if (message.type === 'report') yield message.report;
      else if (message.type === 'read-progress') onProgress?.(message.progress);
      else if (message.type === 'read-end') return;
      else if (message.type === 'read-bug') throw Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {});
      else throw new Error(`the ingest worker sent ${message.type} while reading`);
    }
  }

  /**
   * The encoded artifacts of `passages` then of the passages this worker read of `readDocIds`.
   * Rejects with IngestWorkerFailed if the thread stops first.
   */
  async build(passages: readonly Passage[], normaliser: TermNormaliser, statsVocabulary: StatsVocabulary, readDocIds: readonly string[] = []): Promise<EncodedArtifacts> {
    try {
      await this.post({ type: 'build', passages, readDocIds, stopwords: [...normaliser.stopwords], stats: statsVocabularySource(statsVocabulary) });
      const { value: message } = await this.inbox.next();
      if (message?.type !== 'built') throw new Error(`the ingest worker sent ${message?.type ?? 'nothing'} instead of the search index`);
      return message.artifacts;
    } finally {
      // Done, or of no more use: a thread left running would keep a command-line ingest from exiting.
      this.stop();
    }
  }

  /** Ends the thread: its work is done, will not be needed (nothing changed), or ingest failed. */
  stop(): void {
    this.finished = true;
    void this.worker.then((worker) => worker.terminate(), () => {});
  }

  private async post(message: ToIngestWorker): Promise<void> {
    let worker: Worker;
    try {
      worker = await this.worker;
    } catch (error) {
      throw new IngestWorkerFailed(error);
    }
    worker.postMessage(message);
  }
}
