import { describe, expect, it } from 'vitest';
import {
  extractFigures as extractWith,
  FiguresIndex,
  loadStatsVocabulary,
  parseStatsQuery as parseStatsQueryWith,
  renderFiguresTable,
  toTableRows,
  type SavedFiguresIndex,
} from '../../src/stats/index.js';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';
import { passage } from './helpers.js';
import type { Figure } from '../../src/stats/types.js';
import type { Passage } from '../../src/ingest/types.js';

/** The stats vocabulary, loaded once as the engine does, and the functions that take it. */
const vocabulary = loadStatsVocabulary('data');
const extractFigures = (passages: readonly Passage[]) => extractWith(passages, vocabulary);
const parseStatsQuery = (text: string) => parseStatsQueryWith(text, vocabulary);
const figuresIndex = (figures: Figure[]) => new FiguresIndex(figures, vocabulary);
const openSaved = (saved: unknown, passages: Parameters<typeof FiguresIndex.fromSaved>[1]) => FiguresIndex.fromSaved(saved, passages, vocabulary);

/** A small made-up corpus: two sources on the same grade and period that disagree, and other periods. */
function corpus(): FiguresIndex {
  return figuresIndex(extractFigures(corpusPassages()));
}

/** The index as saved and read back: what opening an index gives FiguresIndex.fromSaved. */
function saved(index: FiguresIndex): SavedFiguresIndex {
  return decodeArtifact(encodeArtifact(index.toSaved())) as SavedFiguresIndex;
}

function corpusPassages() {
  return [
      passage('In the 2009/10 inspection round, 11% of councils were rated ‘Outstanding’, 64% ‘Good’ and 25% ‘Adequate’.', {
        docId: 'a-annual-review.md',
        title: 'Annual review of council inspections',
      }),
      passage('In 2016, 24% of councils were judged inadequate and 46% were judged requires improvement to be good.', {
        docId: 'b-watchdog-news.md',
        title: 'Watchdog finds more failing services',
      }),
      passage('In 2016, 21% of councils were judged inadequate, according to our own count.', {
        docId: 'c-rival-analysis.md',
        title: 'A rival analysis of ratings',
      }),
      passage('In 2021, 14% of councils were judged inadequate.', { docId: 'd-later-figures.md', title: 'Later figures' }),
      passage('The auditors found average spending of £2,650 per child in need in 2017, ranging from £410 per child in one council.', {
        docId: 'e-audit.md',
        title: 'Auditors on spending per child',
      }),
  ];
}

describe('parseStatsQuery', () => {
  it('reads a grade, a period and further words', () => {
    expect(parseStatsQuery('requires improvement 2015 councils')).toMatchObject({
      grades: ['Requires improvement'],
      period: { label: '2015' },
      counted: 'local authorities',
    });
    expect(parseStatsQuery('good 2007/08')).toMatchObject({ grades: ['Good'], period: { label: '2007/08' }, words: [] });
    expect(parseStatsQuery('inadequate').grades).toEqual(['Inadequate']);
    expect(parseStatsQuery('RI').grades).toEqual(['Requires improvement']);
    expect(parseStatsQuery('good or outstanding').grades).toEqual(['Good', 'Outstanding']);
    expect(parseStatsQuery('inadequate watchdog').words).toEqual(['watchdog']);
  });

  it('reads two counted things written as one compound as the last, which the first describes', () => {
    expect(parseStatsQuery('kids homes march 2023').counted).toBe("children's homes");
    expect(parseStatsQuery("kids' homes march 2023").counted).toBe("children's homes");
    expect(parseStatsQuery('kids placed in homes 2023').counted).toBe('children');
  });

  it('reads a typed "%" as the kind of figure asked for, the year before it still a year', () => {
    for (const text of ['inadequate las 2019 %', 'inadequate las 2019%', 'inadequate las % 2019']) {
      expect(parseStatsQuery(text)).toMatchObject({ grades: ['Inadequate'], period: { label: '2019' }, units: ['percent'], words: [] });
    }
  });

  it('asks a word naming a kind of figure ("spend", "rate", "share") of the figure\'s kind, not of its words', () => {
    // A line saying "spent £7.2m" answers "agency spend"; the sum is what "spend" asks for.
    expect(parseStatsQuery('agency spend 2025/26')).toMatchObject({ units: ['GBP'], words: ['agenc'] });
    expect(parseStatsQuery('vacancy rate 2024')).toMatchObject({ units: ['percent', 'rate'], words: ['vacanc'] });
    expect(parseStatsQuery('share of carers approved')).toMatchObject({ units: ['percent'] });
    expect(parseStatsQuery('share of carers approved').words).not.toContain('share');
  });

  it('reads a rate\'s base ("per 10,000", "per 10k") as asking for a rate, not as a word', () => {
    const words = parseStatsQuery('suspensions').words;
    expect(words).toHaveLength(1);
    for (const text of ['suspension rate per 10,000', 'suspension rate per 10k', 'suspensions per 10k']) {
      expect(parseStatsQuery(text)).toMatchObject({ units: expect.arrayContaining(['rate']), words });
    }
  });

  it('reads the field\'s acronyms for children in care, whichever the team types, as children counted', () => {
    for (const acronym of ['cla', 'lac', 'cic']) expect(parseStatsQuery(`${acronym} march 2026`)).toMatchObject({ counted: 'children', words: [] });
  });
});

