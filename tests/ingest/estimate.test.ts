import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimatedPassages } from '../../src/ingest/estimate.js';

const folder = await mkdtemp(join(tmpdir(), 'citeline-estimate-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

const fileOf = async (name: string, bytes: number) => {
  const path = join(folder, name);
  await writeFile(path, 'x'.repeat(bytes));
  return path;
};

describe('the passages a set of reports is expected to make', () => {
  it('counts a passage for about every 850 bytes of Markdown or text', async () => {
    expect(await estimatedPassages([await fileOf('a.md', 85_000), await fileOf('b.txt', 17_000)])).toBe(120);
  });

  it('expects fewer passages from a PDF or a web page than from as many bytes of text', async () => {
    const text = await estimatedPassages([await fileOf('c.md', 400_000)]);
    const pdf = await estimatedPassages([await fileOf('c.pdf', 400_000)]);
    const html = await estimatedPassages([await fileOf('c.html', 400_000)]);
    expect(pdf).toBe(100);
    expect(html).toBe(160);
    expect(pdf).toBeLessThan(html);
    expect(html).toBeLessThan(text);
  });

  it('counts nothing for a file that has gone or is not a report', async () => {
    expect(await estimatedPassages([join(folder, 'gone.md'), await fileOf('notes.xyz', 100_000)])).toBe(0);
  });
});
