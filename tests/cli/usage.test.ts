import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citeline, refusal } from './run-citeline.js';

let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-usage-'));
  env = { INDEX_DIR: join(work, 'index') };
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A command line the command cannot run: exit code 2, the problem in Citeline's words, the usage, and no stack trace. */
async function expectUsageError(args: string[], problem: RegExp, extraEnv: Record<string, string> = {}) {
  const failure = await refusal(args, { ...env, ...extraEnv });
  expect(failure?.code).toBe(2);
  expect(failure?.stderr).toMatch(problem);
  expect(failure?.stderr).toMatch(new RegExp(`Usage: citeline ${args[0]}`));
  expect(failure?.stderr).not.toMatch(/\n\s+at /);
  // node:util's parseArgs wording (with its unbalanced quote) never reaches the user.
  expect(failure?.stderr).not.toMatch(/Unknown option '|place it at the end|ERR_PARSE_ARGS/);
  expect(failure?.stdout).toBe('');
}

describe('the citeline command line', () => {
  it.each([
    [['ask', 'a question', '--colour'], /^citeline ask: unknown option --colour\.$/m],
    [['ask', 'a question', '--k', '21'], /--citations takes a whole number from 1 to 20 \(got 21\)/],
    [['ask', 'a question', '--citations=0'], /--citations takes a whole number from 1 to 20 \(got 0\)/],
    [['ask', 'a question', '--citations'], /option --citations needs a value: --citations N/],
    [['ask'], /citeline ask: no question given/],
    [['stats', 'inadequate', '--limit=3'], /unknown option --limit/],
    [['ingest', '--rebuild=yes'], /option --rebuild takes no value \(got "yes"\)/],
    [['eval', '--json=1'], /option --json takes no value/],
    [['eval', '--set', 'no-such-set'], /No eval set named no-such-set/],
    [['eval', '--reports', 'reports'], /no questions given/],
    [['eval', 'a', 'b'], /one eval folder at most/],
    [['chat', '--json'], /unknown option --json/],
    [['chat', 'hello'], /citeline chat: takes no words, only options \(got "hello"\)/],
    [['bench', '--runs', '0'], /--runs takes a whole number, 1 or more \(got 0\)/],
    [['bench', '--passages', 'many'], /--passages takes a whole number/],
    [['bench', '--reports', 'no-such-folder'], /--reports takes a folder of reports; no-such-folder is not one/],
    [['bench', '--store', 'mysql'], /--store is local or postgres \(got mysql\)/],
    [['eval', '--reports', 'reports', '--questions', 'q.jsonl', '--store', 'files'], /--store is local or postgres \(got files\)/],
    [['db:migrate'], /set STORE=postgres and DATABASE_URL first/],
  ])('%j is refused with its problem and the usage', async (args, problem) => {
    await expectUsageError(args, problem);
  });

  it('refuses an unknown command with the list of commands', async () => {
    const failure = await refusal(['asks', 'a question'], env);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^citeline: there is no command "asks"\./);
    expect(failure?.stderr).toMatch(/ask "question" +one cited answer/);
  });

  it('refuses an option npm kept for itself under `npm run`, saying how to pass it', async () => {
    // What `npm run ask "question" --json` leaves: the option in npm's settings, not in the arguments.
    await expectUsageError(['ask', 'a question'], /npm kept --json for itself.*npm run ask -- .*npx citeline ask/, { npm_lifecycle_event: 'ask', npm_config_json: 'true' });
  });

  it('prints one usage text per command, the same for `help ask` and `ask --help`', async () => {
    const { stdout: help } = await citeline(['help', 'ask'], env);
    const { stdout: flag } = await citeline(['ask', '--help'], env);
    expect(help).toBe(flag);
    expect(help).toMatch(/^Usage: citeline ask "your question" \[--claim\] \[--json\] \[--citations N\]\n/);
    expect(help).toMatch(/--citations N, --k N/);
    for (const command of ['chat', 'ingest', 'stats', 'serve', 'eval', 'bench']) {
      const { stdout } = await citeline(['help', command], env);
      expect(stdout).toMatch(new RegExp(`^Usage: citeline ${command}`));
    }
    const { stdout: overview } = await citeline([], env);
    expect(overview).toMatch(/^Usage: citeline COMMAND/);
    expect(overview).toMatch(/citeline help COMMAND/);
  });

  it('serve starts the Slack app, which names every missing setting', async () => {
    const failure = await refusal(['serve'], { ...env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' });
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Citeline cannot start: some settings are missing or wrong/);
    expect(failure?.stderr).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('takes a question that starts with a dash after --', async () => {
    const { stdout } = await citeline(['ask', '--json', '--citations', '1', '--', '-what share of councils were rated inadequate?'], env);
    expect(JSON.parse(stdout).citations).toHaveLength(1);
  });
});

describe('citeline eval DIR', () => {
  it('scores the questions of an eval folder: its reports/ and its one questions*.jsonl', async () => {
    const folder = join(work, 'eval');
    await mkdir(folder);
    await cp('reports', join(folder, 'reports'), { recursive: true });
    const question = { id: 's1', question: 'what share of councils were rated inadequate by 2015?', doc: 'brave-new-world.md', answer: '28% of councils were rated Inadequate', kind: 'stat' };
    await writeFile(join(folder, 'questions.sample.jsonl'), `${JSON.stringify(question)}\n`);
    const { stdout } = await citeline(['eval', folder, '--json'], env);
    const [result] = JSON.parse(stdout);
    expect(result.set).toBe('eval');
    // The plain-BM25 baseline is scored beside Citeline, on the same questions.
    expect(result.baseline).toMatchObject({ n: 1, answerable: 1 });
    const summary = result.citeline;
    expect(summary).toMatchObject({ n: 1, answerable: 1, perQuestion: [{ id: 's1', answered: true }] });
    // Found among the first three passages: the sample says 28% twice, in neighbouring passages.
    expect(summary.recall3).toBe(1);

    await writeFile(join(folder, 'questions.more.jsonl'), `${JSON.stringify(question)}\n`);
    await expectUsageError(['eval', folder], /should hold one questions\*\.jsonl file \(found questions\.more\.jsonl, questions\.sample\.jsonl\)/);
  });
});