describe('FiguresIndex.lookup', () => {
  it('filters by grade, sorted by period then document', () => {
    const found = corpus().lookup(parseStatsQuery('inadequate'));
    expect(found.map((f) => [f.raw, f.period?.label, f.citation.docId])).toEqual([
      ['24%', '2016', 'b-watchdog-news.md'],
      ['21%', '2016', 'c-rival-analysis.md'],
      ['14%', '2021', 'd-later-figures.md'],
    ]);
  });

  it('filters by grade and period, and by key words', () => {
    const index = corpus();
    expect(index.lookup(parseStatsQuery('good 2009/10')).map((f) => f.raw)).toEqual(['64%']);
    expect(index.lookup(parseStatsQuery('good 2010')).map((f) => f.raw)).toEqual(['64%']);
    expect(index.lookup(parseStatsQuery('inadequate 2016 rival')).map((f) => f.citation.docId)).toEqual(['c-rival-analysis.md']);
    expect(index.lookup(parseStatsQuery('outstanding 2021'))).toEqual([]);
  });

  it('takes a split year asked for as that year of account alone, and a calendar year as every split year it touches', () => {
    const index = figuresIndex(extractFigures([passage('Ferry crossings | 2023/24 | 2024/25 | 2025/26\nCrossings cancelled | 40 | 31 | 22')]));
    expect(index.lookup(parseStatsQuery('2024/25 cancelled')).map((f) => f.raw)).toEqual(['31']);
    expect(index.lookup(parseStatsQuery('2025 cancelled')).map((f) => f.raw)).toEqual(['31', '22']);
  });

  it('lists a figure a document states twice for the same period once, and keeps other documents and periods', () => {
    const passages = [
      ...corpusPassages(),
      passage('Summary: by 2016, 24% of councils were judged inadequate. Later in 2016, 24% of councils were still judged inadequate.', {
        docId: 'b-watchdog-news.md',
        title: 'Watchdog finds more failing services',
        start: 200,
      }),
      passage('In 2017, 24% of councils were judged inadequate.', { docId: 'b-watchdog-news.md', title: 'Watchdog finds more failing services', start: 400 }),
    ];
    const twice = figuresIndex(extractFigures(passages));
    const found = twice.lookup(parseStatsQuery('inadequate'));
    expect(found.map((f) => [f.raw, f.period?.label, f.citation.docId])).toEqual([
      ['24%', '2016', 'b-watchdog-news.md'],
      ['21%', '2016', 'c-rival-analysis.md'],
      ['24%', '2017', 'b-watchdog-news.md'],
      ['14%', '2021', 'd-later-figures.md'],
    ]);
    // The one kept is the first statement, from the document's first passage.
    expect(found[0]!.sentence.text).toMatch(/^In 2016, 24%/);
    // The same query over the saved index lists the same figures.
    const restored = openSaved(saved(twice), (id) => passages.find((p) => p.id === id));
    expect(restored.lookup(parseStatsQuery('inadequate')).map((f) => f.id)).toEqual(found.map((f) => f.id));
  });

  it('quotes a fact a table row and a sentence of one document both state by the sentence, in the row\'s place', () => {
    const report = passage('| Harbour | Berths 2024/25 |\n| --- | --- |\n| Eastpoint | 140 |\n| Westholm | 95 |\n\nEastpoint had 140 berths in 2024/25, the most on the coast.', {
      docId: 'e-harbours.md',
      title: 'Harbour review 2024/25',
    });
    const found = figuresIndex(extractFigures([report])).lookup(parseStatsQuery('berths 2024/25'));
    expect(found.map((f) => f.raw)).toEqual(['140', '95']);
    expect(found[0]!.sentence.text).toBe('Eastpoint had 140 berths in 2024/25, the most on the coast.');
    expect(found[1]!.sentence.text).toMatch(/^Westholm: /);
  });
});

