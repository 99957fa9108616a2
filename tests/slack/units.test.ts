/** The small parts: prompts, questions, commands, thread memory, the rate limiter and the feedback file. */
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptFileError, fillPrompt, loadPrompts } from '../../src/prompts.js';
import { JsonLinesFeedbackStore, type FeedbackRecord } from '../../src/slack/feedback-store.js';
import { parseCommand } from '../../src/slack/handlers/command.js';
import { RedactingLogger } from '../../src/slack/logger.js';
import { SlidingWindowRateLimiter } from '../../src/slack/middleware/rate-limit.js';
import { readQuestion } from '../../src/slack/question.js';
import { ThreadMemory } from '../../src/slack/thread-memory.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'citeline-units-'));
}

describe('prompts', () => {
  it('loads every prompt, and the no-answer lead is a plain sentence', async () => {
    const prompts = await loadPrompts(join(process.cwd(), 'prompts'));
    expect(prompts.noAnswer).toBe('The reports I have do not seem to answer that. These are the closest extracts:');
    expect(prompts.help).toContain('/citeline');
  });

  it('names the missing file', async () => {
    const dir = await tempDir();
    try {
      await cp(join(process.cwd(), 'prompts'), dir, { recursive: true });
      await rm(join(dir, 'rate-limited.md'));
      const error = await loadPrompts(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PromptFileError);
      expect((error as Error).message).toBe(`Prompt file ${join(dir, 'rate-limited.md')} is missing`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillPrompt('{limit} a minute, {other}', { limit: 20 })).toBe('20 a minute, {other}');
  });
});

describe('readQuestion', () => {
  it('strips the bot mention and folds white space', () => {
    expect(readQuestion('<@UBOT>   what   about\n2019?', 'UBOT')).toEqual({ ok: true, question: 'what about 2019?' });
  });
  it('treats emoji-only and mention-only text as empty', () => {
    expect(readQuestion('<@UBOT> :tada: 🎉 <!channel>', 'UBOT')).toEqual({ ok: false, problem: 'empty' });
    expect(readQuestion('\u0000\u0001', 'UBOT')).toEqual({ ok: false, problem: 'empty' });
  });
  it('refuses a question over 2,000 characters', () => {
    expect(readQuestion('a'.repeat(2001))).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('parseCommand', () => {
  it('knows its subcommands and treats anything else as a question', () => {
    expect(parseCommand('HELP')).toEqual({ type: 'help' });
    expect(parseCommand('sources')).toEqual({ type: 'sources' });
    expect(parseCommand('reindex')).toEqual({ type: 'reindex' });
    expect(parseCommand('feedback')).toEqual({ type: 'feedback' });
    expect(parseCommand('feedback on foster carers?')).toEqual({ type: 'ask', question: 'feedback on foster carers?' });
    expect(parseCommand('stats inadequate 2015')).toEqual({ type: 'stats', args: 'inadequate 2015' });
    expect(parseCommand('sources of funding for councils?')).toEqual({ type: 'ask', question: 'sources of funding for councils?' });
  });
});

describe('ThreadMemory', () => {
  it('offers the earlier question to a follow-up only, and keeps the full question across follow-ups', async () => {
    const memory = new ThreadMemory();
    expect(await memory.hasAnswered('C:1')).toBe(false);
    await memory.remember('C:1', 'what share of councils were rated Inadequate in 2015?', undefined);
    expect(await memory.hasAnswered('C:1')).toBe(true);
    expect(await memory.previousFor('C:1', 'which councils improved most between the two inspection frameworks?')).toBeUndefined();
    // Short is not enough: a question with its own subject, or gibberish, stands alone.
    expect(await memory.previousFor('C:1', 'Who is Debbie Jones?')).toBeUndefined();
    expect(await memory.previousFor('C:1', 'asdf qwerty zzkj flibble')).toBeUndefined();
    const previous = await memory.previousFor('C:1', 'and in 2008?');
    expect(previous).toBe('what share of councils were rated Inadequate in 2015?');
    await memory.remember('C:1', 'and in 2008?', previous);
    expect(await memory.previousFor('C:1', 'what about Leeds?')).toBe('what share of councils were rated Inadequate in 2015?');
    expect(await memory.previousFor('C:2', 'and 2010?')).toBeUndefined();
  });

  it('forgets the oldest threads beyond its capacity', async () => {
    const memory = new ThreadMemory(2);
    await memory.remember('a', 'question a here', undefined);
    await memory.remember('b', 'question b here', undefined);
    await memory.remember('c', 'question c here', undefined);
    expect(await memory.previousFor('a', 'and 2019?')).toBeUndefined();
    expect(await memory.hasAnswered('a')).toBe(false);
    expect(await memory.previousFor('c', 'and 2019?')).toBe('question c here');
  });
});

describe('SlidingWindowRateLimiter', () => {
  it('allows N per window and frees a slot when the oldest leaves the window', () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter(2, 60_000, () => now);
    expect(limiter.tryAcquire('U1')).toBe(true);
    now = 30_000;
    expect(limiter.tryAcquire('U1')).toBe(true);
    expect(limiter.tryAcquire('U1')).toBe(false);
    expect(limiter.tryAcquire('U2')).toBe(true);
    now = 60_001;
    expect(limiter.tryAcquire('U1')).toBe(true);
    expect(limiter.tryAcquire('U1')).toBe(false);
  });
});

describe('JsonLinesFeedbackStore', () => {
  it('appends one line per record, even when many are written at once', async () => {
    const dir = await tempDir();
    try {
      const store = JsonLinesFeedbackStore.inIndexDir(join(dir, 'index'));
      const record = (i: number): FeedbackRecord => ({ time: new Date(0).toISOString(), user: `U${i}`, channel: 'C1', question: `q ${i}\nsecond line`, answer: 'a', passageIds: ['p'], helpful: i % 2 === 0 });
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.record(record(i))));
      const lines = (await readFile(store.path, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(50);
      const records = await store.readAll();
      expect(new Set(records.map((r) => r.user)).size).toBe(50);
      expect(records[0]!.question).toContain('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('skips a damaged line when reading', async () => {
    const dir = await tempDir();
    try {
      const store = new JsonLinesFeedbackStore(join(dir, 'feedback.jsonl'));
      await writeFile(store.path, '{"user":"U1","helpful":true}\n{"user":"U2",\n');
      expect(await store.readAll()).toEqual([{ user: 'U1', helpful: true }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('RedactingLogger', () => {
  it('removes the given secrets and anything shaped like a Slack token', () => {
    const lines: string[] = [];
    const logger = new RedactingLogger(['my-signing-secret'], (_level, line) => lines.push(line));
    logger.error('failed with my-signing-secret and xoxp-1234-5678-abcd and xapp-1-A1-xyz', new Error('token xoxb-9-9-z'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/my-signing-secret|xoxp-1234|xapp-1-A1|xoxb-9/);
    expect(lines[0]).toContain('[redacted]');
  });
});
