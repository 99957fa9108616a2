/**
 * An ingest killed with SIGKILL part-way leaves the previous index intact and loadable, and the next
 * ingest completes. A damaged index is refused by `npm run ask` with the rebuild command, and no answer.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../src/bench/synthetic-corpus.js';
import { PassageStore } from '../../src/store/passage-store.js';

const run = promisify(execFile);
const MODEL = 'models/glove-100d';
let work: string;
let indexDir: string;
let bigCorpus: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-faults-'));
  indexDir = join(work, 'index');
  bigCorpus = join(work, 'big');
  await writeSyntheticCorpus(bigCorpus, 3000);
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const env = () => ({ ...process.env, INDEX_DIR: indexDir });
const ingest = (path: string) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', path], { env: env(), timeout: 180_000 });

/** Starts an ingest and kills it with SIGKILL after `ms`; resolves when it is gone. */
function ingestKilledAfter(path: string, ms: number): Promise<void> {
  return new Promise((resolveKilled) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', path], { env: env(), stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolveKilled();
    });
  });
}

describe('an ingest killed part-way', () => {
  it('leaves the previous index loadable every time, and the next ingest completes', async () => {
    await ingest(resolve('reports'));
    const before = await PassageStore.load(indexDir, { model: MODEL });
    const samplePassages = before.passages().length;

    for (const delay of [300, 1500, 3000, 6000]) {
      await ingestKilledAfter(bigCorpus, delay);
      const store = await PassageStore.load(indexDir, { model: MODEL });
      // Either the sample (killed before the commit) or the whole big corpus (killed after it): never a mix.
      const count = store.passages().length;
      expect(count === samplePassages || store.documents().every((d) => d.docId.startsWith('synthetic-'))).toBe(true);
    }

    const { stdout } = await ingest(bigCorpus);
    expect(stdout).toMatch(/Indexed 300 documents, 3000 passages/);
    const after = await PassageStore.load(indexDir, { model: MODEL });
    expect(after.passages()).toHaveLength(3000);
  }, 300_000);
});

describe('a damaged index', () => {
  it('makes npm run ask exit 1 naming the rebuild command, with no answer', async () => {
    // The current generation and any older one kept for readers: all damaged.
    for (const name of await readdir(indexDir)) if (name.startsWith('gen-')) await truncate(join(indexDir, name, 'hnsw.bin'), 100);
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ask', 'what share of councils were rated inadequate?'], { env: env() }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('npm run ingest -- --rebuild');
    expect((failure as { stdout: string }).stdout).toBe('');
  }, 60_000);
});