describe('the kinds of figure a stats query asks for', () => {
  it('reads "average" or "median" as a measure, "per 10,000" as a rate, and "rate" as a share or a rate', () => {
    expect(parseStatsQuery('median wait for an assessment').units).toEqual(['measure']);
    expect(parseStatsQuery('children in care per 10,000').units).toEqual(['rate']);
    expect(parseStatsQuery('turnover rate').units).toEqual(['percent', 'rate']);
  });
});

describe('FiguresIndex.lookup of measures and rates', () => {
  const index = () =>
    figuresIndex(
      extractFigures([
        passage('The average caseload of a youth worker was 11.4 in 2025, down from 12.9 in 2024.', { docId: 'w-workforce.md', title: 'Workforce review' }),
        passage('In 2025 the service looked after children at a rate of 47 per 10,000 children.', { docId: 'c-care.md', title: 'Care review' }),
      ]),
    );

  it('finds an average by its words and year, and a rate by its words', () => {
    expect(index().lookup(parseStatsQuery('caseload 2025')).map((f) => f.raw)).toEqual(['11.4']);
    expect(index().lookup(parseStatsQuery('caseload')).map((f) => f.raw).sort()).toEqual(['11.4', '12.9']);
    expect(index().lookup(parseStatsQuery('rate looked after')).map((f) => f.raw)).toEqual(['47 per 10,000']);
  });
});

describe('FiguresIndex saved', () => {
  it('round-trips through the artifact codec', () => {
    const index = corpus();
    const passages = new Map(corpusPassages().map((p) => [p.id, p]));
    const restored = openSaved(saved(index), (id) => passages.get(id));
    expect(restored.figures).toEqual(index.figures);
    expect(restored.lookup(parseStatsQuery('inadequate 2016'))).toHaveLength(2);
    // Words are looked up in the saved key words as in those worked out afresh.
    const byWords = parseStatsQuery('inadequate watchdog');
    expect(byWords.words.length).toBeGreaterThan(0);
    expect(restored.lookup(byWords).map((f) => f.id)).toEqual(index.lookup(byWords).map((f) => f.id));
    expect(restored.lookup(byWords)).toHaveLength(1);
  });

  it('keeps a table cell\'s statement, its row label and column name before the cell, through the artifact', () => {
    const table = passage('Harbour | Berths let | Boats waiting\nEastpoint | 140 | 35\nWestreach | 96 | 12', { docId: 'f-harbours.md', title: 'Harbour survey' });
    const index = figuresIndex(extractFigures([table]));
    const restored = openSaved(saved(index), (id) => (id === table.id ? table : undefined));
    expect(restored.figures.map((f) => f.sentence.text)).toEqual(['Eastpoint: Berths let 140', 'Eastpoint: Boats waiting 35', 'Westreach: Berths let 96', 'Westreach: Boats waiting 12']);
    expect(restored.figures.map((f) => f.raw)).toEqual(['140', '35', '96', '12']);
    // A column's words find its figures alone, and the row's label its row's.
    expect(restored.lookup(parseStatsQuery('boats waiting')).map((f) => f.raw)).toEqual(['35', '12']);
    expect(restored.lookup(parseStatsQuery('westreach boats waiting')).map((f) => f.raw)).toEqual(['12']);
  });

  it('opened from disk, reads a passage only when one of its figures is shown', () => {
    const artifact = saved(corpus());
    const passages = new Map(corpusPassages().map((p) => [p.id, p]));
    const read: string[] = [];
    const restored = openSaved(artifact, {
      passage: (id) => {
        read.push(id);
        return passages.get(id);
      },
      documentOf: (id) => {
        const passage = passages.get(id);
        return passage && { docId: passage.docId, title: passage.title };
      },
    });
    // Opening checks the first figure whole: its one passage.
    expect(new Set(read).size).toBe(1);
    // A lookup reads the columns, and the passages of the figures it returns.
    const found = restored.lookup(parseStatsQuery('inadequate 2021'));
    expect(found.map((f) => f.raw)).toEqual(['14%']);
    expect(found[0]!.citation).toMatchObject({ docId: 'd-later-figures.md', title: 'Later figures' });
    expect(new Set(read)).toEqual(new Set([artifact.passages[0], found[0]!.citation.passageId]));
    expect(read.length).toBeLessThan(passages.size);
  });

  it('refuses an artifact of another shape, or one whose passages the index does not hold', () => {
    expect(() => openSaved({ version: 99, figures: [] }, () => undefined)).toThrow();
    const artifact = saved(corpus());
    expect(() => openSaved(artifact, () => undefined)).toThrow(/not in the index/);
    // A passage whose text is shorter than the sentence read from it: another index's passage.
    const shortened = new Map(corpusPassages().map((p) => [p.id, { ...p, text: p.text.slice(0, 10) }]));
    expect(() => openSaved(artifact, (id) => shortened.get(id))).toThrow(/outside passage/);
    // Columns are read by position: one of another length would give figures each other's values.
    const passages = new Map(corpusPassages().map((p) => [p.id, p]));
    const lookup = (id: string) => passages.get(id);
    expect(openSaved(artifact, lookup).size).toBe(corpus().size);
    const shortValues = { ...artifact, columns: { ...artifact.columns, value: artifact.columns.value.subarray(8) } };
    expect(() => openSaved(shortValues, lookup)).toThrow(/value column holds/);
    const titlesOneShort = { ...artifact, passages: [...artifact.passages, 'another passage'] };
    expect(() => openSaved(titlesOneShort, (id) => passages.get(id) ?? corpusPassages()[0])).toThrow(/title key words do not match/);
    const shortUnits = { ...artifact, columns: { ...artifact.columns, unit: artifact.columns.rawStart.subarray(0, 4) } };
    expect(() => openSaved(shortUnits, lookup)).toThrow();
    // Key words are read when a lookup by words first needs them, and refused then if damaged.
    const fewerStems = { ...artifact, keyWords: { ...artifact.keyWords, stems: artifact.keyWords.stems.slice(0, 1) } };
    const opened = openSaved(fewerStems, lookup);
    expect(opened.lookup(parseStatsQuery('inadequate 2021'))).toHaveLength(1);
    expect(() => opened.lookup(parseStatsQuery('inadequate watchdog'))).toThrow(/key words name a stem it does not have/);
  });
});

