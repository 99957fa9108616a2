import { describe, expect, it } from 'vitest';
import { TableReader, isHeaderRow, tableRowText } from '../../src/ingest/table-row.js';

describe('tableRowText', () => {
  it('reads a row as its first cell, a colon and the other cells', () => {
    expect(tableRowText(['Overall safety ', ' Requires  work'])).toBe('Overall safety: Requires work');
    expect(tableRowText(['Eastpoint', '', '140', '35'])).toBe('Eastpoint: 140, 35');
    expect(tableRowText(['Alone', ''])).toBe('Alone');
  });

  it('lists the cells of a row with no label, a header over figures only', () => {
    expect(tableRowText(['', '2024/25', '2025/26'])).toBe('2024/25, 2025/26');
    expect(tableRowText(['', '12', '14'], ['', '2024/25', '2025/26'])).toBe('2024/25 12, 2025/26 14');
  });

  it('names each figure by its column under a header, words and the first column left as they are', () => {
    const header = ['Harbour', 'Moorings', 'Status', 'Fee'];
    expect(tableRowText(['Eastpoint', '140', 'open', '£2.50'], header)).toBe('Eastpoint: Moorings 140, open, Fee £2.50');
    expect(tableRowText(['Westreach', '-3', '', '4.5%'], header)).toBe('Westreach: Moorings -3, Fee 4.5%');
  });

  it('names nothing when the header has another number of cells, or for the header row itself', () => {
    expect(tableRowText(['Eastpoint', '140'], ['Harbour', 'Moorings', 'Fee'])).toBe('Eastpoint: 140');
    const years = ['Item', '2024', '2025'];
    expect(tableRowText(years, years)).toBe('Item: 2024, 2025');
  });
});

describe('isHeaderRow', () => {
  it('takes a row of words, or of words and years and periods, as naming its columns', () => {
    expect(isHeaderRow(['Harbour', 'Moorings', 'Waiting list'])).toBe(true);
    expect(isHeaderRow(['Item', '2024-25', '2025/26', 'Q1 2026'])).toBe(true);
    expect(isHeaderRow(['', 'Rate per 10,000 children', 'Change'])).toBe(true);
    expect(isHeaderRow(['Type', '31 March 2025', '31 March 2026', '2026/27 budget'])).toBe(true);
    expect(isHeaderRow(['Berths', '31 March 2025 (number)', '31 March 2025 (%)', '2025/26 (£m)'])).toBe(true);
  });

  it('does not take a row giving figures, or a row of one cell', () => {
    expect(isHeaderRow(['Eastpoint', '140', '35'])).toBe(false);
    expect(isHeaderRow(['Dredging', '£1.2m'])).toBe(false);
    expect(isHeaderRow(['Harbour', ''])).toBe(false);
    expect(isHeaderRow(['Eastpoint', '140 (35%)', '12'])).toBe(false);
  });
});

describe('TableReader', () => {
  const read = (rows: [string[], number[]?][]) => {
    const reader = new TableReader();
    return rows.map(([cells, spans]) => reader.row(cells, spans));
  };

  it('names figures by the header row, and reads the header itself as a row', () => {
    expect(read([[['Harbour', 'Moorings', 'Fee']], [['Eastpoint', '140', '£2.50']]])).toEqual(['Harbour: Moorings, Fee', 'Eastpoint: Moorings 140, Fee £2.50']);
  });

  it('names each column a spanning header cell covers, and adds the names of the header row under it', () => {
    const rows = read([
      [['Harbour', '2024', '2025'], [1, 2, 2]],
      [['', 'Berths', 'Boats', 'Berths', 'Boats']],
      [['Eastpoint', '140', '95', '150', '101']],
    ]);
    expect(rows[2]).toBe('Eastpoint: 2024 Berths 140, 2024 Boats 95, 2025 Berths 150, 2025 Boats 101');
  });

  it('puts a lower header row with fewer cells (its first spanned from above) under the last columns', () => {
    const rows = read([[['Harbour', 'Season'], [1, 2]], [['Berths', 'Boats']], [['Eastpoint', '140', '95']]]);
    expect(rows[2]).toBe('Eastpoint: Season Berths 140, Season Boats 95');
  });

  it('does not take a row of words under a header without spans as a second header', () => {
    const rows = read([[['Service', '2024', '2025']], [['Homes', 'Good', 'Good']], [['Fostering', '12', '14']]]);
    expect(rows).toEqual(['Service: 2024, 2025', 'Homes: Good, Good', 'Fostering: 2024 12, 2025 14']);
  });

  it('reads a row as its label and named cells, each by its place among the cells given, and a header as naming none', () => {
    const reader = new TableReader();
    expect(reader.read(['Harbour', 'Berths', 'Boats', 'Fee']).header).toBe(true);
    expect(reader.read(['Westreach', 'closed', '£1.00'], [1, 2, 1])).toEqual({
      label: 'Westreach',
      cells: [
        { column: 1, text: 'closed' },
        { column: 2, text: 'Fee £1.00' },
      ],
      header: false,
    });
  });

  it('keeps the names of the columns after a data cell that spans several', () => {
    const rows = read([[['Harbour', 'Berths', 'Boats', 'Fee']], [['Westreach', 'closed for repairs', '£1.00'], [1, 2, 1]]]);
    expect(rows[1]).toBe('Westreach: closed for repairs, Fee £1.00');
  });
});
