/**
 * How an artifact is saved: gzipped JSON. A module of its own so the ingest worker, which encodes
 * artifacts, does not load the store and its native HNSW addon.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** zlib's default: level 1 is faster but makes the index a third larger. */
export const GZIP_LEVEL = 6;

export function encodeArtifact(data: unknown, name = 'artifact'): Buffer {
  const text = JSON.stringify(data);
  if (typeof text !== 'string') throw new Error(`Artifact "${name}" is not JSON-serialisable.`);
  return gzipSync(text, { level: GZIP_LEVEL });
}

export function decodeArtifact(encoded: Buffer): unknown {
  return JSON.parse(gunzipSync(encoded).toString('utf8'));
}
