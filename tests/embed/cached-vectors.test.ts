import { describe, expect, it } from 'vitest';
import { CachedVectors } from '../../src/embed/cached-vectors.js';
import type { Embedder } from '../../src/embed/types.js';

/** Embeds a text as its length, and remembers what it was asked to embed. */
function countingEmbedder(): Embedder & { asked: string[] } {
  const asked: string[] = [];
  return { model: 'length', dimension: 1, asked, embed: async (texts) => texts.map((text) => (asked.push(text), Float32Array.of(text.length))) };
}

describe('cached vectors', () => {
  it('embeds each text once, however often it is asked for', async () => {
    const embedder = countingEmbedder();
    const vectors = new CachedVectors(embedder, 10);
    const first = await vectors.get(['harbour', 'quay', 'harbour']);
    const second = await vectors.get(['quay', 'berth']);
    expect(embedder.asked).toEqual(['harbour', 'quay', 'berth']);
    expect([...first.entries()].map(([text, v]) => [text, v[0]])).toEqual([['harbour', 7], ['quay', 4]]);
    expect(second.get('quay')).toBe(first.get('quay'));
    expect(second.get('berth')?.[0]).toBe(5);
  });

  it('drops the text used longest ago when full, not one used since', async () => {
    const embedder = countingEmbedder();
    const vectors = new CachedVectors(embedder, 2);
    await vectors.get(['ferry', 'pier']);
    await vectors.get(['ferry']); // used again: 'pier' is now the one used longest ago
    await vectors.get(['dock']);
    await vectors.get(['ferry', 'pier']);
    expect(embedder.asked).toEqual(['ferry', 'pier', 'dock', 'pier']);
  });

  it('returns every text asked for even when keeping them drops some of them', async () => {
    const vectors = new CachedVectors(countingEmbedder(), 1);
    const found = await vectors.get(['tide', 'swell', 'spray']);
    expect([...found.keys()]).toEqual(['tide', 'swell', 'spray']);
  });
});
