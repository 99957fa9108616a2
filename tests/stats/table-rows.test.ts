import { describe, expect, it } from 'vitest';
import { loadStatsVocabulary } from '../../src/stats/index.js';
import { pipeTableStatements, tableRowCells } from '../../src/stats/table-rows.js';

const patterns = loadStatsVocabulary('data').numberPatterns;
const cellsOf = (text: string) => tableRowCells(text, patterns)?.map((cell) => text.slice(cell.start, cell.end));

describe('tableRowCells', () => {
  it('finds the cells of a row as ingest writes it: a label, a colon, column names each before a figure', () => {
    expect(cellsOf('30 June 2025: Moorings let 140, Waiting list 35, Fee £2.50, Full 98%')).toEqual(['Moorings let 140', 'Waiting list 35', 'Fee £2.50', 'Full 98%']);
    expect(tableRowCells('Eastpoint: Berths 140, Boats 95', patterns)?.map((cell) => cell.text)).toEqual(['Eastpoint: Berths 140', 'Eastpoint: Boats 95']);
  });

  it("ends a cell's figure with any of the vocabulary's multipliers and percent words", () => {
    expect(cellsOf('2025/26: Revenue £1.2mn, Capital £300 thousand, Staff 4k')).toEqual(['Revenue £1.2mn', 'Capital £300 thousand', 'Staff 4k']);
    expect(cellsOf('Northgate: Attendance 91.5 per cent, Absence 8.5percent')).toEqual(['Attendance 91.5 per cent', 'Absence 8.5percent']);
  });

  it('keeps a thousands comma inside its figure, and leaves out cells without a named figure', () => {
    expect(cellsOf('Eastpoint: Berths 1,390, open, Boats 2,010')).toEqual(['Berths 1,390', 'Boats 2,010']);
  });

  it('is not a row without a label or with fewer than two named figures', () => {
    expect(cellsOf('Moorings let 140, Waiting list 35')).toBeUndefined();
    expect(cellsOf('Overall effectiveness: Inadequate')).toBeUndefined();
    expect(cellsOf('In 2024, the board spent £340m, up from £300m.')).toBeUndefined();
  });
});

describe('pipeTableStatements', () => {
  const table = 'Harbour | Berths | Boats\nEastpoint | 140 | 95\nWestreach |  | 61';

  it('names each figure by its row label and column, with its offsets in its line; a header line has none', () => {
    const rows = pipeTableStatements(table);
    expect(rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([[], ['Eastpoint: Berths 140', 'Eastpoint: Boats 95'], ['Westreach: Boats 61']]);
    for (const row of rows) {
      expect(table.slice(row.start, row.start + row.text.length)).toBe(row.text);
      for (const cell of row.cells) expect(cell.text.endsWith(row.text.slice(cell.start, cell.end))).toBe(true);
    }
    expect(rows[2]!.text.slice(rows[2]!.cells[0]!.start, rows[2]!.cells[0]!.end)).toBe('61');
  });
});
