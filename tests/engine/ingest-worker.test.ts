import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importArtifactsBuilder } from '../../src/engine/artifacts.js';
import { IngestWorker, IngestWorkerFailed, workerOldGenerationMb } from '../../src/engine/ingest-worker.js';
import { findReportFiles } from '../../src/ingest/discover.js';
import { readReports, type ReadReport } from '../../src/ingest/read-reports.js';
import { buildEncodedArtifacts } from '../../src/engine/build-artifacts.js';
import { bundledScript } from '../../src/engine/bundled-script.js';
import type { Passage } from '../../src/ingest/types.js';
import { decodeArtifact } from '../../src/store/artifact-codec.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';
import { loadStatsVocabulary } from '../../src/stats/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');
const statsVocabulary = loadStatsVocabulary('data', vocabulary.grades);
const passages: Passage[] = [
  { id: 'a#0', docId: 'a.md', title: 'Ratings 2015', source: 'https://example.org/a', text: 'In 2015, 24% of councils were rated inadequate by Ofsted.', start: 0, end: 57 },
  { id: 'b#0', docId: 'b.md', title: 'Spending', source: 'https://example.org/b', text: 'Spending on children in care rose by £173m a year.', start: 0, end: 50 },
];

describe('the ingest worker building the search indexes', () => {
  it('is bundled into one JavaScript file beside the packages, whose data paths point at the sources', async () => {
    const entry = new URL('../../src/engine/ingest-worker-thread.ts', import.meta.url);
    const script = await bundledScript(entry);
    expect(fileURLToPath(script)).toMatch(/node_modules\/\.cache\/citeline\/ingest-worker-thread-[0-9a-f]{16}\.mjs$/);
    const text = await readFile(script, 'utf8');
    expect(text).not.toContain('import.meta.url');
    expect(text).toContain(new URL('../../src/ingest/load-pdf.ts', import.meta.url).href);
    // Packages stay imports: the loaders' parsers (pdfjs-dist, mammoth) are imported when first needed.
    expect(text).not.toMatch(/^\/\/ node_modules\//m);
    expect(text).toMatch(/import\(["']pdfjs-dist\/legacy\/build\/pdf\.mjs["']\)/);
    // Named by its content: the same sources give the same file.
    expect((await bundledScript(entry)).href).toBe(script.href);
  });

  it('is bundled again when one of its sources changes, and reused as it is while none does', async () => {
    // Under node_modules, as the bundle's cache is found from the entry's nearest node_modules.
    const cache = join(fileURLToPath(new URL('../../node_modules/.cache', import.meta.url)));
    await mkdir(cache, { recursive: true });
    const folder = await mkdtemp(join(cache, 'citeline-bundle-test-'));
    try {
      const entry = join(folder, 'entry.ts');
      const imported = join(folder, 'imported.ts');
      await writeFile(entry, "import { word } from './imported.js';\nexport const said: string = word;\n");
      await writeFile(imported, "export const word = 'first';\n");
      const record = join(cache, 'citeline', 'entry.sources.json');
      const first = await bundledScript(pathToFileURL(entry));
      const recorded = (await stat(record)).ino;
      expect((await import(first.href)).said).toBe('first');

      // Unchanged: the same bundle, found from its record without bundling (the record is not rewritten).
      expect((await bundledScript(pathToFileURL(entry))).href).toBe(first.href);
      expect((await stat(record)).ino).toBe(recorded);

      // A record of a bundle made another way (before packages were left as imports) is not trusted.
      const current = JSON.parse(await readFile(record, 'utf8')) as { format: number };
      await writeFile(record, JSON.stringify({ ...current, format: current.format - 1 }));
      expect((await bundledScript(pathToFileURL(entry))).href).toBe(first.href);
      expect(JSON.parse(await readFile(record, 'utf8'))).toEqual(current);

      await writeFile(imported, "export const word = 'second';\n");
      const second = await bundledScript(pathToFileURL(entry));
      expect(second.href).not.toBe(first.href);
      expect((await import(second.href)).said).toBe('second');
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(join(cache, 'citeline', 'entry.sources.json'), { force: true });
    }
  });

  it('builds, imported in-process from its bundle, exactly what its modules build', async () => {
    const builder = await importArtifactsBuilder();
    expect(builder.buildEncodedArtifacts).not.toBe(buildEncodedArtifacts);
    const bundled = builder.buildEncodedArtifacts(passages, vocabulary.normaliser, statsVocabulary);
    const here = buildEncodedArtifacts(passages, vocabulary.normaliser, statsVocabulary);
    expect(decodeArtifact(Buffer.from(bundled.bm25))).toEqual(decodeArtifact(Buffer.from(here.bm25)));
    expect(decodeArtifact(Buffer.from(bundled.figures))).toEqual(decodeArtifact(Buffer.from(here.figures)));
  });

  it.each(['bundled', 'typescript'] as const)('builds, %s, exactly what is built in-process', async (script) => {
    const built = await IngestWorker.start({ script }).build(passages, vocabulary.normaliser, statsVocabulary);
    const here = buildEncodedArtifacts(passages, vocabulary.normaliser, statsVocabulary);
    expect(decodeArtifact(Buffer.from(built.bm25))).toEqual(decodeArtifact(Buffer.from(here.bm25)));
    expect(decodeArtifact(Buffer.from(built.figures))).toEqual(decodeArtifact(Buffer.from(here.figures)));
  });

  it('fails its build, saying why, when its heap limit is reached', async () => {
    await expect(IngestWorker.start({ oldGenerationMb: 2 }).build(passages, vocabulary.normaliser, statsVocabulary)).rejects.toThrow(/memory limit/);
  });

  it('has a heap limit of 12 KiB a passage expected, never under 1024 MiB nor over the machine', () => {
    expect(workerOldGenerationMb(0, 24_576)).toBe(1024);
    expect(workerOldGenerationMb(10_000, 24_576)).toBe(1024);
    expect(workerOldGenerationMb(200_000, 24_576)).toBe(2344);
    expect(workerOldGenerationMb(100_000_000, 24_576)).toBe(24_576);
  });

  it.runIf(process.platform === 'linux')('runs below the main thread\'s priority, the main thread left as it was', async () => {
    const niceValues = async () => {
      const values: number[] = [];
      for (const task of await readdir('/proc/self/task')) {
        const stat = await readFile(`/proc/self/task/${task}/stat`, 'utf8').catch(() => '');
        // The fields after the command name; the nice value is the 17th of them.
        const nice = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16];
        if (nice !== undefined) values.push(Number(nice));
      }
      return values;
    };
    const waitFor = async (wanted: (values: number[]) => boolean) => {
      for (let tries = 0; tries < 100; tries++) {
        if (wanted(await niceValues())) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    // The workers of the tests above may take a moment to end.
    expect(await waitFor((values) => values.every((nice) => nice === 0))).toBe(true);
    const worker = IngestWorker.start();
    const lowered = await waitFor((values) => values.some((nice) => nice > 0));
    await worker.build(passages, vocabulary.normaliser, statsVocabulary);
    expect(lowered).toBe(true);
    // On Linux the calling thread's own: this one is as it was.
    expect(os.getPriority(0)).toBe(0);
  });
});

describe('the ingest worker reading reports', () => {
  const collect = async (reports: AsyncIterable<ReadReport>) => {
    const all: ReadReport[] = [];
    for await (const report of reports) all.push(report);
    return all;
  };

  it('reads the files in order, as the main thread would: passages, unchanged documents and unreadable files', async () => {
    const folder = await mkdtemp(join(os.tmpdir(), 'citeline-worker-read-'));
    try {
      await cp('reports', folder, { recursive: true });
      await writeFile(join(folder, 'empty.md'), '');
      await writeFile(join(folder, 'odd.xyz'), 'not a report');
      const found = await findReportFiles([folder]);
      // One document the index already holds unchanged, by its hash.
      const here = await collect(readReports(found.files, found.root, new Map()));
      const first = here.find((report) => report.kind === 'read');
      if (first?.kind !== 'read') throw new Error('the sample has no readable report');
      const known = new Map([[first.document.docId, first.document.hash]]);

      const worker = IngestWorker.start({ reads: true });
      const onWorker = await collect(worker.read(found.files, found.root, known));
      expect(onWorker).toEqual(await collect(readReports(found.files, found.root, known)));
      expect(onWorker.map((report) => report.kind)).toEqual(expect.arrayContaining(['read', 'unchanged', 'skipped']));
      expect(onWorker.find((report) => report.kind === 'unchanged')).toMatchObject({ docId: first.document.docId });

      // Then the search indexes of passages given and of the documents it read, in that order.
      const read = onWorker.flatMap((report) => (report.kind === 'read' ? [report] : []));
      const given = [passages[0]!];
      const built = await worker.build(given, vocabulary.normaliser, statsVocabulary, read.map((report) => report.document.docId).reverse());
      const expected = buildEncodedArtifacts([...given, ...read.reverse().flatMap((report) => report.passages)], vocabulary.normaliser, statsVocabulary);
      expect(decodeArtifact(Buffer.from(built.bm25))).toEqual(decodeArtifact(Buffer.from(expected.bm25)));
      expect(decodeArtifact(Buffer.from(built.figures))).toEqual(decodeArtifact(Buffer.from(expected.figures)));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('fails its reading as IngestWorkerFailed when the thread runs out of memory, having reported the files before', async () => {
    const worker = IngestWorker.start({ reads: true, oldGenerationMb: 2 });
    const found = await findReportFiles(['reports']);
    await expect(collect(worker.read(found.files, found.root, new Map()))).rejects.toBeInstanceOf(IngestWorkerFailed);
  });
});
