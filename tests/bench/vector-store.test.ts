/** The store-to-store benchmark's harness: counts and recall, not timings (those are for `npm run bench`). */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/bench/scenario.js';
import type { VectorStoreResult } from '../../src/bench/vector-store.js';
import { nearestRows } from '../../src/store/passage-store.js';

describe('nearestRows', () => {
  it('ranks by cosine similarity, whatever the vectors\' lengths', () => {
    const matrix = Float32Array.from([0, 1, 3, 3, 10, 0.5, -1, 0]);
    expect(nearestRows(Float32Array.from([1, 0]), matrix, 2, 4).map((hit) => hit.row)).toEqual([2, 1, 0, 3]);
    expect(nearestRows(Float32Array.from([1, 0]), matrix, 2, 2)).toHaveLength(2);
  });
});

describe('Citeline and the peer measured alike', () => {
  it('ingests the same passages, and finds the exact nearest ten on a small corpus', async () => {
    const spec = { name: 'tiny', syntheticPassages: 300, queries: 5, measure: 'vector-store' as const };
    const citeline = (await runScenario(spec)) as VectorStoreResult;
    const peer = (await runScenario({ ...spec, peer: 'langchain' })) as VectorStoreResult;
    expect(citeline.store).toBe('Citeline');
    expect(peer.store).toBe('LangChain.js HNSWLib');
    expect(citeline.passages).toBe(peer.passages);
    expect(citeline.passages).toBeGreaterThan(250);
    // Each is searched at its own depth first, then at the other's.
    expect(citeline.searches.map((s) => s.ef)).toEqual([100, 10]);
    expect(peer.searches.map((s) => s.ef)).toEqual([10, 100]);
    // At ef 100, on 300 passages, both graphs find the exact nearest ten.
    expect(citeline.searches[0]!.recallAt10).toBe(1);
    expect(peer.searches[1]!.recallAt10).toBe(1);
    expect(peer.searches[0]!.recallAt10).toBeGreaterThan(0.5);
    expect(citeline.indexMiB).toBeGreaterThan(0);
  }, 120_000);
});
