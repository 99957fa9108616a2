import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-usage-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function citeline(script: string, args: string[]) {
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script.replace(':', '-')}.ts`, ...args], {
    env: { ...process.env, INDEX_DIR: join(work, 'index') },
    timeout: 120_000,
  });
}

/** A command line the command cannot run: exit code 2, the problem and the usage, and no stack trace. */
async function expectUsageError(script: string, args: string[], problem: RegExp) {
  const failure = await citeline(script, args).then(
    () => undefined,
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure?.code).toBe(2);
  expect(failure?.stderr).toMatch(problem);
  expect(failure?.stderr).toMatch(new RegExp(`Usage: npm run ${script}`));
  expect(failure?.stderr).not.toMatch(/\n\s+at /);
}

describe('command lines', () => {
  it.each([
    ['ask', ['a question', '--colour'], /Unknown option '--colour'/],
    ['ask', ['a question', '--k', '21'], /--k takes a whole number from 1 to 20 \(got 21\)/],
    ['stats', ['inadequate', '--limit=3'], /Unknown option '--limit'/],
    ['ingest', ['--rebuild=yes'], /--rebuild/],
    ['eval', ['--json=1'], /--json/],
    ['eval', [], /No reports given/],
    ['eval', ['--reports', 'reports'], /No questions given/],
    ['eval', ['a', 'b'], /One eval folder at most/],
    ['chat', ['--json'], /Unknown option '--json'/],
    ['bench', ['--runs', '0'], /--runs takes a whole number, 1 or more \(got 0\)/],
    ['bench', ['--passages', 'many'], /--passages takes a whole number/],
    ['bench', ['--reports', 'no-such-folder'], /--reports takes a folder of reports; no-such-folder is not one/],
    ['bench', ['--store', 'mysql'], /--store is local or postgres \(got mysql\)/],
    ['eval', ['--reports', 'reports', '--questions', 'q.jsonl', '--store', 'files'], /--store is local or postgres \(got files\)/],
    ['db:migrate', [], /Set STORE=postgres and DATABASE_URL first/],
  ])('%s %j is refused with its problem and the usage', async (script, args, problem) => {
    await expectUsageError(script, args, problem);
  });

  it('--help prints the usage and succeeds', async () => {
    const { stdout } = await citeline('stats', ['--help']);
    expect(stdout).toMatch(/^Usage: npm run stats -- /);
  });
});

describe('npm run eval -- DIR', () => {
  it('scores the questions of an eval folder: its reports/ and its one questions*.jsonl', async () => {
    const folder = join(work, 'eval');
    await mkdir(folder);
    await cp('reports', join(folder, 'reports'), { recursive: true });
    const question = { id: 's1', question: 'what share of councils were rated inadequate by 2015?', doc: 'brave-new-world.md', answer: '28% of councils were rated Inadequate', kind: 'stat' };
    await writeFile(join(folder, 'questions.sample.jsonl'), `${JSON.stringify(question)}\n`);
    const { stdout } = await citeline('eval', [folder, '--json']);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ n: 1, answerable: 1, perQuestion: [{ id: 's1', answered: true }] });
    // Found among the first three passages: the sample says 28% twice, in neighbouring passages.
    expect(summary.recall3).toBe(1);

    await writeFile(join(folder, 'questions.more.jsonl'), `${JSON.stringify(question)}\n`);
    await expectUsageError('eval', [folder], /should hold one questions\*\.jsonl file \(found questions\.more\.jsonl, questions\.sample\.jsonl\)/);
  });
});
