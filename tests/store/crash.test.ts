/**
 * A real crash: a child process saves a 20k-passage index in a loop and is killed with SIGKILL at
 * different moments. Whatever the moment, the folder must hold a loadable index (the old or the new).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassageStore } from '../../src/store/passage-store.js';
import { DIM, MODEL, tempIndexDir } from './helpers.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
const DOCUMENTS = 200;
const PER_DOCUMENT = 100;

interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching the pattern. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<NodeJS.Signals | number | null>;
  lines: string[];
}

function startSaveLoop(indexDir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, indexDir, String(DOCUMENTS), String(PER_DOCUMENT)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data: string) => {
    buffered += data;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (data: string) => {
    stderr += data;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return {
    process: child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${pattern}" from the save loop; stderr:\n${stderr}`)), timeoutMs);
        void exited.then((how) => reject(new Error(`save loop exited (${how}) before "${pattern}"; stderr:\n${stderr}`)));
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}

describe('PassageStore survives SIGKILL during save', () => {
  let dir: string;
  const running: Child[] = [];

  beforeAll(async () => {
    dir = await tempIndexDir();
    // A first committed index of 20k passages.
    const child = startSaveLoop(dir);
    running.push(child);
    await child.waitFor(/^saved 1 /, 120_000);
    await kill(child);
  }, 180_000);

  afterAll(async () => {
    for (const child of running) await kill(child);
    await rm(dir, { recursive: true, force: true });
  });

  it('always leaves an index that loads, whatever the moment of the kill', async () => {
    const delaysMs = [0, 2, 5, 10, 20, 35, 60, 100, 150, 250];
    let leftovers = 0;
    for (const delay of delaysMs) {
      const child = startSaveLoop(dir);
      running.push(child);
      // Kill a save in flight: `delay` ms after one starts (later saves follow back to back).
      await child.waitFor(/^saving /);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');

      const entries = await readdir(dir);
      if (entries.filter((name) => name.startsWith('gen-')).length > 1 || entries.includes('manifest.json.tmp')) leftovers += 1;

      const store = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
      expect(store.passages()).toHaveLength(DOCUMENTS * PER_DOCUMENT);
      expect(store.documents()).toHaveLength(DOCUMENTS);
      // The committed generation is one a save announced, or the one before the kill.
      const committed = store.manifest.generation;
      const announced = child.lines.filter((line) => line.startsWith('saved ')).map((line) => line.split(' ')[2]);
      if (announced.length > 0) expect(announced.slice(-1)[0] === committed || !announced.slice(0, -1).includes(committed)).toBe(true);
    }
    // The kills did land mid-save (otherwise this test proves little).
    expect(leftovers).toBeGreaterThan(0);

    // The next save tidies every leftover away.
    const store = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    const replaced = store.manifest.generation;
    await store.save(dir);
    // Left: the new generation, the one it replaced (kept one save longer for readers), the manifest.
    expect((await readdir(dir)).sort()).toEqual([replaced, store.manifest.generation, 'manifest.json'].sort());
  }, 300_000);

  it('loads a complete index while another process saves in a loop', async () => {
    const child = startSaveLoop(dir);
    running.push(child);
    await child.waitFor(/^saved 2 /);
    for (let i = 0; i < 15; i++) {
      const store = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
      expect(store.passages()).toHaveLength(DOCUMENTS * PER_DOCUMENT);
    }
    await kill(child);
  }, 300_000);
});
