import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function citeline(script: string, args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { ...process.env, INDEX_DIR: join(work, 'index'), ...env },
    timeout: 120_000,
  });
}

describe('npm run ask', () => {
  it('builds the index on first use and prints the documented JSON', async () => {
    const { stdout, stderr } = await citeline('ask', ['What share of councils were rated inadequate?', '--json']);
    const reply = JSON.parse(stdout);
    expect(reply).toMatchObject({ answered: true });
    expect(reply.answer).toMatch(/28%/);
    expect(Object.keys(reply.citations[0]).sort()).toEqual(['extract', 'figures', 'location', 'score', 'source', 'title']);
    expect(stderr).toMatch(/building it from/);
  });

  it('prints a readable answer for people, with at most --k citations', async () => {
    const { stdout } = await citeline('ask', ['what did iMPOWER say happens after an inadequate judgement?', '--k', '2']);
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/\[2\]/);
    expect(stdout).not.toMatch(/\[3\]/);
  });

  it('refuses a missing question with usage and exit code 2', async () => {
    await expect(citeline('ask', [])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: npm run ask/) });
  });
});

describe('npm run ingest', () => {
  it('reports documents, passages and skipped files', async () => {
    const { stdout } = await citeline('ingest', ['reports', '--rebuild']);
    expect(stdout).toMatch(/Indexed 4 documents, \d+ passages/);
  });
});
