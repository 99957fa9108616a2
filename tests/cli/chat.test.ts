import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCiteline } from './run-citeline.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-chat-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs `citeline chat` with the given lines typed in, and returns what it printed. */
function chat(lines: string[], env: Record<string, string> = {}): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawnCiteline(['chat'], { INDEX_DIR: join(work, 'index'), ...env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('citeline chat', () => {
  it('answers question after question, keeps a follow-up in context, lists sources, and quits', async () => {
    const { stdout, code } = await chat(['sources', 'what percentage of councils got a good grade in 2015?', 'and in 2007/08?', 'quit']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/4 documents indexed/);
    expect(stdout).toMatch(/Breaking the lock \(summary\) \(\d+ passages\)/);
    expect(stdout).toMatch(/18%/);
    expect(stdout).toMatch(/69%/);
  });

  it('answers a greeting and thanks in kind, suggesting what chat understands, with no Slack commands or backticks', async () => {
    const { stdout, code } = await chat(['hi!', 'thanks', 'quit']);
    expect(code).toBe(0);
    expect(stdout).toContain('Hello! I answer questions about the reports');
    expect(stdout).toMatch(/Type help for what I understand here, or sources for the documents/);
    expect(stdout).toContain("You're welcome.");
    expect(stdout).not.toMatch(/closest/i);
    expect(stdout).not.toMatch(/\/citeline|`/);
  });

  it('says what it understands when asked for help', async () => {
    const { stdout } = await chat(['help', 'quit']);
    expect(stdout).toMatch(/^sources +lists the documents/m);
    expect(stdout).toMatch(/^quit +ends/m);
    expect(stdout).not.toMatch(/`/);
  });

  it('wraps every line between words at the terminal width, titles included', async () => {
    const { stdout } = await chat(['hi!', 'sources', 'what share of councils were rated inadequate?', 'quit'], { COLUMNS: '50' });
    const lines = stdout.split('\n').map((line) => line.replace(/^\? /, ''));
    // A link is one word: it may run past the width, but is never broken.
    const prose = lines.filter((line) => !/https?:\/\/\S+$/.test(line.trim()) || line.trim().includes(' '));
    expect(Math.max(...prose.map((line) => line.replace(/https?:\/\/\S+/, '').length))).toBeLessThanOrEqual(50);
    const joined = stdout.replace(/\s+/g, ' ');
    expect(joined).toContain('A brave new world: is inspection improving children\'s services?');
    expect(joined).toContain('Hello! I answer questions about the reports I have indexed');
  });
});
