import { describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';

describe('artifact codec', () => {
  it('gives back the value, its byte arrays as views of the encoded file rather than copies', () => {
    const value = { version: 2, ids: ['a', 'b'], lengths: Uint8Array.from([1, 2, 3]), fields: [{ name: 'text', postings: Uint8Array.from([200, 1]) }, { name: 'title', postings: new Uint8Array(0) }] };
    const encoded = encodeArtifact(value);
    const decoded = decodeArtifact(encoded) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.lengths.buffer).toBe(encoded.buffer);
    expect(decoded.fields[0]!.postings).toEqual(Uint8Array.from([200, 1]));
    // The bytes stand as they are, after the head: no base64.
    expect(encoded.subarray(encoded.length - 5)).toEqual(Buffer.from([1, 2, 3, 200, 1]));
  });

  it('keeps plain JSON values as they are', () => {
    expect(decodeArtifact(encodeArtifact({ version: 8 }))).toEqual({ version: 8 });
    expect(() => encodeArtifact({ toJSON: () => undefined }, 'broken')).toThrow(/Artifact "broken"/);
  });

  it('refuses a file it did not write, or one cut short', () => {
    expect(() => decodeArtifact(Buffer.from('{"version":8}'))).toThrow(/not an artifact/);
    const encoded = encodeArtifact({ bytes: new Uint8Array(10) });
    expect(() => decodeArtifact(encoded.subarray(0, encoded.length - 1))).toThrow(/past the end/);
    expect(() => decodeArtifact(encoded.subarray(0, 12))).toThrow(/past the end/);
  });
});
