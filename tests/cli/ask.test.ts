import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citeline as runBin } from './run-citeline.js';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const citeline = (command: string, args: string[]) => runBin([command, ...args], { INDEX_DIR: join(work, 'index') });

describe('citeline ask', () => {
  it('builds the index on first use and prints the documented JSON', async () => {
    const { stdout, stderr } = await citeline('ask', ['What share of councils were rated inadequate?', '--json']);
    const reply = JSON.parse(stdout);
    expect(reply).toMatchObject({ answered: true });
    expect(reply.answer).toMatch(/28%/);
    expect(Object.keys(reply.citations[0]).sort()).toEqual(['extract', 'figures', 'location', 'score', 'source', 'title']);
    expect(stderr).toMatch(/building it from/);
  });

  it('prints a readable answer for people, with at most --citations (or --k) citations', async () => {
    for (const option of ['--citations', '--k']) {
      const { stdout } = await citeline('ask', ['according to iMPOWER, what follows for a council rated inadequate?', option, '2']);
      expect(stdout).toMatch(/\[1\]/);
      expect(stdout).toMatch(/\[2\]/);
      expect(stdout).not.toMatch(/\[3\]/);
    }
  });

  it('wraps titles and extracts between words at the width of the terminal', async () => {
    const { stdout } = await runBin(['ask', 'What share of councils were rated inadequate?'], { INDEX_DIR: join(work, 'index'), COLUMNS: '44' });
    const lines = stdout.split('\n');
    expect(Math.max(...lines.filter((line) => !/^\s*https?:/.test(line)).map((line) => line.length))).toBeLessThanOrEqual(44);
    // The title is broken between its words, not cut inside one.
    const titleLines = lines.slice(lines.findIndex((line) => line.startsWith('[1] ')));
    expect(titleLines.slice(0, 3).join(' ').replace(/\s+/g, ' ')).toContain('[1] A brave new world: is inspection improving children\'s services?');
  });

  it('with --claim, finds the lines behind a claim, and says none backs one whose figure no line states', async () => {
    const backed = JSON.parse((await citeline('ask', ['--claim', 'apparently 28% of councils were rated inadequate by 2015', '--json'])).stdout);
    expect(backed.answered).toBe(true);
    expect(backed.citations[0].extract).toContain('28%');
    const { stdout } = await citeline('ask', ['--claim', 'apparently 35% of councils were rated inadequate by 2015']);
    expect(stdout).toMatch(/^I could not find lines in the reports that back that/);
    expect(stdout).toContain('28%');
  });

  it('refuses a missing question with usage and exit code 2', async () => {
    await expect(citeline('ask', [])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: citeline ask/) });
  });
});

describe('citeline ingest', () => {
  it('reports documents, passages and skipped files', async () => {
    const { stdout } = await citeline('ingest', ['reports', '--rebuild']);
    expect(stdout).toMatch(/Indexed 4 documents, \d+ passages/);
  });
});
