import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';

let work: string;
let engine: Citeline;

/** Two made-up councils' reports, in our own words: one on fostering, one on a school budget. */
const REPORTS = {
  'harbury-fostering.md': [
    '# Harbury fostering review 2024',
    'Harbury Council approved 14 new foster carers in 2024, and Harbury lost 9 who retired.',
    'The council says recruitment in Harbury is slower than it hoped.',
  ],
  'regional-fostering.md': [
    '# Regional fostering review 2024',
    'In London, 61% of new foster carers were approved within six months in 2024.',
    'In the North East, 48% of new foster carers were approved within six months in 2024.',
    'Across England, 55% of new foster carers were approved within six months in 2024.',
  ],
  'oakmere-budget.md': [
    '# Oakmere schools budget 2024',
    'The high needs deficit in Oakmere reached £4.2 million in 2024, up from £3.1 million a year before.',
    'Oakmere expects the deficit to grow while demand for specialist places rises.',
  ],
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-stats-names-'));
  const reportsDir = join(work, 'reports');
  await mkdir(reportsDir);
  for (const [name, lines] of Object.entries(REPORTS)) await writeFile(join(reportsDir, name), lines.join('\n\n') + '\n');
  engine = await openCitelineEngine({ ...parseCoreConfig({}), indexDir: join(work, 'index'), reportsDir }, { buildIfMissing: true });
});

afterAll(async () => {
  await engine.close();
  await rm(work, { recursive: true, force: true });
});

describe('a stats lookup naming a place', () => {
  it('lists only figures of the reports that write the name', async () => {
    const found = await engine.stats('high needs deficit oakmere');
    expect(found.figures.map((f) => f.raw)).toContain('£4.2 million');
    expect(found.figures.every((f) => f.citation.docId.includes('oakmere'))).toBe(true);
  });

  it('lists nothing from another place\'s report when the named place\'s reports do not state it', async () => {
    // Harbury's report writes no deficit: Oakmere's figure is not Harbury's.
    expect((await engine.stats('high needs deficit harbury')).figures).toEqual([]);
    // Without the name the deficit is found.
    expect((await engine.stats('high needs deficit')).figures.map((f) => f.raw)).toContain('£4.2 million');
  });
});

describe('a stats lookup naming a region', () => {
  it('lists no line about other regions only', async () => {
    const northEast = (await engine.stats('foster carers approved north east 2024')).figures.map((f) => f.raw);
    expect(northEast).toContain('48%');
    expect(northEast).not.toContain('61%');
    // The reports give no figure for the South West: London's and the North East's are not it.
    expect((await engine.stats('foster carers approved south west 2024')).figures.map((f) => f.raw)).not.toContain('61%');
    expect((await engine.stats('foster carers approved south west 2024')).figures.map((f) => f.raw)).not.toContain('48%');
  });

  it('leaves other regions out of what the figure order is learned from too', async () => {
    const tiers = await engine.statsTiers('foster carers approved north east 2024');
    const raws = tiers.flat().map(({ figure }) => figure.raw);
    expect(raws).toContain('48%');
    expect(raws).not.toContain('61%');
  });
});

describe('finding sources for a claim naming a council', () => {
  it('backs it only by lines of the reports that write the name', async () => {
    const oakmere = await engine.findSources("Oakmere's high needs deficit reached £4.2 million in 2024");
    expect(oakmere.answered).toBe(true);
    expect(oakmere.citations[0]?.extract).toMatch(/£4\.2 million/);
    // Harbury's report states no deficit: Oakmere's line does not back a claim about Harbury.
    expect((await engine.findSources("Harbury's high needs deficit reached £4.2 million in 2024")).answered).toBe(false);
  });
});
