import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvalSets, writeEvalSets } from '../../src/eval/sets.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citeline-sets-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a written sets file', () => {
  it('reads back as the sets it names, absolute paths and all, and leaves out a set whose files are gone', async () => {
    const questions = join(dir, 'q.jsonl');
    await writeFile(questions, JSON.stringify({ id: 'a', question: 'how many carers left?', doc: 'r.md', answer: '310', kind: 'stat' }) + '\n');
    const file = await writeEvalSets(join(dir, 'out'), [
      { name: 'reshaped', collection: 'c', reports: dir, questions },
      { name: 'gone', collection: 'c', reports: join(dir, 'nowhere'), questions },
    ]);
    expect(file).toBe(join(dir, 'out', 'eval', 'sets.json'));
    const { sets, missing } = await readEvalSets(file);
    expect(sets.map((s) => [s.name, s.collection, s.reports, s.questionsFile, s.questions.length])).toEqual([['reshaped', 'c', dir, questions, 1]]);
    expect(missing).toEqual(['gone']);
  });

  it('marks a held-back set as one training leaves out, and every other set as trained on', async () => {
    const questions = join(dir, 'q.jsonl');
    await writeFile(questions, JSON.stringify({ id: 'a', question: 'how many carers left?', doc: 'r.md', answer: '310', kind: 'stat' }) + '\n');
    const file = await writeEvalSets(join(dir, 'held'), [
      { name: 'trained', collection: 'c', reports: dir, questions },
      { name: 'test-only', collection: 'd', reports: dir, questions, train: false },
    ]);
    const { sets } = await readEvalSets(file);
    expect(sets.map((s) => [s.name, s.train])).toEqual([['trained', true], ['test-only', false]]);
  });

  it('reads a set of claims as one whose sources are found, and every other set as questions asked', async () => {
    const questions = join(dir, 'q.jsonl');
    await writeFile(questions, JSON.stringify({ id: 'c', question: 'apparently 310 carers left', doc: 'r.md', answer: '310', kind: 'claim' }) + '\n');
    const file = await writeEvalSets(join(dir, 'claims'), [
      { name: 'asked', collection: 'c', reports: dir, questions },
      { name: 'claimed', collection: 'c', reports: dir, questions, asks: 'claims', train: false },
    ]);
    const { sets } = await readEvalSets(file);
    expect(sets.map((s) => [s.name, s.asks])).toEqual([['asked', 'questions'], ['claimed', 'claims']]);
  });
});
