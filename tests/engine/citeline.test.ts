import { mkdir, mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';
import { PassageStore } from '../../src/store/passage-store.js';
import { IndexLoadError } from '../../src/store/types.js';

let work: string;
let engine: Citeline;
let config: ReturnType<typeof parseCoreConfig>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-engine-'));
  config = { ...parseCoreConfig({}), indexDir: join(work, 'index'), reportsDir: resolve('reports') };
  engine = await openCitelineEngine(config, { buildIfMissing: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('Citeline on the bundled sample', () => {
  it('answers the README question with the 28% sentence, cited', async () => {
    const reply = await engine.ask('What share of councils were rated inadequate?');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toMatch(/28%/);
    const [first] = reply.citations;
    expect(first?.title).toMatch(/brave new world/i);
    expect(first?.source).toMatch(/^https:\/\//);
    expect(first?.extract).toMatch(/28%/);
    expect(first?.figures).toContain('28%');
  });

  it('ranks for training the question as it answers it: a short split year spelled out, a follow-up merged', async () => {
    const ranked = await engine.rankQuestion('what share were rated good in 07/08?');
    expect(ranked.question.query.years).toContain('2007/08');
    const followUp = await engine.rankQuestion('and in 2015?', { previousQuestion: 'what share of councils were rated inadequate?' });
    expect(followUp.question.query.terms).toContain(ranked.question.vocabulary.normaliser.term('inadequate'));
    expect(followUp.answerable).toBeGreaterThan(0);
    expect(followUp.confidence).toBeGreaterThan(0);
  });

  it('reads typing slips as the words the reports use: the same reply as the question typed right', async () => {
    const right = await engine.ask('What share of councils were rated inadequate?');
    const slipped = await engine.ask('What share of coucnils were rated inadqeuate?');
    expect(slipped.answered).toBe(true);
    expect(slipped.answer).toBe(right.answer);
    expect(slipped.citations.map((c) => c.passageId)).toEqual(right.citations.map((c) => c.passageId));
    // The statistics lookup reads the same slip the same way.
    expect((await engine.stats('inadqeuate 2015')).figures).toEqual((await engine.stats('inadequate 2015')).figures);
    expect((await engine.stats('inadequate 2015')).figures.length).toBeGreaterThan(0);
  });

  it('looks figures up in the passages a search finds when no figure says every word of the query', async () => {
    const found = await engine.stats('inadequate 2015 councils poorly');
    expect(found.everyWord).toBe(false);
    // "poorly" is in no report: the figures saying the rest come from the passages the search finds.
    expect(found.figures.map((f) => f.raw)).toContain('28%');
  });

  it('declines an everyday question with nothing to do with the reports', async () => {
    const reply = await engine.ask('what time does the car park shut on sundays?');
    expect(reply.answered).toBe(false);
    expect(reply.confidence).toBeLessThan((await engine.ask('What share of councils were rated inadequate?')).confidence);
  });

  it('finds the year asked for', async () => {
    const reply = await engine.ask('what percentage of councils got a good grade in 2007/08?');
    expect(reply.answer).toMatch(/69%/);
  });

  it('answers a finding question from the Breaking the lock summary', async () => {
    const reply = await engine.ask('what happens to a council after an inadequate judgement?');
    expect(reply.answered).toBe(true);
    expect(reply.citations.map((c) => c.title).join(' ')).toMatch(/breaking the lock/i);
  });

  it('answers who wrote a report from a line that names its author, and what costs with a sum of money', async () => {
    const who = await engine.ask('who wrote Breaking the lock?');
    expect(who.citations.slice(0, 3).some((citation) => citation.extract.includes('Amanda Kelly'))).toBe(true);
    // The sample says inspections "that end in a failing grade" could cost £30 million.
    expect((await engine.ask('how much does an inadequate rating cost?')).answer).toContain('£30 million');
  });

  it('declines a question the reports do not answer, and still shows the closest extracts', async () => {
    const reply = await engine.ask('what is the capital of Peru?');
    expect(reply.answered).toBe(false);
    expect(reply.answer).toMatch(/do not seem to answer/);
    expect(reply.citations.length).toBeGreaterThan(0);
  });

  it('finds the lines behind a claim, and says so plainly when none backs it', async () => {
    const backed = await engine.findSources('apparently 28% of councils were rated inadequate by 2015');
    expect(backed.answered).toBe(true);
    expect(backed.citations[0]!.extract).toContain('28%');
    const unbacked = await engine.findSources('the capital of Peru is Lima');
    expect(unbacked.answered).toBe(false);
    expect(unbacked.answer).toMatch(/could not find lines in the reports that back that/);
    expect(unbacked.citations.length).toBeGreaterThan(0);
    // The lines on the subject state another figure: they are shown, as the closest, not as backing.
    const otherFigure = await engine.findSources('apparently 35% of councils were rated inadequate by 2015');
    expect(otherFigure.answered).toBe(false);
    expect(otherFigure.citations.some((citation) => citation.extract.includes('28%'))).toBe(true);
  });

  it('reads an elliptical follow-up with the question before it', async () => {
    const reply = await engine.ask('and in 2007/08?', { previousQuestion: 'what share of councils were rated good in 2015?' });
    // The merged question asks for 2007/08's share: the extract that states it is among the first cited.
    expect(reply.citations.slice(0, 3).some((citation) => /69%/.test(citation.extract))).toBe(true);
  });

  it('survives hostile input', async () => {
    for (const question of ['', '🙂🙂🙂', 'ما هي نسبة المجالس؟', '\u0000\u0007', '<!channel> <@U123> inadequate?', 'x'.repeat(40_000)]) {
      const reply = await engine.ask(question);
      expect(typeof reply.answer).toBe('string');
      expect(reply.confidence).toBeGreaterThanOrEqual(0);
    }
  });

  it('lists the indexed sources with passage counts', () => {
    const sources = engine.sources();
    expect(sources).toHaveLength(4);
    expect(sources.every((s) => s.passages > 0)).toBe(true);
  });
});

describe('a damaged index', () => {
  it('is refused with the --rebuild command, never answered from', async () => {
    const damaged = join(work, 'damaged');
    const damagedConfig = { ...config, indexDir: damaged };
    await openCitelineEngine(damagedConfig, { buildIfMissing: true });
    const generation = (await readdir(damaged)).find((name) => name.startsWith('gen-'));
    expect(generation).toBeDefined();
    await writeFile(join(damaged, generation as string, 'passages.bin'), '{"truncated":');
    await expect(openCitelineEngine(damagedConfig)).rejects.toThrow(IndexLoadError);
    await expect(openCitelineEngine(damagedConfig)).rejects.toThrow(/npm run ingest -- --rebuild/);
  });
});

/** An engine over one report of our own, written to a folder of the test's work directory. */
async function engineOver(name: string, title: string, body: string): Promise<Citeline> {
  const reports = join(work, `${name}-reports`);
  await mkdir(reports, { recursive: true });
  await writeFile(join(reports, `${name}.md`), `---\ntitle: ${title}\nsource: https://example.org/${name}\n---\n\n${body}\n`);
  return openCitelineEngine({ ...config, reportsDir: reports, indexDir: join(work, `${name}-index`) }, { buildIfMissing: true });
}

describe('an index whose search indexes older code built', () => {
  it('opens with them rebuilt in memory, says so once, and answers as the current code does', async () => {
    const indexDir = join(work, 'older-artifacts');
    const olderConfig = { ...config, indexDir };
    const fresh: string[] = [];
    await openCitelineEngine(olderConfig, { buildIfMissing: true, log: (line) => fresh.push(line) });
    expect(fresh.some((line) => /built by an older Citeline/.test(line))).toBe(false);

    // What an ingest by an older version leaves: its artifacts, marked with its version.
    const store = await PassageStore.load(indexDir, { model: config.embeddingModel });
    store.setArtifact('artifacts-meta', { version: 1 });
    await store.save(indexDir);

    const lines: string[] = [];
    const reopened = await openCitelineEngine(olderConfig, { log: (line) => lines.push(line) });
    expect(lines.filter((line) => /built by an older Citeline; rebuilt them in memory\. Run `npm run ingest`/.test(line))).toHaveLength(1);
    expect((await reopened.ask('What share of councils were rated inadequate?')).answer).toMatch(/28%/);
    expect((await reopened.stats('inadequate 2015')).figures.length).toBeGreaterThan(0);
  });
});

describe('an index whose saved search index cannot be read', () => {
  it('is a fault that surfaces, not a silent rebuild', async () => {
    const indexDir = join(work, 'unreadable-artifact');
    const unreadable = { ...config, indexDir };
    await openCitelineEngine(unreadable, { buildIfMissing: true });
    // Written by this version's code (its version mark is current), yet not a BM25 index: a bug, not an older format.
    const store = await PassageStore.load(indexDir, { model: config.embeddingModel });
    store.setArtifact('bm25', { ids: 'not a list' });
    await store.save(indexDir);

    const lines: string[] = [];
    await expect(openCitelineEngine(unreadable, { log: (line) => lines.push(line) })).rejects.toThrow();
    expect(lines.filter((line) => /rebuilt|built it in memory/.test(line))).toEqual([]);
  });
});
