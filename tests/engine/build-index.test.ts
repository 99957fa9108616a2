import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactsWorkerFor, buildIndex } from '../../src/engine/build-index.js';
import { IngestWorker } from '../../src/engine/ingest-worker.js';
import { createEmbedder } from '../../src/embed/transformers-embedder.js';
import type { Embedder } from '../../src/embed/types.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';
import { loadStatsVocabulary } from '../../src/stats/vocabulary.js';
import { PassageStore } from '../../src/store/passage-store.js';
import { buildArtifacts } from '../../src/engine/build-artifacts.js';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';
import { FIGURES_ARTIFACT, LEXICAL_ARTIFACT } from '../../src/engine/build-index.js';

/** The real embedder, counting what it is asked to embed: unchanged files must cost nothing. */
class CountingEmbedder implements Embedder {
  embedded = 0;
  calls = 0;
  constructor(private readonly inner: Embedder) {}
  get model() {
    return this.inner.model;
  }
  get dimension() {
    return this.inner.dimension;
  }
  async embed(texts: readonly string[]) {
    this.embedded += texts.length;
    this.calls += 1;
    return this.inner.embed(texts);
  }
}

let work: string;
let reports: string;
let indexDir: string;
let embedder: CountingEmbedder;
const vocabulary = await loadSearchVocabulary('data');
const statsVocabulary = loadStatsVocabulary('data', vocabulary.grades);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-build-'));
  reports = join(work, 'reports');
  indexDir = join(work, 'index');
  await cp('reports', reports, { recursive: true });
  embedder = new CountingEmbedder(await createEmbedder({ model: 'models/glove-100d', cacheDir: join(work, 'cache') }));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const build = (rebuild = false) => buildIndex({ paths: [reports], indexDir, embedder, vocabulary, statsVocabulary, rebuild });

/** `count` one-line reports in `folder`, named n000.md, n001.md, ... so that they sort in order. */
async function writeNotes(folder: string, count: number): Promise<void> {
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) {
    await writeFile(join(folder, `n${String(i).padStart(width, '0')}.md`), `title: N${i}\n\nIn ${2000 + (i % 20)} note ${i} says caseloads rose.\n`);
  }
}

