import { describe, expect, it } from 'vitest';
import { isHeaderRow, tableRowText } from '../../src/ingest/table-row.js';

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
  });

  it('does not take a row giving figures, or a row of one cell', () => {
    expect(isHeaderRow(['Eastpoint', '140', '35'])).toBe(false);
    expect(isHeaderRow(['Dredging', '£1.2m'])).toBe(false);
    expect(isHeaderRow(['Harbour', ''])).toBe(false);
  });
});
