/**
 * The ingest worker's thread (see ingest-worker.ts). Two jobs, in this order, the first optional:
 * - `read`: read and cut the report files, posting each as it is done, so that the main thread
 *   embeds the first while this one reads the rest;
 * - `build`: build and encode the search artifacts (BM25, figures) and post them back. The passages
 *   are those the job lists, then those read here of the documents it names.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readReports, type ReadProgress } from '../ingest/read-reports.js';
import type { Passage } from '../ingest/types.js';
import { TermNormaliser } from '../search/text-analysis.js';
import { buildVocabulary } from '../stats/vocabulary.js';
import { fail } from '../util/fail.js';
import { buildEncodedArtifacts } from './build-artifacts.js';
import type { IngestWorkerData, ToIngestWorker, FromIngestWorker } from './ingest-worker.js';

/**
 * Background work: embedding, on the main thread, is ingest's critical path, and on two cores this
 * thread took CPU from it and from its garbage collector. Reading is not: the main thread waits for
 * what it reads, so this thread lowers itself only once reading is done. On Linux a nice value is
 * per thread, so this lowers this thread alone; elsewhere it would lower the whole process, so it is
 * left alone.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Best effort: a sandbox may refuse it, and the work is the same either way.
  }
}

const port = parentPort;
if (!port) throw new Error('ingest-worker-thread.ts runs as a worker thread');
const post = (message: FromIngestWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
if (!(workerData as IngestWorkerData | undefined)?.reads) lowerPriority();

/** The passages this thread read, by document id, for the build job. */
const read = new Map<string, Passage[]>();

port.on('message', (job: ToIngestWorker) => {
  if (job.type === 'read') void readJob(job);
  else buildJob(job);
});

async function readJob(job: Extract<ToIngestWorker, { type: 'read' }>): Promise<void> {
  try {
    const progress = (progress: ReadProgress) => post({ type: 'read-progress', progress });
    for await (const report of readReports(job.files, job.root, new Map(job.known), job.reading, progress)) {
      if (report.kind === 'read') read.set(report.document.docId, report.passages);
      post({ type: 'report', report });
    }
    post({ type: 'read-end' });
  } catch (error) {
    // A bug, not a file that cannot be read (those are reports): the main thread throws it.
    post({ type: 'read-bug', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
  lowerPriority();
}

function buildJob(job: Extract<ToIngestWorker, { type: 'build' }>): void {
  const passages = [...job.passages];
  for (const docId of job.readDocIds) {
    // One at a time: a document of tens of thousands of passages would overflow a spread's arguments.
    for (const passage of read.get(docId) ?? fail(`the build job names ${docId}, which this thread did not read`)) passages.push(passage);
  }
  read.clear();
  const { bm25, figures } = buildEncodedArtifacts(passages, new TermNormaliser(new Set(job.stopwords)), buildVocabulary(job.stats.data, job.stats.grades, job.stats.stopwords));
  // Own buffers, so they can be transferred: a Buffer may share a pooled one.
  const owned = [new Uint8Array(bm25), new Uint8Array(figures)] as const;
  post({ type: 'built', artifacts: { bm25: owned[0], figures: owned[1] } }, [owned[0].buffer, owned[1].buffer]);
}
