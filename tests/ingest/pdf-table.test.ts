/**
 * PDF tables laid out as browsers print them: cells wrapped over several lines, figures set halfway
 * down their row, cells closer together than the gap that splits a line into cells. The fixtures
 * place each piece of text where such a printer would; every word is written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/ingest/load-document.js';
import { makePlacedPdf, makeTempDir, type PlacedText } from './fixtures.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

const blocksOf = async (name: string, ...pages: PlacedText[][]) => {
  const document = await loadDocument(await temp.write(name, await makePlacedPdf(pages)), temp.dir);
  return document.blocks.map((block) => block.text);
};

/** Pieces drawn in the order a browser draws a table: cell by cell, each cell's lines top to bottom. */
const at = (x: number, ...lines: [string, number][]): PlacedText[] => lines.map(([text, y]) => ({ text, x, y }));
/** A row of one-line cells 150 points apart. */
const row = (cells: string[], y: number) => cells.flatMap((text, i) => at(60 + i * 150, [text, y]));

describe('PDF tables with wrapped cells', () => {
  it('puts each row back together, its label wrapped and its figures halfway down, under a header of wrapped cells', async () => {
    const blocks = await blocksOf('moorings.pdf', [
      { text: 'Harbour moorings are let each spring.', x: 60, y: 760 },
      { text: 'Table 5: Moorings and waiting lists by harbour, end of season', x: 60, y: 730 },
      ...at(60, ['Harbour', 683]),
      ...at(200, ['Moorings', 690], ['let', 677]),
      ...at(290, ['Waiting', 690], ['list', 677]),
      ...at(380, ['Fees', 690], ['(£000)', 677]),
      ...at(60, ['Eastpoint', 655], ['Marina', 642]),
      ...at(200, ['140', 648.5]),
      ...at(290, ['35', 648.5]),
      ...at(380, ['412', 648.5]),
      ...at(60, ['Westreach', 620]),
      ...at(200, ['120', 620]),
      ...at(290, ['20', 620]),
      ...at(380, ['300', 620]),
      ...at(60, ['Old Quay', 598], ['North', 585]),
      ...at(200, ['95', 591.5]),
      ...at(290, ['12', 591.5]),
      ...at(380, ['88', 591.5]),
      { text: 'Figures are provisional until the harbour audit closes in the spring.', x: 60, y: 555 },
    ]);
    expect(blocks).toEqual([
      'Harbour moorings are let each spring.',
      'Table 5: Moorings and waiting lists by harbour, end of season',
      'Harbour: Moorings let, Waiting list, Fees (£000)',
      'Eastpoint Marina: Moorings let 140, Waiting list 35, Fees (£000) 412',
      'Westreach: Moorings let 120, Waiting list 20, Fees (£000) 300',
      'Old Quay North: Moorings let 95, Waiting list 12, Fees (£000) 88',
      'Figures are provisional until the harbour audit closes in the spring.',
    ]);
  });

  it('reads a row whose cells stand closer than a cell gap by the columns of the rows around it', async () => {
    const blocks = await blocksOf('duties.pdf', [
      ...at(60, ['Measure', 700]),
      ...at(200, ['2024/25', 700]),
      ...at(275, ['2025/26', 700]),
      ...at(60, ['Duties ended', 686]),
      ...at(200, ['2,140', 686]),
      ...at(275, ['2,310', 686]),
      ...at(60, ['Accommodation secured', 672]),
      ...at(200, ['1,113 (52%)', 672]),
      ...at(275, ['1,294 (56%)', 672]),
    ]);
    expect(blocks).toEqual(['Measure: 2024/25, 2025/26', 'Duties ended: 2024/25 2,140, 2025/26 2,310', 'Accommodation secured: 2024/25 1,113 (52%), 2025/26 1,294 (56%)']);
  });

  it('finds a column whose cells all wrap (no row line has them as cells) where its pieces start on several lines', async () => {
    const blocks = await blocksOf('schools.pdf', [
      ...at(60, ['Alder Rise', 655], ['Academy', 642]),
      ...at(160, ['Primary', 652], ['3 to 11', 639]),
      ...at(240, ['September', 652], ['2017', 639]),
      ...at(330, ['418', 645.5]),
      ...at(400, ['Good', 645.5]),
      ...at(60, ['Brindle', 615], ['Academy', 602]),
      ...at(160, ['Infant', 612], ['3 to 7', 599]),
      ...at(240, ['April', 612], ['2019', 599]),
      ...at(330, ['174', 605.5]),
      ...at(400, ['Outstanding', 605.5]),
      // Text below, so that the table's last line is not at the page's margin, where a bare "2019" reads as a page number.
      ...at(60, ['Both academies joined the trust before the merger.', 570], ['Their results are in section 4.', 556], ['Figures are for the autumn term.', 542]),
    ]);
    expect(blocks).toEqual([
      'Alder Rise Academy: Primary 3 to 11, September 2017, 418, Good',
      'Brindle Academy: Infant 3 to 7, April 2019, 174, Outstanding',
      'Both academies joined the trust before the merger. Their results are in section 4. Figures are for the autumn term.',
    ]);
  });

  it('leaves a single line with a wide gap, and the text around it, as they were', async () => {
    const blocks = await blocksOf('single.pdf', [
      { text: 'The last visit judged one area.', x: 60, y: 720 },
      ...at(60, ['Overall safety', 700]),
      ...at(360, ['Requires work', 700]),
      { text: 'Next visit due.', x: 60, y: 686 },
    ]);
    expect(blocks).toEqual(['The last visit judged one area.', 'Overall safety: Requires work', 'Next visit due.']);
  });

  it('leaves the first line of a row that a page break carries over after the table, not in its last row', async () => {
    const blocks = await blocksOf('carried.pdf', [
      ...at(60, ['Item', 700]),
      ...at(200, ['2024/25', 700]),
      ...at(300, ['2025/26', 700]),
      ...at(60, ['Dredging', 680]),
      ...at(200, ['10.8', 680]),
      ...at(300, ['14.2', 680]),
      ...at(60, ['Lighting', 660]),
      ...at(200, ['2.1', 660]),
      ...at(300, ['2.4', 660]),
      ...at(60, ['Harbour wall', 636]),
    ]);
    expect(blocks).toEqual(['Item: 2024/25, 2025/26', 'Dredging: 2024/25 10.8, 2025/26 14.2', 'Lighting: 2024/25 2.1, 2025/26 2.4', 'Harbour wall']);
  });

  it('names the rows a page break carries over by the header printed once on the page before', async () => {
    const blocks = await blocksOf(
      'runs-on.pdf',
      [...row(['Harbour', 'Moorings', 'Waiting list'], 700), ...row(['Eastpoint', '140', '35'], 686)],
      [...row(['Westreach', '95', '12'], 760), { text: 'Both harbours are full.', x: 60, y: 730 }],
    );
    expect(blocks).toEqual(['Harbour: Moorings, Waiting list', 'Eastpoint: Moorings 140, Waiting list 35', 'Westreach: Moorings 95, Waiting list 12', 'Both harbours are full.']);
  });

  it('starts another table where the next page opens with a header of its own', async () => {
    const blocks = await blocksOf(
      'two-tables.pdf',
      [...row(['Harbour', 'Moorings', 'Waiting list'], 700), ...row(['Eastpoint', '140', '35'], 686)],
      [...row(['Quay', 'Cranes', 'Berths'], 760), ...row(['North', '4', '9'], 746)],
    );
    expect(blocks.slice(2)).toEqual(['Quay: Cranes, Berths', 'North: Cranes 4, Berths 9']);
  });

  it('parts a narrow label column from the figures beside it, closer than the gap that splits cells, where every row starts a figure at one place', async () => {
    const blocks = await blocksOf(
      'narrow.pdf',
      [
        { text: 'Berths let at each harbour this season are set out below.', x: 60, y: 760 },
        ...at(60, ['Harbour', 720]).concat(at(125, ['Berths', 720]), at(200, ['Boats', 720]), at(290, ['Fee', 720])),
        ...at(60, ['Eastpoint', 700]).concat(at(125, ['140', 700]), at(200, ['35', 700]), at(290, ['£2.50', 700])),
        ...at(60, ['Westreach', 680]).concat(at(125, ['96', 680]), at(200, ['12', 680]), at(290, ['£1.75', 680])),
        ...at(60, ['Old Quay', 660]).concat(at(125, ['210', 660]), at(200, ['48', 660]), at(290, ['£3.10', 660])),
      ],
    );
    expect(blocks.slice(1)).toEqual([
      'Harbour: Berths, Boats, Fee',
      'Eastpoint: Berths 140, Boats 35, Fee £2.50',
      'Westreach: Berths 96, Boats 12, Fee £1.75',
      'Old Quay: Berths 210, Boats 48, Fee £3.10',
    ]);
  });
});