describe('buildIndex', () => {
  it('indexes every sample report and saves a loadable index', async () => {
    const summary = await build();
    expect(summary.documents).toBe(4);
    expect(summary.added).toHaveLength(4);
    expect(summary.passages).toBeGreaterThan(8);
    const store = await PassageStore.load(indexDir, { model: embedder.model });
    expect(store.passages()).toHaveLength(summary.passages);
  });

  it('embeds nothing again when nothing changed', async () => {
    const before = embedder.embedded;
    const summary = await build();
    expect(summary.unchanged).toHaveLength(4);
    expect(embedder.embedded).toBe(before);
  });

  it('replaces a changed file, adds a new one and drops a removed one', async () => {
    const changed = join(reports, 'breaking-the-lock.md');
    await writeFile(changed, `${await readFile(changed, 'utf8')}\n\n## Added later\n\nA new paragraph about caseload pressure in small councils, added for this test.\n`);
    await writeFile(join(reports, 'extra.md'), 'title: Extra note\n\n# Extra\n\nThe extra note says that waiting lists for assessments grew in 2019.\n');
    await unlink(join(reports, 'ofsted-reply-to-impower.md'));
    const before = embedder.embedded;

    const summary = await build();
    expect(summary.updated).toEqual(['breaking-the-lock.md']);
    expect(summary.added).toEqual(['extra.md']);
    expect(summary.removed).toEqual(['ofsted-reply-to-impower.md']);
    expect(embedder.embedded).toBeGreaterThan(before);

    const store = await PassageStore.load(indexDir, { model: embedder.model });
    const docIds = new Set(store.passages().map((p) => p.docId));
    expect(docIds.has('ofsted-reply-to-impower.md')).toBe(false);
    expect(store.passages().some((p) => p.text.includes('caseload pressure in small councils'))).toBe(true);
  });

  it('names a bad file with its reason and indexes the rest', async () => {
    await writeFile(join(reports, 'empty.md'), '');
    await writeFile(join(reports, 'notes.xyz'), 'not a report');
    const summary = await build();
    const skipped = summary.skipped.map((s) => s.path);
    expect(skipped.some((p) => p.endsWith('empty.md'))).toBe(true);
    expect(skipped.some((p) => p.endsWith('notes.xyz'))).toBe(true);
    expect(summary.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect(summary.documents).toBe(4);
  });

  it('saves search artifacts that describe exactly the passages the index holds, after an incremental change', async () => {
    await writeFile(join(reports, 'later.md'), 'title: Later note\n\n# Later\n\nIn 2021, 14% of councils were judged inadequate, the later note says.\n');
    await build();
    const store = await PassageStore.load(indexDir, { model: embedder.model });
    const expected = buildArtifacts(store.passages(), vocabulary.normaliser, statsVocabulary);
    // As the codec gives them back (byte arrays as views of the file).
    const saved = (value: unknown) => decodeArtifact(encodeArtifact(value));
    expect(store.getArtifact(LEXICAL_ARTIFACT)).toEqual(saved(expected.bm25));
    expect(store.getArtifact(FIGURES_ARTIFACT)).toEqual(saved(expected.figures));
  });

  it('starts no worker with INGEST_THREADS=1, and decides by size with 2', () => {
    expect(artifactsWorkerFor(1)).toBe('never');
    expect(artifactsWorkerFor(2)).toBeUndefined();
  });

  it('builds the same artifacts on a worker thread as in-process', async () => {
    const worker = join(work, 'index-worker');
    const here = join(work, 'index-here');
    const logged: string[] = [];
    await buildIndex({ paths: [reports], indexDir: worker, embedder, vocabulary, statsVocabulary, artifactsWorker: 'always', log: (line) => logged.push(line) });
    expect(logged).toEqual([]); // no fallback to building in-process
    await buildIndex({ paths: [reports], indexDir: here, embedder, vocabulary, statsVocabulary, artifactsWorker: 'never' });
    const [a, b] = await Promise.all([PassageStore.load(worker, { model: embedder.model }), PassageStore.load(here, { model: embedder.model })]);
    expect(a.getArtifact(LEXICAL_ARTIFACT)).toEqual(b.getArtifact(LEXICAL_ARTIFACT));
    expect(a.getArtifact(FIGURES_ARTIFACT)).toEqual(b.getArtifact(FIGURES_ARTIFACT));
    expect(a.getArtifact<{ count: number }>(FIGURES_ARTIFACT)?.count).toBeGreaterThan(5);
  });

  it('reads and builds in-process, saying so once, when the worker runs out of memory', async () => {
    const logged: string[] = [];
    const indexDir = join(work, 'index-worker-oom');
    await buildIndex({ paths: [reports], indexDir, embedder, vocabulary, statsVocabulary, artifactsWorker: 'always', workerOldGenerationMb: 2, log: (line) => logged.push(line) });
    expect(logged).toEqual([
      expect.stringMatching(/^Reading the reports on a second thread failed \(.*memory limit.*\); reading them, and building the search index, here instead\.$/),
    ]);
    const here = join(work, 'index-here-oom');
    await buildIndex({ paths: [reports], indexDir: here, embedder, vocabulary, statsVocabulary, artifactsWorker: 'never' });
    const [a, b] = await Promise.all([PassageStore.load(indexDir, { model: embedder.model }), PassageStore.load(here, { model: embedder.model })]);
    expect(a.getArtifact(LEXICAL_ARTIFACT)).toEqual(b.getArtifact(LEXICAL_ARTIFACT));
    expect(a.getArtifact(FIGURES_ARTIFACT)).toEqual(b.getArtifact(FIGURES_ARTIFACT));
  });

  it('embeds small documents together, not one model call per document', async () => {
    const many = join(work, 'many');
    for (let i = 0; i < 40; i++) {
      await writeFile(join(reports, `note-${i}.md`), `title: Note ${i}\n\n# Note ${i}\n\nNote ${i} says caseloads rose in ${2000 + i}.\n`);
    }
    const calls = embedder.calls;
    const summary = await buildIndex({ paths: [reports], indexDir: many, embedder, vocabulary, statsVocabulary });
    expect(summary.added.length).toBeGreaterThan(40);
    expect(embedder.calls - calls).toBe(1);
  });

  it('re-embeds everything on --rebuild', async () => {
    const before = embedder.embedded;
    const summary = await build(true);
    expect(embedder.embedded - before).toBe(summary.passages);
  });

  it('builds an index saved in another format again, saying so, instead of failing', async () => {
    const manifestPath = join(indexDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { formatVersion: number };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: manifest.formatVersion - 1 }));
    await expect(PassageStore.load(indexDir, { model: embedder.model })).rejects.toMatchObject({ kind: 'version' });
    const lines: string[] = [];
    const before = embedder.embedded;
    const summary = await buildIndex({ paths: [reports], indexDir, embedder, vocabulary, statsVocabulary, log: (line) => lines.push(line) });
    expect(lines.join('\n')).toMatch(/another format .* building it again/);
    expect(summary.added).toHaveLength(summary.documents);
    expect(embedder.embedded - before).toBe(summary.passages);
    expect((await PassageStore.load(indexDir, { model: embedder.model })).passageCount).toBe(summary.passages);
  });
});

