/**
 * How an artifact is saved: JSON whose byte arrays (the BM25 postings, the figures' columns, as
 * varints) are kept beside it as raw bytes, uncompressed, and read back as views of the file, not
 * copies. Gzipped JSON with base64 inside made every start inflate, parse and decode tens of
 * megabytes at 100k passages. A module of its own so the ingest worker, which encodes artifacts,
 * does not load the store and its native HNSW addon.
 *
 * Layout: "CLA1", the head's length (unsigned 32-bit little-endian), the head (UTF-8 JSON, each
 * Uint8Array replaced by {"$bytes":[offset,length]}), then the bytes, offsets counted from their start.
 */

/** zlib's default, for what the store still deflates (passage blocks): level 1 is faster but makes the index a third larger. */
export const GZIP_LEVEL = 6;

const MAGIC = 'CLA1';
const PREFIX_BYTES = 8;
const BYTES_KEY = '$bytes';

export function encodeArtifact(data: unknown, name = 'artifact'): Buffer {
  const sections: Uint8Array[] = [];
  let offset = 0;
  const head = JSON.stringify(data, (_key, value: unknown) => {
    if (!(value instanceof Uint8Array)) return value;
    sections.push(value);
    offset += value.length;
    return { [BYTES_KEY]: [offset - value.length, value.length] };
  });
  if (typeof head !== 'string') throw new Error(`Artifact "${name}" is not JSON-serialisable.`);
  const headBytes = Buffer.from(head, 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headBytes.length, 4);
  return Buffer.concat([prefix, headBytes, ...sections]);
}

/** The artifact again; its byte arrays are views of `encoded`. Throws on anything `encodeArtifact` did not write. */
export function decodeArtifact(encoded: Buffer): unknown {
  if (encoded.length < PREFIX_BYTES || encoded.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an artifact file');
  const headEnd = PREFIX_BYTES + encoded.readUInt32LE(4);
  if (headEnd > encoded.length) throw new Error('the artifact head runs past the end of the file');
  const bytes = encoded.subarray(headEnd);
  return JSON.parse(encoded.toString('utf8', PREFIX_BYTES, headEnd), (_key, value: unknown) => {
    const at = isBytesReference(value) ? value[BYTES_KEY] : undefined;
    if (!at) return value;
    const [start, length] = at;
    if (start + length > bytes.length) throw new Error('an artifact byte array runs past the end of the file');
    return new Uint8Array(bytes.buffer, bytes.byteOffset + start, length);
  });
}

function isBytesReference(value: unknown): value is { [BYTES_KEY]: [number, number] } {
  if (typeof value !== 'object' || value === null || !(BYTES_KEY in value)) return false;
  const at = (value as Record<string, unknown>)[BYTES_KEY];
  return Array.isArray(at) && at.length === 2 && at.every((n) => Number.isInteger(n) && n >= 0);
}
