/** The store-to-store benchmark's harness: counts and recall, not timings (those are for `npm run bench`). */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNTHETIC_SEED, runScenario, type AnswersResult } from '../../src/bench/scenario.js';
import { writeSyntheticCorpus } from '../../src/bench/synthetic-corpus.js';
import type { VectorStoreResult } from '../../src/bench/vector-store.js';
import { nearestRows } from '../../src/store/nearest-rows.js';

describe('nearestRows', () => {
  it('ranks by cosine similarity, whatever the vectors\' lengths', () => {
    const matrix = Float32Array.from([0, 1, 3, 3, 10, 0.5, -1, 0]);
    expect(nearestRows(Float32Array.from([1, 0]), matrix, 2, 4).map((hit) => hit.row)).toEqual([2, 1, 0, 3]);
    expect(nearestRows(Float32Array.from([1, 0]), matrix, 2, 2)).toHaveLength(2);
  });

  it('gives what sorting every row gives, ties to the earlier row', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    // Rows repeat every 50, so many similarities tie.
    const base = Float32Array.from({ length: 50 * 8 }, random);
    const matrix = new Float32Array(500 * 8);
    for (let row = 0; row < 500; row++) matrix.set(base.subarray((row % 50) * 8, (row % 50) * 8 + 8), row * 8);
    const query = Float32Array.from({ length: 8 }, random);
    const all = nearestRows(query, matrix, 8, 500);
    const sorted = [...all].sort((a, b) => b.similarity - a.similarity || a.row - b.row);
    expect(all).toEqual(sorted);
    expect(nearestRows(query, matrix, 8, 25)).toEqual(sorted.slice(0, 25));
    expect(nearestRows(query, matrix, 8, 0)).toEqual([]);
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
    // Each store's own code import is timed apart from its ingest. (In this test process the modules
    // may be loaded already, so only that it is measured is checked, not how long it takes.)
    expect(citeline.codeImportMs).toBeGreaterThanOrEqual(0);
    expect(peer.codeImportMs).toBeGreaterThanOrEqual(0);
    // INGEST_THREADS=1 builds the same index, every search finding what the default's did.
    const oneThread = (await runScenario({ ...spec, threads: 1 })) as VectorStoreResult;
    expect(oneThread.store).toBe('Citeline, 1 thread');
    expect(oneThread.passages).toBe(citeline.passages);
    expect(oneThread.searches.map((s) => s.recallAt10)).toEqual(citeline.searches.map((s) => s.recallAt10));
    // A corpus the bench wrote beforehand, with the same seed, is the same corpus.
    const dir = await mkdtemp(join(tmpdir(), 'citeline-corpus-'));
    try {
      await writeSyntheticCorpus(dir, 300, SYNTHETIC_SEED);
      const written = (await runScenario({ ...spec, syntheticDir: dir })) as VectorStoreResult;
      expect(written.passages).toBe(citeline.passages);
      expect(written.searches.map((s) => s.recallAt10)).toEqual(citeline.searches.map((s) => s.recallAt10));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('whole questions measured', () => {
  it('ingests in a process of its own, then opens and answers in this one', async () => {
    const result = (await runScenario({ name: 'tiny', syntheticPassages: 300, queries: 5, measure: 'answers' })) as AnswersResult;
    expect(result.passages).toBeGreaterThan(250);
    expect(result.documents).toBeGreaterThan(0);
    expect(result.indexMiB).toBeGreaterThan(0);
    // Both processes' peaks are reported, each its own.
    expect(result.ingestPeakMiB).toBeGreaterThan(0);
    expect(result.peakMemoryMiB).toBeGreaterThan(0);
    expect(result.askP95Ms).toBeGreaterThanOrEqual(result.askP50Ms);
    // Answering takes CPU: the process's time per question is counted, not left at zero.
    expect(result.askCpuMs).toBeGreaterThan(0);
    // Both kinds of stats lookup are timed: by every word, and by most words (every figure read).
    expect(result.statsEveryWordMs).toBeGreaterThan(0);
    expect(result.statsMostWordsMs).toBeGreaterThan(0);
  }, 120_000);
});
