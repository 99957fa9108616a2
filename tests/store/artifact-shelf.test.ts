import { describe, expect, it } from 'vitest';
import { encodeArtifact } from '../../src/store/artifact-codec.js';
import { ArtifactShelf } from '../../src/store/artifact-shelf.js';

describe('the artifact shelf both stores keep', () => {
  it('decodes an encoded artifact when first read, and saves it as it came', () => {
    const shelf = new ArtifactShelf();
    const bytes = encodeArtifact({ terms: ['care', 'homes'], counts: new Uint8Array([3, 1]) }, 'bm25');
    shelf.setEncoded('bm25', bytes);
    expect(shelf.get<{ terms: string[] }>('bm25')?.terms).toEqual(['care', 'homes']);
    const saved = new Map(shelf.toSave());
    expect(saved.get('bm25')?.equals(bytes)).toBe(true);
  });

  it('encodes a plain value only when saved, and forgets a name set to undefined', () => {
    const shelf = new ArtifactShelf();
    shelf.set('meta', { version: 3 });
    shelf.set('gone', { x: 1 });
    shelf.set('gone', undefined);
    expect(shelf.names()).toEqual(['meta']);
    const [[name, bytes]] = [...shelf.toSave()] as [[string, Buffer]];
    expect(name).toBe('meta');
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('refuses a name that could escape its file or column', () => {
    expect(() => new ArtifactShelf().set('../x', 1)).toThrow(/Artifact name/);
  });
});
