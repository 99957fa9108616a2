/**
 * Table rows read a figure at a time. Each cell is its figure's own statement, the row's label before
 * it: what the label and the column's name say is what that figure counts and when, not what the
 * other columns do ("First-time entrants: 2024/25 63").
 */
import { TableReader } from '../ingest/table-row.js';

export interface RowCell {
  /** Offsets of the cell in the row's text. */
  start: number;
  end: number;
  /** The figure's statement: the row's label, a colon, the cell with its column's name. */
  text: string;
}

/** The label before the colon, then a cell. */
const ROW = /^([^:\n]{1,120}):\s+/;
/** A cell: words naming the column, then the figure that ends it. */
const NAMED_FIGURE = /\S\s+[-–+]?[£$€]?\d[\d,.]*(?:\s?%|\s?(?:per cent|bn|m|k|million|billion))?$/i;

/**
 * The cells of a row as ingest writes DOCX, HTML and PDF rows (src/ingest/table-row.ts): a label, a
 * colon, then cells each a column's name and a figure ("30 June 2025: Households in TA 734, Families
 * in B&B 38"). Undefined when the text is not such a row (two such cells at least).
 */
export function tableRowCells(text: string): RowCell[] | undefined {
  const head = ROW.exec(text);
  if (!head) return undefined;
  const label = head[1]!.trim();
  const cells: RowCell[] = [];
  let start = head[0].length;
  for (const separator of [...text.slice(start).matchAll(/,\s+/g), undefined]) {
    const end = separator ? head[0].length + separator.index : text.length;
    const cell = text.slice(start, end);
    if (NAMED_FIGURE.test(cell)) cells.push({ start, end, text: `${label}: ${cell}` });
    if (separator) start = end + separator[0].length;
  }
  return cells.length >= 2 ? cells : undefined;
}

/** A line of a Markdown table as the loader leaves it: its cells between pipes ("Eastpoint | 140 | 35"). */
const PIPE_ROW = /^[^\n|]*(?:\|[^\n|]*)+$/;

/** Whether a block of text is a Markdown table: two lines or more, each of cells between pipes. */
export function isPipeTable(block: string): boolean {
  const lines = block.split('\n');
  return lines.length >= 2 && lines.every((line) => PIPE_ROW.test(line));
}

/**
 * Each line of a Markdown table with its figures' cells, named by the header row at its top as
 * DOCX and PDF tables are (src/ingest/table-row.ts); a header line has none.
 */
export function pipeTableRows(block: string): Array<{ start: number; text: string; cells: RowCell[] }> {
  const reader = new TableReader();
  let start = 0;
  return block.split('\n').map((line) => {
    const rawCells = cellsOfLine(line);
    const row = reader.read(rawCells.map((cell) => cell.text));
    // A statement ends with its cell's own words, which the figures index keeps as offsets.
    const cells = row.header
      ? []
      : row.cells.map(({ column, text }) => {
          const cell = rawCells[column]!;
          const named = text.endsWith(line.slice(cell.start, cell.end)) ? text : cell.text;
          return { ...cell, text: row.label === '' ? named : `${row.label}: ${named}` };
        });
    const read = { start, text: line, cells };
    start += line.length + 1;
    return read;
  });
}

function cellsOfLine(line: string): RowCell[] {
  const cells: RowCell[] = [];
  let start = 0;
  for (const part of line.split('|')) {
    const lead = part.length - part.trimStart().length;
    cells.push({ start: start + lead, end: start + part.trimEnd().length, text: part.trim() });
    start += part.length + 1;
  }
  return cells;
}
