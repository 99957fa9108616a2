/**
 * One writer per index folder: a lock file holding the writer's pid. A lock whose process is gone
 * (killed, crashed) is stale and taken over, so a killed ingest never blocks the next one.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { isCode } from './files.js';

export const LOCK_FILE = 'ingest.lock';

/** A lock file that was never filled in (its writer died at once) is stale after this long. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  startedAt: string;
}

/** Another live process is writing this index. */
export class IndexLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: { pid: number; host: string; startedAt: string } | undefined,
  ) {
    const who = owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`} (since ${owner.startedAt})` : 'another process';
    super(
      `The index is being written by ${who}. Wait for that ingest to finish and try again; if no ingest is running, delete ${lockPath}.`,
    );
    this.name = 'IndexLockedError';
  }
}

export interface LockOptions {
  /** How long to wait for another writer to finish before giving up (default 0: fail at once). */
  waitMs?: number;
  /** Poll interval while waiting (default 200 ms). */
  pollMs?: number;
}

/**
 * Takes the index folder's write lock (creating the folder if needed) and returns the function
 * that releases it. Throws IndexLockedError if a live process holds it past `waitMs`.
 */
export async function acquireIndexLock(indexDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const lockPath = join(indexDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), startedAt: new Date().toISOString() };
  const deadline = Date.now() + (options.waitMs ?? 0);

  for (;;) {
    try {
      await writeFile(lockPath, JSON.stringify(owner), { flag: 'wx' });
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const holder = await readOwner(lockPath);
    if (holder === 'gone') continue;
    if (await isStale(lockPath, holder)) {
      // Two takers may both see it stale; `wx` on the retry lets only one of them create the new lock.
      await unlink(lockPath).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      });
      continue;
    }
    if (Date.now() >= deadline) throw new IndexLockedError(lockPath, holder ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Only remove our own lock: if it was (wrongly) taken over, the new holder keeps it.
    const holder = await readOwner(lockPath);
    if (holder !== 'gone' && holder?.token === owner.token) {
      await unlink(lockPath).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      });
    }
  };
}

/** The lock's owner, null if the file is unreadable (half-written), 'gone' if it no longer exists. */
async function readOwner(lockPath: string): Promise<LockOwner | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, token: value.token, startedAt: String(value.startedAt ?? '') };
    }
  } catch {
    // Falls through: unreadable.
  }
  return null;
}

async function isStale(lockPath: string, holder: LockOwner | null): Promise<boolean> {
  if (holder === null) {
    try {
      return Date.now() - (await stat(lockPath)).mtimeMs > UNREADABLE_LOCK_STALE_MS;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return false;
      throw error;
    }
  }
  // A pid on another machine (shared folder) cannot be checked: assume it is alive.
  if (holder.host !== hostname()) return false;
  return !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return isCode(error, 'EPERM');
  }
}
