import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citeline } from './run-citeline.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-stats-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const stats = (args: string[]) => citeline(['stats', ...args], { INDEX_DIR: join(work, 'index') });

describe('citeline stats', () => {
  it('lists every Inadequate figure with its source', async () => {
    const { stdout } = await stats(['inadequate', '--json']);
    const { figures } = JSON.parse(stdout) as { figures: { figure: string; grade: string; period: string; title: string; source: string; quote: string }[] };
    expect(figures.length).toBeGreaterThanOrEqual(2);
    expect(figures.every((row) => row.grade.includes('Inadequate'))).toBe(true);
    expect(figures.every((row) => /^https:\/\//.test(row.source))).toBe(true);
    expect(figures.some((row) => row.figure === '28%' && row.quote.includes('28% of councils were rated Inadequate'))).toBe(true);
  });

  it('gives 69% for good 2007/08, with its quote', async () => {
    const { stdout } = await stats(['good', '2007/08', '--quotes']);
    expect(stdout).toMatch(/1\s+69%\s+Good\s+2007\/08/);
    expect(stdout).toContain('69% of councils inspected were rated Good');
  });

  it('prints a compact table, each row with its source and where in it, the rows --json lists in its order', async () => {
    const { stdout: table } = await stats(['inadequate']);
    const { stdout: json } = await stats(['inadequate', '--json']);
    const rows = table.split('\n').filter((line) => /^\d+ {2,}/.test(line));
    expect(rows).toHaveLength((JSON.parse(json) as { figures: unknown[] }).figures.length);
    expect(table).toMatch(/^#\s+figure\s+grade\s+period\s+what\s+source$/m);
    expect(rows.find((row) => /\s28%\s/.test(row))).toMatch(/28%\s+Inadequate\s+2015\s+local authorities\s+A brave new world.* · How council ratings/);
    const listed = (JSON.parse(json) as { figures: { figure: string }[] }).figures.map((row) => row.figure);
    expect(rows.map((row) => row.split(/\s{2,}/)[1])).toEqual(listed);
  });

  it('says so when no figure says every word, and lists the figures closest to it', async () => {
    const { stdout } = await stats(['good', '2007/08', 'councils', 'inspected', 'ratings', 'results']);
    expect(stdout).toMatch(/^No figure says every word of "good 2007\/08 councils inspected ratings results"; the 1 figure closest to it, closest first:/);
    expect(stdout).toMatch(/1\s+69%\s+Good\s+2007\/08/);
    const { stdout: json } = await stats(['good', '2007/08', 'councils', 'inspected', 'ratings', 'results', '--json']);
    expect(JSON.parse(json)).toMatchObject({ everyWord: false });
  });

  it('says how many of the last figures say only part of the query', async () => {
    const { stdout } = await stats(['inadequate', 'councils', 'rated']);
    const [, total, partly] = /^(\d+) figures for "inadequate councils rated", best match first; the last (one|\d+) says? only part of it, closest first:/.exec(stdout) ?? [];
    const { stdout: json } = await stats(['inadequate', 'councils', 'rated', '--json']);
    expect(JSON.parse(json)).toMatchObject({ everyWord: true, partly: partly === 'one' ? 1 : Number(partly) });
    expect((JSON.parse(json) as { figures: unknown[] }).figures).toHaveLength(Number(total));
  });

  it('says which reports it read when a lookup names something and none of them states the rest', async () => {
    const { stdout } = await stats(['ofsted', 'deficit']);
    expect(stdout).toMatch(/^No figure in the reports naming Ofsted says what "ofsted deficit" asks/);
  });

  it('says plainly when nothing matches', async () => {
    const { stdout } = await stats(['outstanding', '1999']);
    expect(stdout).toMatch(/No figures match "outstanding 1999"/);
  });
});
