import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-chat-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs `npm run chat` with the given lines typed in, and returns what it printed. */
function chat(lines: string[]): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts'], {
      env: { ...process.env, INDEX_DIR: join(work, 'index') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('npm run chat', () => {
  it('answers question after question, keeps a follow-up in context, lists sources, and quits', async () => {
    const { stdout, code } = await chat(['sources', 'what % of councils were rated good in 2015?', 'and in 2007/08?', 'quit']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/4 documents indexed/);
    expect(stdout).toMatch(/Breaking the lock \(summary\) \(\d+ passages\)/);
    expect(stdout).toMatch(/18%/);
    expect(stdout).toMatch(/69%/);
  });

  it('reads a message with the earlier question only when it cannot stand alone', async () => {
    const { stdout, code } = await chat(['what % of councils were rated good in 2015?', 'Who is Debbie Jones?', 'asdf qwerty zzkj flibble', 'quit']);
    expect(code).toBe(0);
    // A name of its own and gibberish both stand alone: neither is read with the question before.
    expect(stdout).not.toContain('read with your earlier question');
    const followed = await chat(['what % of councils were rated good in 2015?', 'what about the year before?', 'quit']);
    expect(followed.stdout.match(/\(read with your earlier question: “([^”]*)”\)/g)).toEqual(['(read with your earlier question: “what % of councils were rated good in 2015?”)']);
  });

  it('answers a greeting and thanks in kind, not with the closest extracts', async () => {
    const { stdout, code } = await chat(['hi!', 'thanks', 'quit']);
    expect(code).toBe(0);
    expect(stdout).toContain('Hello! I answer questions about the reports');
    expect(stdout).toContain("You're welcome.");
    expect(stdout).not.toMatch(/closest/i);
  });
});
