import { describe, expect, it } from 'vitest';
import { extractFigures, FiguresIndex, loadStatsVocabulary, parseStatsQuery as parseWith } from '../../src/stats/index.js';
import { AcronymWords } from '../../src/stats/acronym-words.js';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';
import { passage } from './helpers.js';
import type { Passage } from '../../src/ingest/types.js';

const vocabulary = loadStatsVocabulary('data');
const keyWords = (text: string) => vocabulary.words.keyWords(text);
const parseStatsQuery = (text: string) => parseWith(text, vocabulary);

/** Two made-up councils' reports on ferries and harbours, in words a query rarely repeats exactly. */
function reports(): Passage[] {
  return [
    passage('Across the Eastport harbour authority, 310 berth bookings were logged in 2024/25.', { docId: 'a-eastport.md', title: 'Eastport harbour review 2024/25' }),
    passage('Eastport ran 1,450 ferry crossings in 2024/25, of which 22% left late.', { docId: 'a-eastport.md', title: 'Eastport harbour review 2024/25', start: 200 }),
    passage('Westholm ran 980 ferry crossings in 2024/25, and 9% left late.', { docId: 'b-westholm.md', title: 'Westholm transport report 2024/25' }),
    passage('The VMP cost £2.1 million in 2024/25.', { docId: 'b-westholm.md', title: 'Westholm transport report 2024/25', start: 200 }),
  ];
}

function index(passages = reports()): FiguresIndex {
  return new FiguresIndex(extractFigures(passages, vocabulary), vocabulary);
}

const raws = (found: { raw: string }[]) => found.map((f) => f.raw);

