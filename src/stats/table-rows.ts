/**
 * Table rows read a figure at a time. Each cell is its figure's own statement, the row's label before
 * it: what the label and the column's name say is what that figure counts and when, not what the
 * other columns do ("First-time entrants: 2024/25 63").
 */
import { pipeTableRows } from '../ingest/pipe-table.js';
import type { NumberPatterns } from './number-patterns.js';

export interface RowCell {
  /** Offsets of the cell in the row's text. */
  start: number;
  end: number;
  /** The figure's statement: the row's label, a colon, the cell with its column's name. */
  text: string;
}

/** The label before the colon, then a cell. */
const ROW = /^([^:\n]{1,120}):\s+/;

/**
 * The cells of a row as ingest writes DOCX, HTML and PDF rows (src/ingest/table-row.ts): a label, a
 * colon, then cells each a column's name and a figure ("30 June 2025: Households in TA 734, Families
 * in B&B 38"). Undefined when the text is not such a row (two such cells at least).
 */
export function tableRowCells(text: string, patterns: Pick<NumberPatterns, 'namedFigure'>): RowCell[] | undefined {
  const head = ROW.exec(text);
  if (!head) return undefined;
  const label = head[1]!.trim();
  const cells: RowCell[] = [];
  let start = head[0].length;
  for (const separator of [...text.slice(start).matchAll(/,\s+/g), undefined]) {
    const end = separator ? head[0].length + separator.index : text.length;
    const cell = text.slice(start, end);
    if (patterns.namedFigure.test(cell)) cells.push({ start, end, text: `${label}: ${cell}` });
    if (separator) start = end + separator[0].length;
  }
  return cells.length >= 2 ? cells : undefined;
}

/**
 * Each line of a Markdown table with its figures' cells, each named by its row's label and its
 * column (src/ingest/pipe-table.ts); a header line has none.
 */
export function pipeTableStatements(block: string, continuing?: readonly string[]): Array<{ start: number; text: string; cells: RowCell[] }> {
  return pipeTableRows(block, continuing).map((row) => ({
    start: row.start,
    text: row.line,
    cells: row.header ? [] : row.cells.map((cell) => ({ ...cell, text: row.label === '' ? cell.text : `${row.label}: ${cell.text}` })),
  }));
}
