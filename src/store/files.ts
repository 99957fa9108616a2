/** Small durable-file helpers for the store: streamed hashing, fsync of files and folders. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IndexFile } from './types.js';

/** Size and sha256 of a file, read as a stream. */
export async function describeFile(path: string): Promise<IndexFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a file's data to the disk. */
export async function fsyncFile(path: string): Promise<void> {
  // r+ rather than r: Windows needs write access to flush.
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (a created or renamed file) to the disk, where the platform allows it. */
export async function fsyncDir(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or flush a folder; its renames are durable enough for us.
    if (!isCode(error, 'EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Small strings gathered into buffers of about 1 MiB: a write or a compression call per line is slow. */
function* batched(chunks: Iterable<string>): Generator<Buffer> {
  let pending: string[] = [];
  let pendingLength = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= 1 << 20) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
    }
  }
  if (pendingLength > 0) yield Buffer.from(pending.join(''), 'utf8');
}

/** Writes a new file from `buffers`, hashing the exact bytes written, then flushes it. */
export async function writeHashedBuffers(path: string, buffers: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<IndexFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(path, 'wx');
  try {
    for await (const buffer of buffers) {
      hash.update(buffer);
      bytes += buffer.length;
      await writeAll(handle, buffer);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Writes a new file in chunks (small strings are batched into ~1 MiB writes), hashed and flushed. */
export async function writeHashedFile(path: string, chunks: Iterable<string>): Promise<IndexFile> {
  return writeHashedBuffers(path, batched(chunks));
}

/** Writes a new file holding `buffer`, flushed, with its size and sha256. */
export async function writeHashedBuffer(path: string, buffer: Buffer): Promise<IndexFile> {
  const handle = await open(path, 'wx');
  try {
    await writeAll(handle, buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') };
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}
