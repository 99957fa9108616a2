/** Worker thread: builds and encodes the search artifacts for ingest (see artifacts.ts) and posts them back. */
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { TermNormaliser } from '../search/text-analysis.js';
import type { ArtifactsJob } from './artifacts.js';
import { buildEncodedArtifacts } from './build-artifacts.js';

// Background work: embedding, on the main thread, is ingest's critical path, and on two cores this
// thread took CPU from it and from its garbage collector. On Linux a nice value is per thread, so
// this lowers this thread alone; elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Best effort: a sandbox may refuse it, and the work is the same either way.
  }
}

parentPort?.once('message', (job: ArtifactsJob) => {
  const { bm25, figures } = buildEncodedArtifacts(job.passages, new TermNormaliser(new Set(job.stopwords)));
  // Own buffers, so they can be transferred: a Buffer may share a pooled one.
  const owned = [new Uint8Array(bm25), new Uint8Array(figures)] as const;
  parentPort?.postMessage({ bm25: owned[0], figures: owned[1] }, [owned[0].buffer, owned[1].buffer]);
});