describe('renderFiguresTable', () => {
  it('shows a row per figure with grade, period, what it is and source, and the quotes on request', () => {
    const figures = corpus().lookup(parseStatsQuery('inadequate'));
    const table = renderFiguresTable(figures, { quotes: true });
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/figure\s+grade\s+period\s+what\s+source/);
    expect(lines[2]).toMatch(/^1\s+24%\s+Inadequate\s+2016\s+local authorities\s+Watchdog finds more failing services/);
    expect(lines[4]).toMatch(/^3\s+14%\s+Inadequate\s+2021/);
    expect(table).toContain('[2] "In 2016, 21% of councils were judged inadequate, according to our own count."');
  });

  it('shares its rows with other renderers as plain data', () => {
    const [row] = toTableRows(corpus().lookup(parseStatsQuery('good 2009/10')));
    expect(row).toMatchObject({ figure: '64%', grade: 'Good', period: '2009/10', counted: 'local authorities', title: 'Annual review of council inspections' });
    expect(row!.quote).toContain('64% ‘Good’');
  });

  it('says what a table cell is by its row label and column, and what a figure in prose counts', () => {
    const rows = toTableRows(
      extractFigures([
        passage('| Ward | Male life expectancy | Female life expectancy |\n| --- | --- | --- |\n| Fairholme | 83.1 | 86.4 |', { docId: 'h.md' }),
        passage('In 2016, 21% of councils were judged inadequate.', { docId: 'c.md' }),
      ]),
    );
    expect(rows.map((row) => [row.figure, row.what])).toEqual([
      ['83.1', 'Fairholme: Male life expectancy'],
      ['86.4', 'Fairholme: Female life expectancy'],
      ['21%', 'local authorities'],
    ]);
  });

  it("keeps a long table cell's column in view, cutting its row label instead", () => {
    const figures = extractFigures([
      passage('| Indicator | Target | Q1 | Q2 |\n| --- | --- | --- | --- |\n| Agency social workers as a share of all social workers in post | 15% | 27.4% | 24.1% |', { docId: 'd.md' }),
    ]);
    const lines = renderFiguresTable(figures).split('\n').slice(2);
    expect(lines.map((line) => line.match(/…: (\S+)/)?.[1])).toEqual(['Target', 'Q1', 'Q2']);
    expect(lines[0]).toMatch(/^1\s+15%\s+-\s+\S.*Agency social workers as a share of all…: Target\s/);
  });

  it('writes a rate a table gives bare with the base its label names, and one written out as it is', () => {
    const figures = extractFigures([
      passage('| Measure | 2025 |\n| --- | --- |\n| Exclusions per 1,000 pupils | 4.2 |'),
      passage('The rate was 63 per 10,000 children.', { docId: 'b.md' }),
    ]);
    expect(toTableRows(figures).map((row) => row.figure)).toEqual(['4.2 per 1,000', '63 per 10,000']);
  });

  it('says so when there is nothing to show', () => {
    expect(renderFiguresTable([])).toBe('No figures found.');
  });
});
