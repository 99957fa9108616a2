import { describe, expect, it } from 'vitest';
import { tableRowCells } from '../../src/stats/table-rows.js';

const cellsOf = (text: string) => tableRowCells(text)?.map((cell) => text.slice(cell.start, cell.end));

describe('tableRowCells', () => {
  it('finds the cells of a row as ingest writes it: a label, a colon, column names each before a figure', () => {
    expect(cellsOf('30 June 2025: Moorings let 140, Waiting list 35, Fee £2.50, Full 98%')).toEqual(['Moorings let 140', 'Waiting list 35', 'Fee £2.50', 'Full 98%']);
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
