import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-eval-pg-'));
  await cp('reports', join(work, 'reports'), { recursive: true });
  const questions = [
    { id: 's1', question: 'what share of councils were rated inadequate by 2015?', doc: 'brave-new-world.md', answer: '28% of councils were rated Inadequate', kind: 'stat' },
    { id: 's2', question: 'who wrote Breaking the lock?', doc: 'breaking-the-lock.md', answer: 'Amanda Kelly', kind: 'finding' },
  ];
  await writeFile(join(work, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run eval -- --store postgres', () => {
  it('scores the same as the local store, on a throwaway Postgres when no DATABASE_URL is set', async () => {
    const evaluate = async (store: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: join(work, 'index') };
      delete env.DATABASE_URL;
      delete env.STORE;
      const { stdout } = await run(process.execPath, ['bin/citeline.mjs', 'eval', work, '--json', '--store', store], { env, timeout: 120_000 });
      const [result] = JSON.parse(stdout) as { citeline: { recall1: number; mrr: number; perQuestion: { id: string; hitRank: number | null }[] } }[];
      return result!.citeline;
    };
    const [local, postgres] = [await evaluate('local'), await evaluate('postgres')];
    expect(postgres.perQuestion.map((q) => q.hitRank)).toEqual(local.perQuestion.map((q) => q.hitRank));
    expect(postgres.recall1).toBe(local.recall1);
    expect(local.recall1).toBeGreaterThan(0);
  }, 180_000);
});
