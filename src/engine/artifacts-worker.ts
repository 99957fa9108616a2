/** Worker thread: builds and encodes the search artifacts for ingest (see artifacts.ts) and posts them back. */
import { parentPort } from 'node:worker_threads';
import { TermNormaliser } from '../search/text-analysis.js';
import { buildEncodedArtifacts, type ArtifactsJob } from './artifacts.js';

parentPort?.once('message', (job: ArtifactsJob) => {
  const { bm25, figures } = buildEncodedArtifacts(job.passages, new TermNormaliser(new Set(job.stopwords)));
  // Own buffers, so they can be transferred: a Buffer may share a pooled one.
  const owned = [new Uint8Array(bm25), new Uint8Array(figures)] as const;
  parentPort?.postMessage({ bm25: owned[0], figures: owned[1] }, [owned[0].buffer, owned[1].buffer]);
});
