import { describe, expect, it } from 'vitest';
import { isPipeLine, isPipeTable, pipeTableHeader, pipeTableRows } from '../../src/ingest/pipe-table.js';

describe('pipe tables', () => {
  const table = 'Harbour | Berths | Boats\nEastpoint | 140 | 95\nWestreach |  | 61';

  it('takes blocks of two lines or more, each of cells between pipes, as tables', () => {
    expect(isPipeTable(table)).toBe(true);
    expect(isPipeTable('Harbour | Berths')).toBe(false);
    expect(isPipeTable('Eastpoint | 140\nBerths were let faster this year.')).toBe(false);
  });

  it('reads each line under the header: its label, its filled cells named by their columns, their offsets in the line', () => {
    const rows = pipeTableRows(table);
    expect(rows.map((row) => [row.label, row.header, row.cells.map((cell) => cell.text)])).toEqual([
      ['Harbour', true, ['Berths', 'Boats']],
      ['Eastpoint', false, ['Berths 140', 'Boats 95']],
      ['Westreach', false, ['Boats 61']],
    ]);
    for (const row of rows) {
      expect(table.slice(row.start, row.end)).toBe(row.line);
      for (const cell of row.cells) expect(cell.text.endsWith(row.line.slice(cell.start, cell.end))).toBe(true);
    }
  });

  it('reads rows cut off from their header by the header given, and a table with a header line of its own by that', () => {
    expect(pipeTableHeader(table)).toEqual(['Harbour', 'Berths', 'Boats']);
    expect(pipeTableHeader('Eastpoint | 140 | 95\nWestreach | 96 | 61')).toBeUndefined();
    const cut = pipeTableRows('Eastpoint | 140 | 95\nWestreach | 96 | 61', ['Harbour', 'Berths', 'Boats']);
    expect(cut.map((row) => row.cells.map((cell) => cell.text))).toEqual([['Berths 140', 'Boats 95'], ['Berths 96', 'Boats 61']]);
    expect(pipeTableRows(table, ['Quay', 'Cranes', 'Tugs'])[1]!.cells.map((cell) => cell.text)).toEqual(['Berths 140', 'Boats 95']);
  });

  it('reads a table as its source writes it, outer pipes and divider line kept (a text file, a typewritten PDF)', () => {
    const source = '| Harbour | Berths | Boats |\n| --- | :---: | ---: |\n| Eastpoint | 140 | 95 |';
    expect(isPipeTable(source)).toBe(true);
    expect(pipeTableHeader(source)).toEqual(['Harbour', 'Berths', 'Boats']);
    const rows = pipeTableRows(source);
    expect(rows.map((row) => [row.label, row.header, row.cells.map((cell) => cell.text)])).toEqual([
      ['Harbour', true, ['Berths', 'Boats']],
      ['', true, []],
      ['Eastpoint', false, ['Berths 140', 'Boats 95']],
    ]);
    expect(isPipeLine('| Eastpoint | 140 | 95 |')).toBe(true);
    expect(isPipeLine('Eastpoint | 140 | 95')).toBe(false);
  });
});