describe('looking figures up by most of their words', () => {
  it('lists only the figures saying every word when some do, by period', () => {
    expect(index().find(parseStatsQuery('westholm ferry crossings'))).toMatchObject({ everyWord: true });
    expect(raws(index().lookup(parseStatsQuery('westholm ferry crossings')))).toEqual(['980', '9%']);
  });

  it('when none says every word, lists those saying most of them by weight, closest first, within the period asked', () => {
    // No sentence says "departures"; Eastport's crossings say the rest, Westholm's not "eastport".
    const found = index().find(parseStatsQuery('eastport late ferry departures 2024/25'));
    expect(found.everyWord).toBe(false);
    expect(raws(found.figures)).toEqual(['1,450', '22%']);
    expect(index().lookup(parseStatsQuery('eastport late ferry departures 2019'))).toEqual([]);
  });

  it('lists nothing when most of the words, by weight, are said by no one figure', () => {
    expect(index().lookup(parseStatsQuery('eastport vessel repairs cost'))).toEqual([]);
  });

  it('reads a spelled-out phrase as the acronym a figure writes, and a word the reports never write as an acronym a figure spells out', () => {
    expect(raws(index().lookup(parseStatsQuery('vessel maintenance programme cost')))).toEqual(['£2.1 million']);
    expect(raws(index().lookup(parseStatsQuery('eha bookings')))).toEqual(['310']);
  });

  it('adds the figures of passages a search found that say a good part of the words, after those saying most, in the search order', async () => {
    const query = parseStatsQuery('westholm ferry punctuality departures');
    const [eastport, westholm] = [reports()[1]!.id, reports()[2]!.id];
    expect(index().find(query).figures).toEqual([]);
    expect(await index().findSearching(query, async () => [westholm])).toMatchObject({ everyWord: false, figures: [{ raw: '980' }, { raw: '9%' }] });
    // Eastport's crossings say "ferry" alone: found by the search, still not listed.
    expect(raws((await index().findSearching(query, async () => [eastport, westholm])).figures)).toEqual(['980', '9%']);
  });

  it('lists no figure saying only the names of a query that gives them, however rare the names', async () => {
    // A name says which reports; "vessel repairs" is what is asked, and no Westholm line says it.
    const named = (text: string) => ({ ...parseStatsQuery(text), documents: new Set(['b-westholm.md']), names: ['westholm'] });
    const westholm = reports()[2]!.id;
    expect(raws((await index().findSearching(parseStatsQuery('westholm vessel repairs'), async () => [westholm])).figures)).toEqual(['980', '9%']);
    expect((await index().findSearching(named('westholm vessel repairs'), async () => [westholm])).figures).toEqual([]);
    // Saying what is asked beside the name, they are listed.
    expect(raws((await index().findSearching(named('westholm late ferry departures'), async () => [westholm])).figures)).toEqual(['980', '9%']);
  });

  it('adds the figures of a found passage whose other lines say most of the words, its own saying few', async () => {
    const lines = passage('The lighthouse keepers logged 412 storm warnings in 2024/25. That is 18% more than in 2023/24.', { docId: 'c-keepers.md', title: 'Coastal watch 2024/25' });
    const query = parseStatsQuery('% rise in lighthouse storm warnings');
    // "That is 18% more" says none of the words; the line before it says them, of a count, not a share.
    expect(index([lines]).find(query).figures).toEqual([]);
    expect(raws((await index([lines]).findSearching(query, async () => [lines.id])).figures)).toEqual(['18%']);
    // Not found by the search, the passage vouches for nothing.
    expect(await index([lines]).findSearching(query, async () => [])).toMatchObject({ figures: [] });
  });

  it('lists the figures saying every word of the query from the passages the search ranks first, first, the rest by period', async () => {
    const query = parseStatsQuery('ferry crossings 2024/25');
    const westholm = reports()[2]!.id;
    expect(raws(index().lookup(query))).toEqual(['1,450', '22%', '980', '9%']);
    let searched = 0;
    const found = await index().findSearching(query, async () => {
      searched += 1;
      return [westholm];
    });
    expect(found.everyWord).toBe(true);
    expect(raws(found.figures)).toEqual(['980', '9%', '1,450', '22%']);
    expect(searched).toBe(1);
  });

  it('after the few figures saying every word, lists the closest, up to five in all, and says how many', async () => {
    const query = parseStatsQuery('eastport harbour bookings');
    const [bookings, crossings] = [reports()[0]!.id, reports()[1]!.id];
    expect(raws(index().find(query).figures)).toEqual(['310']);
    // The crossings passage says "eastport" and "harbour" (its title) but not "bookings": after the figure saying all three.
    expect(await index().findSearching(query, async () => [crossings, bookings])).toMatchObject({ everyWord: true, partly: 2, figures: [{ raw: '310' }, { raw: '1,450' }, { raw: '22%' }] });
    // Five figures saying every word leave no room: none is added.
    expect(await index().findSearching(parseStatsQuery('2024/25'), async () => [crossings])).toMatchObject({ everyWord: true, partly: 0 });
  });

  it('looks up among the figures of the given passages alone, in their order', () => {
    const [eastport, westholm] = [reports()[1]!.id, reports()[2]!.id];
    const query = parseStatsQuery('ferry crossings 2024/25');
    expect(raws(index().findAmong(query, [westholm]).figures)).toEqual(['980', '9%']);
    expect(raws(index().findAmong(query, [westholm, eastport]).figures)).toEqual(['980', '9%', '1,450', '22%']);
    // None of those passages says "westholm": the closest of theirs, Eastport's crossings saying most of the words.
    expect(index().findAmong(parseStatsQuery('westholm ferry crossings'), [eastport])).toMatchObject({ everyWord: false });
    expect(index().findAmong(parseStatsQuery('berth bookings'), [westholm]).figures).toEqual([]);
  });

  it('looks up a saved index the same way', () => {
    const built = index();
    const passages = new Map(reports().map((p) => [p.id, p]));
    const restored = FiguresIndex.fromSaved(decodeArtifact(encodeArtifact(built.toSaved())), (id) => passages.get(id), vocabulary);
    const query = parseStatsQuery('eastport late ferry departures 2024/25');
    expect(raws(restored.lookup(query))).toEqual(raws(built.lookup(query)));
  });
});