describe('ingest and the event loop', () => {
  it('gives the event loop a turn between embedding groups, so a re-index in the Slack app does not hold up acknowledgements', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'citeline-turns-'));
    try {
      const many = join(folder, 'reports');
      await cp(reports, many, { recursive: true });
      await writeNotes(many, 1100);
      const inner = await createEmbedder({ model: 'models/glove-100d', cacheDir: '.cache/models' });
      // Each model call asks for a callback on the next turn of the loop; the next call must find it ran.
      const turns: boolean[] = [];
      let ranSinceLastCall = true;
      const watching: Embedder = {
        model: inner.model,
        dimension: inner.dimension,
        async embed(texts) {
          turns.push(ranSinceLastCall);
          ranSinceLastCall = false;
          setImmediate(() => (ranSinceLastCall = true));
          return inner.embed(texts);
        },
      };
      await buildIndex({ paths: [many], indexDir: join(folder, 'index'), embedder: watching, vocabulary, statsVocabulary, artifactsWorker: 'never' });
      expect(turns.length).toBeGreaterThanOrEqual(3);
      expect(turns.every(Boolean)).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('ingest with the reports read on a second thread', () => {
  const snapshot = async (indexDir: string) => {
    const store = await PassageStore.load(indexDir, { model: embedder.model });
    return {
      passages: store.passages().map(({ id, docId, text, heading, page }) => ({ id, docId, text, heading, page })),
      bm25: store.getArtifact(LEXICAL_ARTIFACT),
      figures: store.getArtifact(FIGURES_ARTIFACT),
    };
  };
  const outcome = ({ added, updated, removed, unchanged, skipped, documents, passages }: Awaited<ReturnType<typeof buildIndex>>) => ({
    added,
    updated,
    removed,
    unchanged,
    skipped,
    documents,
    passages,
  });

  it('reads on the worker what it reads in-process: the same documents, passages, skipped files and search indexes, before and after a change', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'citeline-read-worker-'));
    try {
      const many = join(folder, 'reports');
      await cp('reports', many, { recursive: true });
      await writeFile(join(many, 'empty.md'), '');
      await writeFile(join(many, 'notes.xyz'), 'not a report');
      await writeFile(join(many, 'blank.md'), '   \n\n   \n');
      const build = (threads: 'always' | 'never') =>
        buildIndex({ paths: [many], indexDir: join(folder, threads), embedder, vocabulary, statsVocabulary, artifactsWorker: threads, log: (line) => expect.fail(line) });
      const [onWorker, here] = [await build('always'), await build('never')];
      expect(onWorker.skipped.map((s) => s.path)).toEqual(expect.arrayContaining([expect.stringMatching(/empty\.md$/), expect.stringMatching(/notes\.xyz$/), expect.stringMatching(/blank\.md$/)]));
      expect(outcome(onWorker)).toEqual(outcome(here));
      expect(await snapshot(join(folder, 'always'))).toEqual(await snapshot(join(folder, 'never')));

      const changed = join(many, 'breaking-the-lock.md');
      await writeFile(changed, `${await readFile(changed, 'utf8')}\n\n## Added later\n\nIn 2020, 9% of councils were judged inadequate, a later paragraph says.\n`);
      await writeFile(join(many, 'extra.md'), 'title: Extra note\n\n# Extra\n\nThe extra note says that waiting lists for assessments grew in 2019.\n');
      await unlink(join(many, 'ofsted-reply-to-impower.md'));
      const [againOnWorker, againHere] = [await build('always'), await build('never')];
      expect(againOnWorker.updated).toEqual(['breaking-the-lock.md']);
      expect(againOnWorker.unchanged.length).toBeGreaterThan(0);
      expect(outcome(againOnWorker)).toEqual(outcome(againHere));
      expect(await snapshot(join(folder, 'always'))).toEqual(await snapshot(join(folder, 'never')));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads here the files the worker had not reported when it runs out of memory part way: none lost, none read twice', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'citeline-read-worker-oom-'));
    try {
      const many = join(folder, 'reports');
      await cp('reports', many, { recursive: true });
      await writeNotes(many, 30);
      // Read last; its lines alone are more than the worker's heap holds, and it has no text to index.
      await writeFile(join(many, 'zz-blank-lines.md'), '\n'.repeat(3 * 2 ** 20));
      const logged: string[] = [];
      const onWorker = await buildIndex({
        paths: [many],
        indexDir: join(folder, 'worker'),
        embedder,
        vocabulary,
        statsVocabulary,
        artifactsWorker: 'always',
        workerOldGenerationMb: 12,
        log: (line) => logged.push(line),
      });
      expect(logged).toEqual([expect.stringMatching(/^Reading the reports on a second thread failed \(.*memory limit.*\); reading them, and building the search index, here instead\.$/)]);
      const here = await buildIndex({ paths: [many], indexDir: join(folder, 'here'), embedder, vocabulary, statsVocabulary, artifactsWorker: 'never' });
      expect(outcome(onWorker)).toEqual(outcome(here));
      expect(onWorker.added).toHaveLength(34);
      expect(await snapshot(join(folder, 'worker'))).toEqual(await snapshot(join(folder, 'here')));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('starts no second worker after the first fails, when the thread was chosen by size: said once, nothing lost', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'citeline-read-worker-once-'));
    try {
      const many = join(folder, 'reports');
      await mkdir(many);
      // Read first: its lines are more than the worker's heap holds, and its size makes the index look large.
      await writeFile(join(many, 'a-blank-lines.md'), '\n'.repeat(3 * 2 ** 20));
      await writeNotes(many, 320);
      const logged: string[] = [];
      const starts = vi.spyOn(IngestWorker, 'start');
      const chosen = await buildIndex({ paths: [many], indexDir: join(folder, 'chosen'), embedder, vocabulary, statsVocabulary, workerOldGenerationMb: 12, log: (line) => logged.push(line) });
      const started = starts.mock.calls.length;
      starts.mockRestore();
      expect(started).toBe(1);
      expect(logged).toEqual([expect.stringMatching(/^Reading the reports on a second thread failed \(.*memory limit.*\); reading them, and building the search index, here instead\.$/)]);
      const here = await buildIndex({ paths: [many], indexDir: join(folder, 'here'), embedder, vocabulary, statsVocabulary, artifactsWorker: 'never' });
      expect(outcome(chosen)).toEqual(outcome(here));
      expect(chosen.passages).toBeGreaterThanOrEqual(320);
      expect(await snapshot(join(folder, 'chosen'))).toEqual(await snapshot(join(folder, 'here')));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('an ingest that fails while reading', () => {
  it('embeds nothing more once it has failed: the groups waiting are dropped and the lock outlives the group being embedded', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'citeline-read-fails-'));
    try {
      const many = join(folder, 'reports');
      await mkdir(many);
      await writeNotes(many, 1600);
      await writeFile(join(many, 'zz-empty.md'), '');
      const inner = await createEmbedder({ model: 'models/glove-100d', cacheDir: join(folder, 'cache') });
      let inFlight = 0;
      let startedAfterFailure = 0;
      let failed = false;
      const slow: Embedder = {
        model: inner.model,
        dimension: inner.dimension,
        async embed(texts) {
          if (failed) startedAfterFailure += 1;
          inFlight += 1;
          await new Promise((resolve) => setTimeout(resolve, 150));
          inFlight -= 1;
          return inner.embed(texts);
        },
      };
      const progressAfterFailure: string[] = [];
      const ingest = buildIndex({
        paths: [many],
        indexDir: join(folder, 'index'),
        embedder: slow,
        vocabulary,
        statsVocabulary,
        artifactsWorker: 'never',
        onProgress: (progress) => {
          if (failed) progressAfterFailure.push(progress.stage);
          // The empty file is the last read; by then several groups wait for their vectors.
          if (progress.stage === 'file' && progress.file.endsWith('zz-empty.md')) throw new Error('progress display broke');
        },
      });
      await expect(ingest.finally(() => (failed = true))).rejects.toThrow('progress display broke');
      expect(inFlight).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(startedAfterFailure).toBe(0);
      expect(progressAfterFailure).toEqual([]);
      expect(PassageStore.exists(join(folder, 'index'))).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

/** One generated plain-text file of 1.5 MB ingested into a new index: its size, and what ingest told and logged. */
async function ingestLargeFile(seed: number, artifactsWorker: 'always' | 'never') {
  const folder = await mkdtemp(join(tmpdir(), 'citeline-build-large-'));
  try {
    const { writeLargeTextFile } = await import('../../src/bench/synthetic-corpus.js');
    const size = await writeLargeTextFile(join(folder, 'reports', 'large.txt'), 1.5, seed);
    const events: import('../../src/engine/build-index.js').IngestProgress[] = [];
    const logged: string[] = [];
    await buildIndex({ paths: [join(folder, 'reports')], indexDir: join(folder, 'index'), embedder, vocabulary, statsVocabulary, artifactsWorker, onProgress: (event) => events.push(event), log: (line) => logged.push(line) });
    return { size, events, logged };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('progress on one large file', () => {
  it('reports bytes, and embedding progress within the file before the file is done', { timeout: 120_000 }, async () => {
    const { size, events } = await ingestLargeFile(3, 'never');
    expect(events[0]).toEqual({ stage: 'scan', files: 1, bytes: size });
    const fileAt = events.findIndex((event) => event.stage === 'file');
    const embedding = events.slice(0, fileAt).filter((event) => event.stage === 'embedding');
    expect(embedding.length).toBeGreaterThan(2);
    const shares = embedding.map((event) => (event.stage === 'embedding' ? event.bytes : 0));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeLessThan(size / 2);
    expect(shares[shares.length - 1]).toBe(size);
    expect(events[fileAt]).toMatchObject({ stage: 'file', bytes: size });

    // Reading and cutting the file into passages is told, in rising bytes, before any passage is embedded.
    const reading = events.slice(0, events.findIndex((event) => event.stage === 'embedding'));
    const read = reading.flatMap((event) => (event.stage === 'read' ? [event.bytes] : []));
    expect(read.length).toBeGreaterThan(3);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read[0]).toBeLessThan(size / 2);
    expect(read[read.length - 1]).toBe(size);

    // What the bar shows moves with them and ends full.
    const { IngestProgressTally } = await import('../../src/cli/ingest-progress.js');
    const tally = new IngestProgressTally();
    const shown: number[] = [];
    for (const event of events) if (tally.update(event)) shown.push(tally.state.bytes);
    expect(new Set(shown).size).toBeGreaterThan(3);
    expect(shown[shown.length - 1]).toBe(size);
    expect(tally.state).toMatchObject({ files: 1, totalFiles: 1, totalBytes: size, read: size, embedded: size });
  });

  it('tells how far reading has got when the worker reads the file', { timeout: 120_000 }, async () => {
    const { size, events, logged } = await ingestLargeFile(4, 'always');
    // Read there, not here after a failure.
    expect(logged).toEqual([]);
    const read = events.flatMap((event) => (event.stage === 'read' ? [event.bytes] : []));
    expect(read.length).toBeGreaterThan(3);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read[read.length - 1]).toBe(size);
    const readAt = events.findLastIndex((event) => event.stage === 'read');
    expect(events.slice(0, readAt).some((event) => event.stage === 'embedding' || event.stage === 'file')).toBe(false);
  });
});
