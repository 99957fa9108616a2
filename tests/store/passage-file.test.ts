import { describe, expect, it } from 'vitest';
import { PassageFile, passageFileChunks } from '../../src/store/passage-file.js';
import type { StoredPassage } from '../../src/store/types.js';

function passages(count: number): StoredPassage[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `Passage ${i}: 28% of councils were rated “inadequate” — ${'é'.repeat(i % 13)}`;
    return { id: `p${i}`, docId: `d${i % 3}`, title: 'A report', source: 'https://example.org', text, start: i * 100, end: i * 100 + text.length, label: i * 2 + 1 };
  });
}

const file = async (list: StoredPassage[], perBlock = 4) => {
  const chunks: Buffer[] = [];
  for await (const chunk of passageFileChunks(list, 6, perBlock)) chunks.push(chunk);
  return Buffer.concat(chunks);
};

describe('passage file', () => {
  it('gives back every passage, block by block, and every label from its table', async () => {
    const list = passages(10);
    const opened = PassageFile.open(await file(list));
    if (!(opened instanceof PassageFile)) throw new Error(opened.problem);
    expect(opened.count).toBe(10);
    expect([...opened.labels]).toEqual(list.map((p) => p.label));
    // 10 passages at 4 a block: 4, 4 and 2.
    expect([0, 1, 2].map((b) => opened.block(b).length)).toEqual([4, 4, 2]);
    expect([0, 1, 2].flatMap((b) => opened.block(b))).toEqual(list);
    expect(() => opened.block(3)).toThrow(RangeError);
  });

  it('keeps blocks in order when more are deflated at once than are written', async () => {
    // 45 blocks of 2: several times the blocks in flight, finishing in whatever order the threads do.
    const list = passages(90);
    const opened = PassageFile.open(await file(list, 2));
    if (!(opened instanceof PassageFile)) throw new Error(opened.problem);
    expect(Array.from({ length: 45 }, (_, b) => opened.block(b)).flat()).toEqual(list);
  });

  it('holds an empty index', async () => {
    const opened = PassageFile.open(await file([]));
    expect(opened).toBeInstanceOf(PassageFile);
    expect((opened as PassageFile).count).toBe(0);
  });

  it('describes a file whose table does not hold together', async () => {
    const bytes = await file(passages(10));
    const problem = (edit: (copy: Buffer) => Buffer) => {
      const opened = PassageFile.open(edit(Buffer.from(bytes)));
      return opened instanceof PassageFile ? undefined : opened.problem;
    };
    expect(problem((b) => b.subarray(0, b.length - 3))).toMatch(/no trailer/);
    expect(problem((b) => b.subarray(2))).toMatch(/table/);
    const tableOffset = bytes.readUInt32LE(bytes.length - 8);
    expect(problem((b) => (b.writeUInt32LE(13, tableOffset), b))).toMatch(/3 blocks for 13 passages/);
    expect(problem((b) => (b.writeUInt32LE(11, tableOffset), b))).toMatch(/not the length it says/);
    expect(problem((b) => (b.writeUInt32LE(0, tableOffset + 4), b))).toMatch(/of 0 a block/);
    expect(problem((b) => (b.writeUInt32LE(1, tableOffset + 16), b))).toMatch(/block 1 ends outside/);
    expect(problem((b) => Buffer.concat([b.subarray(0, tableOffset), Buffer.alloc(4), b.subarray(tableOffset)]))).toMatch(/table/);
  });

  it('refuses a block whose lines are not passages', async () => {
    const bad = [...passages(3)];
    (bad[1] as { text: unknown }).text = 28;
    const opened = PassageFile.open(await file(bad));
    if (!(opened instanceof PassageFile)) throw new Error(opened.problem);
    expect(() => opened.block(0)).toThrow(/line 2 of passage block 0 is not a passage/);
  });
});
