/**
 * The search artifacts saved beside the passages: the BM25 index and the figures index. Both derive
 * from the passages alone, so ingest can build them on a second core while the first embeds. This
 * module starts that worker; build-artifacts.ts builds them, in the worker or, for a small index,
 * in-process.
 */
import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Passage } from '../ingest/types.js';
import type { SavedLexicalIndex } from '../search/lexical-index.js';
import type { TermNormaliser } from '../search/text-analysis.js';
import type { SavedFiguresIndex } from '../stats/index.js';
import { bundledScript } from './bundled-script.js';

export interface SearchArtifacts {
  bm25: SavedLexicalIndex;
  figures: SavedFiguresIndex;
}

/** The artifacts as saved (see encodeArtifact): what ingest hands the store. */
export interface EncodedArtifacts {
  bm25: Uint8Array;
  figures: Uint8Array;
}

/** What the worker is given: the passages and the stopwords its term normaliser needs. */
export interface ArtifactsJob {
  passages: readonly Passage[];
  stopwords: string[];
}

export type WorkerScript = 'bundled' | 'typescript';

/**
 * The worker's young generation, in MiB. Its job is one batch whose live set is small (at 10k
 * passages about 26 MiB once collected) but which makes garbage fast; V8's default nursery grows to
 * tens of MiB that stay committed beside the main thread's. Measured at 10k passages, three runs
 * each: peak memory of the whole ingest 410-431 MiB by default, 376-399 MiB at 1-4 MiB, at the same
 * speed.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * The worker's old generation, in MiB, for an ingest of about `passages` passages. V8 puts off a
 * heap's first full collection by its limit: with none set, the worker collected nothing until late
 * and its garbage stayed resident. Measured as the worker's own growth, two runs each: at 10k
 * passages 80-85 MiB without a limit, 62-68 with 1024; at 100k 580 against 517. The job's live set is
 * about 5 KiB a passage (450 MiB at 100k), so the limit allows 12, never less than 1024 MiB and
 * never more than the machine's memory.
 * A worker that runs out anyway fails, and ingest builds the indexes in-process instead.
 */
export function workerOldGenerationMb(passages: number, machineMiB = Math.floor(totalmem() / 2 ** 20)): number {
  // More than the machine has would limit nothing.
  return Math.min(machineMiB, Math.max(1024, Math.ceil((passages * 12) / 1024)));
}

/**
 * The code that builds the artifacts, for building them in-process: from its bundle (bundled-script.ts),
 * which imports in a quarter of the time its modules take through tsx, or, where no bundle can be made
 * (esbuild is a development dependency), from its modules.
 */
export async function importArtifactsBuilder(): Promise<typeof import('./build-artifacts.js')> {
  try {
    return (await import((await bundledScript(new URL('./build-artifacts.ts', import.meta.url))).href)) as typeof import('./build-artifacts.js');
  } catch {
    return import('./build-artifacts.js');
  }
}

export interface ArtifactsWorkerOptions {
  /** The bundled worker, falling back to TypeScript through tsx (the default), or tsx alone. */
  script?: WorkerScript;
  /** Its old generation's limit (default: workerOldGenerationMb of 0, the least). */
  oldGenerationMb?: number;
}

/**
 * `buildEncodedArtifacts` on a worker thread, started before its passages are known: starting a
 * worker and building a one-passage index on it takes 0.13–0.15 s (finding its bundle unchanged,
 * starting V8, importing the bundle, the code's first run), spent while ingest is still reading the
 * reports. The worker runs artifacts-worker.ts bundled into plain JavaScript
 * (bundled-script.ts); where that cannot be made it starts through worker-boot.mjs, which registers
 * tsx in the worker (a worker's entry is resolved before any loader of its parent applies). The
 * encoded artifacts come back transferred.
 */
export class ArtifactsWorker {
  private readonly worker: Promise<Worker>;
  private readonly result: Promise<EncodedArtifacts>;
  private stopped = false;

  private constructor(entry: URL, script: WorkerScript, oldGenerationMb: number) {
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb };
    const typescript = () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href }, resourceLimits });
    this.worker =
      script === 'typescript' ? Promise.resolve().then(typescript) : bundledScript(entry).then((bundle) => new Worker(bundle, { resourceLimits }), typescript);
    this.result = this.worker.then(
      (worker) =>
        new Promise<EncodedArtifacts>((resolve, reject) => {
          let settled = false;
          worker.once('message', (artifacts: EncodedArtifacts) => {
            settled = true;
            resolve(artifacts);
            void worker.terminate();
          });
          worker.once('error', (error) => {
            settled = true;
            reject(error);
          });
          worker.once('exit', (code) => {
            if (!settled) reject(new Error(`the search-index worker exited with code ${code} before it finished`));
          });
          if (this.stopped) void worker.terminate();
        }),
    );
    // Awaited by build(); a failure before then must not go unhandled.
    this.result.catch(() => {});
  }

  static start(options: ArtifactsWorkerOptions = {}): ArtifactsWorker {
    const { script = 'bundled', oldGenerationMb = workerOldGenerationMb(0) } = options;
    return new ArtifactsWorker(new URL('./artifacts-worker.ts', import.meta.url), script, oldGenerationMb);
  }

  async build(passages: readonly Passage[], normaliser: TermNormaliser): Promise<EncodedArtifacts> {
    const job: ArtifactsJob = { passages, stopwords: [...normaliser.stopwords] };
    (await this.worker).postMessage(job);
    return this.result;
  }

  /** Ends a worker that will not be needed (nothing changed, or ingest failed). */
  stop(): void {
    this.stopped = true;
    void this.worker.then((worker) => worker.terminate(), () => {});
  }
}
