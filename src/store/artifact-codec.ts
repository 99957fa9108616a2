/**
 * How an artifact is saved: JSON whose byte arrays (the BM25 postings, the figures' columns, as
 * varints) are kept beside it as raw bytes, uncompressed, and read back as views of the file, not
 * copies. Gzipped JSON with base64 inside made every start inflate, parse and decode tens of
 * megabytes at 100k passages. A module of its own so the ingest worker, which encodes artifacts,
 * does not load the store and its native HNSW addon.
 *
 * Layout: "CLA1", the head's length (unsigned 32-bit little-endian), the head (UTF-8 JSON:
 * {"bytes":[[path, offset, length], ...],"value":...}, each byte array's place in the value named by
 * its path and left null there), then the bytes, offsets counted from their start. The paths are
 * listed rather than marked inline so the head is read by a plain JSON.parse: a reviver is called
 * for every value, and a BM25 head lists every passage id.
 */

/** zlib's default, for what the store still deflates (passage blocks): level 1 is faster but makes the index a third larger. */
export const GZIP_LEVEL = 6;

const MAGIC = 'CLA1';
const PREFIX_BYTES = 8;

type Path = (string | number)[];

export function encodeArtifact(data: unknown, name = 'artifact'): Buffer {
  const sections: Uint8Array[] = [];
  const places: [Path, number, number][] = [];
  const paths = new WeakMap<object, Path>();
  let offset = 0;
  const value = JSON.stringify(data, function (this: object, key: string, item: unknown) {
    // Most values are numbers and strings (every passage id, every term): they need no path, and
    // making one for each was most of this function's garbage.
    if (typeof item !== 'object' || item === null) return item;
    // The first call's holder is a wrapper of the root, which has no path of its own.
    const holder = paths.get(this);
    const path = holder ? [...holder, key] : [];
    if (item instanceof Uint8Array) {
      sections.push(item);
      places.push([path, offset, item.length]);
      offset += item.length;
      return null;
    }
    paths.set(item, path);
    return item;
  });
  if (typeof value !== 'string') throw new Error(`Artifact "${name}" is not JSON-serialisable.`);
  const headBytes = Buffer.from(`{"bytes":${JSON.stringify(places)},"value":${value}}`, 'utf8');
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
  const head = JSON.parse(encoded.toString('utf8', PREFIX_BYTES, headEnd)) as { bytes: [Path, number, number][]; value: unknown };
  let value = head.value;
  for (const [path, start, length] of head.bytes) {
    if (start + length > bytes.length) throw new Error('an artifact byte array runs past the end of the file');
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset + start, length);
    if (path.length === 0) {
      value = view;
      continue;
    }
    let holder = value as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    holder[path[path.length - 1]!] = view;
  }
  return value;
}
