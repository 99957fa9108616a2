import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine } from '../../src/engine/citeline.js';
import { CorpusNames, initialismExpansions } from '../../src/search/initialisms.js';

const terms = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];

describe('CorpusNames', () => {
  const names = CorpusNames.fromTexts([
    'The Harbour Safety Officer chairs the panel. Our Harbour Safety Officer reports monthly.',
    'Hull Survey Office figures were late.',
    'The Director of Port Services signed the plan.\nHarbour\nSafety was discussed.',
  ]);

  it('finds the name whose initials spell an acronym, the one written most often', () => {
    expect(names.spelledOut('HSO')).toBe('Harbour Safety Officer');
  });

  it('lets a joining word stand inside a name, and never joins words across a line end', () => {
    expect(names.spelledOut('DPS')).toBe('Director of Port Services');
    expect(names.spelledOut('HS')).toBe('Harbour Safety');
    expect(CorpusNames.fromTexts(['Harbour\nSafety Office']).spelledOut('HSO')).toBeUndefined();
  });

  it('has nothing for an acronym no name spells, nor a name that starts or ends on a joining word', () => {
    expect(names.spelledOut('XYZ')).toBeUndefined();
    expect(CorpusNames.fromTexts(['The Department of Health and Social Care wrote.']).spelledOut('ASC')).toBeUndefined();
  });
});

describe('initialismExpansions', () => {
  const names = CorpusNames.fromTexts(['The Harbour Safety Officer chairs the panel.', 'Port Wenlow Council met.']);

  it('stands an acronym the reports never write for the name it spells', () => {
    expect(initialismExpansions('who is the HSO now?', () => names, () => false, terms)).toEqual([{ phrase: ['hso'], alternatives: [['harbour', 'safety', 'officer']] }]);
  });

  it('leaves an acronym the reports write, a two-letter one, and one no name spells; reads no names without need', () => {
    let read = 0;
    const counted = () => {
      read += 1;
      return names;
    };
    expect(initialismExpansions('who is the HSO now?', counted, (term) => term === 'hso', terms)).toEqual([]);
    expect(initialismExpansions('what did the PW say?', counted, () => false, terms)).toEqual([]);
    expect(read).toBe(0);
    expect(initialismExpansions('what did the XYZ say?', counted, () => false, terms)).toEqual([]);
    expect(read).toBe(1);
  });
});

describe('a question with an acronym the reports spell out', () => {
  let work: string;
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('searches for the name too, and cites the line that names the holder', async () => {
    work = await mkdtemp(join(tmpdir(), 'citeline-initialisms-'));
    const reports = join(work, 'reports');
    await mkdir(reports);
    const filler = (topic: string) =>
      Array.from({ length: 6 }, (_, i) => `Port Wenlow ${topic} rose again in quarter ${i + 1}, and the port board noted the change at its meeting.`).join(' ');
    await writeFile(join(reports, 'port-review.md'), `title: Port Wenlow annual review\n\n# Port Wenlow annual review\n\n${filler('traffic')}\n\n${filler('cargo')}\n\nThe Harbour Safety Officer, Mira Lund, chairs the monthly incident panel and reports to the board.\n`);
    // Other reports on the port, each naming someone: without the name, the line sought is not among the passages read.
    const people = ['Tom Reed', 'Ana Silva', 'Joe Park', 'Liz Cole', 'Sam Hart', 'Kit Moss', 'Ben Ford', 'Amy Lake', 'Dev Rao', 'Eve Hall'];
    for (const [i, person] of people.entries()) {
      const topic = ['dredging', 'tariffs', 'berths', 'cranes', 'pilots', 'ferries', 'fuel', 'customs', 'tugs', 'moorings'][i]!;
      await writeFile(join(reports, `port-${topic}.md`), `title: Port Wenlow ${topic}\n\n# Port Wenlow ${topic}\n\n${filler(topic)}\n\nAt Port Wenlow, ${person} is the officer who leads the ${topic} team at the port.\n`);
    }
    const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: reports, indexDir: join(work, 'index') }, { buildIfMissing: true });
    const ranked = await engine.rankQuestion('who is the HSO at port wenlow?');
    expect(ranked.question.query.expansionTerms).toEqual(expect.arrayContaining(['harbour', 'safeti', 'offic']));
    const reply = await engine.ask('who is the HSO at port wenlow?');
    expect(reply.citations[0]?.extract).toContain('Mira Lund');
  });
});
