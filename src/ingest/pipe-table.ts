/**
 * A Markdown table as the Markdown loader leaves it in a passage: a line a row, its cells between
 * pipes ("Eastpoint | 140 | 35"), the divider line dropped; or as a text file or a typewritten PDF
 * carries its source, outer pipes and divider line kept ("| Eastpoint | 140 | 35 |", "| --- | --- |").
 * Read row by row under its header by the TableReader DOCX, HTML and PDF rows go through, so each
 * figure is named by its column.
 */
import { isHeaderRow, TableReader } from './table-row.js';

/** A cell of a row: its offsets in the row's line, and its text with its column's name before a figure ("Berths 140"). */
export interface PipeTableCell {
  start: number;
  end: number;
  text: string;
}

export interface PipeTableRow {
  /** Offsets of the row's line in the table's text. */
  start: number;
  end: number;
  line: string;
  /** The first cell ('' when empty). */
  label: string;
  /** A header line names columns and states no figure. */
  header: boolean;
  /** The filled cells after the label. */
  cells: PipeTableCell[];
}

/** A line of cells between pipes. */
const PIPE_ROW = /^[^\n|]*(?:\|[^\n|]*)+$/;
/** The line under a Markdown table's header: three dashes or more between pipes, a colon for alignment ("| --- | :---: |"). */
export const TABLE_DIVIDER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Whether a line is a Markdown table's row as written in its source, outer pipes and all ("| Eastpoint | 140 |"). */
export function isPipeLine(line: string): boolean {
  return /^\s*\|.*\|\s*$/.test(line) && line.split('|').length >= 4;
}

/** A source table row as the Markdown loader writes it: outer pipes off, cells between " | " ("Eastpoint | 140"). */
export function pipeRowText(line: string): string {
  return line.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' | ');
}

/** Whether a block of text is a Markdown table: two lines or more, each of cells between pipes. */
export function isPipeTable(block: string): boolean {
  const lines = block.split('\n');
  return lines.length >= 2 && lines.every((line) => PIPE_ROW.test(line));
}

/**
 * Each line of a Markdown table (isPipeTable), read under the header row at its top, or under
 * `continuing`, the header of the table it goes on with (its rows cut off from their header by a
 * passage's start), when its first line is no header.
 */
export function pipeTableRows(block: string, continuing?: readonly string[]): PipeTableRow[] {
  const reader = new TableReader(continuing && !pipeTableHeader(block) ? continuing : undefined);
  let start = 0;
  return block.split('\n').map((line) => {
    const rawCells = cellsOfLine(line);
    if (TABLE_DIVIDER.test(line)) {
      // The divider belongs to the header above it, and names nothing.
      const divider = { start, end: start + line.length, line, label: '', header: true, cells: [] };
      start += line.length + 1;
      return divider;
    }
    const row = reader.read(rawCells.map((cell) => cell.text));
    const cells = row.cells.map(({ column, text }) => {
      const cell = rawCells[column]!;
      // A cell's text ends with its own words, which the figures index keeps as offsets.
      return { ...cell, text: text.endsWith(line.slice(cell.start, cell.end)) ? text : cell.text };
    });
    const read = { start, end: start + line.length, line, label: row.label, header: row.header, cells };
    start += line.length + 1;
    return read;
  });
}

/** A line's cells between its pipes. */
function cellsOfLine(line: string): PipeTableCell[] {
  const cells: PipeTableCell[] = [];
  let start = 0;
  for (const part of line.split('|')) {
    const lead = part.length - part.trimStart().length;
    cells.push({ start: start + lead, end: Math.max(start + lead, start + part.trimEnd().length), text: part.trim() });
    start += part.length + 1;
  }
  // Outer pipes, as a source writes them ("| a | b |"); the loader's lines have none, and an empty first cell is a row's.
  if (/^\s*\|.*\|\s*$/.test(line) && cells.length >= 3) return cells.slice(1, -1);
  return cells;
}

/** The names a Markdown table's header line gives its columns, or undefined when its first line is no header. */
export function pipeTableHeader(block: string | undefined): string[] | undefined {
  if (block === undefined) return undefined;
  const cells = cellsOfLine(block.split('\n', 1)[0]!).map((cell) => cell.text);
  return isHeaderRow(cells) ? cells : undefined;
}