describe('AcronymWords', () => {
  const read = (query: string, unwritten: boolean, text: string) => [...new AcronymWords(query, () => unwritten, keyWords).read(text)];

  it('finds a typed acronym spelled out by initials, and a typed phrase written as its acronym', () => {
    expect(read('rwm results 2025', true, 'pupils met the standard in reading, writing and mathematics')).toEqual(keyWords('rwm'));
    expect(read('net cost of temporary accommodation', false, 'the net cost of TA rose')).toEqual(keyWords('temporary accommodation'));
  });

  it('takes a typed word for an acronym only when the reports never write it', () => {
    expect(read('rwm results', false, 'reading, writing and mathematics')).toEqual([]);
  });

  it('reads a text only where its key words may spell out the query, or the query typed an acronym and enough of the rest is said', () => {
    const spelled = new AcronymWords('vessel maintenance programme cost', () => true, keyWords);
    expect(spelled.worthReading(['vmp', 'cost'], 0.2, 0.3)).toBe(true);
    expect(spelled.worthReading(['ferri', 'cost'], 0.2, 0.3)).toBe(false);
    const typed = new AcronymWords('eha bookings', () => true, keyWords);
    expect(typed.worthReading(['book'], 0.5, 0.3)).toBe(true);
    expect(typed.worthReading(['ferri'], 0, 0.3)).toBe(false);
  });
});

describe('a count narrowed by its alias ("cla": children looked after, not every child)', () => {
  /** A made-up council's children's statistics, in our own words. */
  function children(): Passage[] {
    return [
      passage('At 31 March 2025 there were 412 children looked after by Dunmere, and 1,930 children in need.', { docId: 'c-dunmere.md', title: 'Dunmere children statistics 2025' }),
      passage('In 2025, 3,100 children joined the library scheme.', { docId: 'c-dunmere.md', title: 'Dunmere children statistics 2025', start: 300 }),
      passage('The virtual school follows all 118 children in care of school age. In 2025 there were 64 suspensions among its pupils.', {
        docId: 'd-virtual-school.md',
        title: 'Dunmere virtual school report 2025',
      }),
    ];
  }

  it('reads the alias as the count of children and the part of them asked for', () => {
    expect(parseStatsQuery('cla 2025')).toMatchObject({ counted: 'children', narrower: expect.arrayContaining([['cla'], keyWords('children looked after')]) });
    expect(parseStatsQuery('children 2025').narrower).toBeUndefined();
  });

  it('lists figures whose sentence, title or passage names the part, not other children', () => {
    const cla = raws(index(children()).lookup(parseStatsQuery('cla 2025')));
    expect(cla).toEqual(expect.arrayContaining(['412', '118']));
    expect(cla).not.toContain('3,100');
  });

  it('reads the part in another figure\'s sentence of the same passage', async () => {
    // "64 suspensions" stands in a passage whose other figure says whose they are; the library's 3,100 does not.
    const searched = async () => ['d-virtual-school.md#0', 'c-dunmere.md#300'];
    expect(raws((await index(children()).findSearching(parseStatsQuery('cla suspensions 2025'), searched)).figures)).toContain('64');
    expect(raws((await index(children()).findSearching(parseStatsQuery('cla library scheme 2025'), searched)).figures)).not.toContain('3,100');
    expect(raws((await index(children()).findSearching(parseStatsQuery('children library scheme 2025'), searched)).figures)).toEqual(['3,100']);
    expect(raws(index(children()).lookup(parseStatsQuery('children in need 2025')))).toEqual(['412', '1,930']);
    // Without the narrower alias, every child counts.
    expect(raws(index(children()).lookup(parseStatsQuery('children 2025')))).toContain('3,100');
  });
});
