import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let work: string;

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
const vote = (days: number, helpful: boolean, question: string) =>
  JSON.stringify({ time: daysAgo(days), user: 'UVOTER', channel: 'CFEED', question, answer: `The lead given to: ${question}`, passageIds: ['x#1'], helpful });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-feedback-'));
  await mkdir(join(work, 'index'));
  const lines = [
    vote(1, true, 'how many councils were good?'),
    vote(2, false, 'what changed for foster carers?'),
    vote(10, true, 'what did the inspectors recommend?'),
    vote(12, false, 'which region did best?'),
    vote(45, false, 'an old question nobody liked'),
    '{"time": "damaged line',
  ];
  await writeFile(join(work, 'index', 'feedback.jsonl'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function feedback(args: string[], indexDir = join(work, 'index')) {
  return run(process.execPath, ['bin/citeline.mjs', 'feedback', ...args], { env: { ...process.env, INDEX_DIR: indexDir }, timeout: 60_000 });
}

describe('citeline feedback', () => {
  it('prints helpful and not helpful over 7 and 30 days, and the latest not-helpful questions with the answer given', async () => {
    const { stdout } = await feedback([]);
    expect(stdout).toMatch(/last 7 days\s+1 helpful, 1 not helpful \(50% helpful\)/);
    expect(stdout).toMatch(/last 30 days\s+2 helpful, 2 not helpful \(50% helpful\)/);
    expect(stdout).toMatch(/all time\s+2 helpful, 3 not helpful \(40% helpful\)/);
    const questions = [...stdout.matchAll(/ {4}Q: (.*)/g)].map((match) => match[1]);
    expect(questions).toEqual(['what changed for foster carers?', 'which region did best?', 'an old question nobody liked']);
    expect(stdout).toContain('A: The lead given to: what changed for foster carers?');
  });

  it('prints the same as JSON with --json, and zeros when nobody has voted', async () => {
    const { stdout } = await feedback(['--json']);
    const summary = JSON.parse(stdout) as { windows: { days: number; helpful: number; notHelpful: number }[]; latestNotHelpful: { question: string }[] };
    expect(summary.windows).toEqual([
      { days: 7, helpful: 1, notHelpful: 1 },
      { days: 30, helpful: 2, notHelpful: 2 },
    ]);
    expect(summary.latestNotHelpful[0]!.question).toBe('what changed for foster carers?');
    const empty = JSON.parse((await feedback(['--json'], join(work, 'no-index'))).stdout) as { allTime: unknown };
    expect(empty.allTime).toEqual({ helpful: 0, notHelpful: 0 });
  });
});
