import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexLockedError, LOCK_FILE, acquireIndexLock } from '../../src/store/lock.js';
import { PassageStore } from '../../src/store/passage-store.js';
import { DIM, MODEL, tempIndexDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempIndexDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('acquireIndexLock', () => {
  it('lets one writer in at a time and releases', async () => {
    const release = await acquireIndexLock(dir);
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);

    const error = await acquireIndexLock(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexLockedError);
    expect((error as Error).message).toContain(`process ${process.pid}`);
    expect((error as Error).message).toContain(join(dir, LOCK_FILE));

    await release();
    await release(); // twice is harmless
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await acquireIndexLock(dir);
    await again();
  });

  it('creates the index folder if needed', async () => {
    const nested = join(dir, 'a', 'b');
    const release = await acquireIndexLock(nested);
    expect(existsSync(join(nested, LOCK_FILE))).toBe(true);
    await release();
  });

  it('takes over a lock whose process is gone', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), token: 'old', startedAt: 'earlier' }));
    const release = await acquireIndexLock(dir);
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    await release();
  });

  it('treats an unreadable lock as held while fresh, stale once old', async () => {
    const path = join(dir, LOCK_FILE);
    await writeFile(path, '');
    await expect(acquireIndexLock(dir)).rejects.toBeInstanceOf(IndexLockedError);
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const release = await acquireIndexLock(dir);
    await release();
  });

  it('waits for the holder when asked to', async () => {
    const release = await acquireIndexLock(dir);
    setTimeout(() => void release(), 150);
    const second = await acquireIndexLock(dir, { waitMs: 5_000, pollMs: 20 });
    await second();
  });

  it('is not removed by a save, and does not get in the way of loading', async () => {
    const release = await acquireIndexLock(dir);
    const store = PassageStore.create({ model: MODEL, dimension: DIM });
    await store.save(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await expect(PassageStore.load(dir, { model: MODEL, dimension: DIM })).resolves.toBeInstanceOf(PassageStore);
    await release();
  });
});
