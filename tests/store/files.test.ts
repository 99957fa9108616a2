import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeHashedBuffers, writeHashedFile } from '../../src/store/files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citeline-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Lines enough to span several ~1 MiB batches, some with multi-byte characters. */
function* lines(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `${JSON.stringify({ id: `p${i}`, text: `Passage ${i}: 28% of councils — “inadequate” ${'x'.repeat(i % 97)}` })}\n`;
}

describe('writeHashedFile', () => {
  it('stores the text, and its size and sha256 are those of the bytes on disk', async () => {
    const path = join(dir, 'lines.jsonl');
    const written = await writeHashedFile(path, lines(40_000));
    const stored = await readFile(path);
    expect(written.bytes).toBe(stored.length);
    expect(written.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(stored.toString('utf8')).toBe([...lines(40_000)].join(''));
  });

  it('refuses to overwrite a file that exists, as writeHashedBuffers does', async () => {
    const path = join(dir, 'taken');
    await writeHashedFile(path, ['already here']);
    await expect(writeHashedFile(path, lines(3))).rejects.toThrow(/EEXIST/);
    await expect(writeHashedBuffers(path, [Buffer.from('other')])).rejects.toThrow(/EEXIST/);
    expect(await readFile(path, 'utf8')).toBe('already here');
  });
});
