/**
 * A table row as ingest writes it (src/ingest/table-row.ts): its label, a colon, then its cells,
 * each a column's name and a figure ("30 June 2025: Households in TA 734, Families in B&B 38"). Each
 * cell is a figure's own statement: what its words name is what that figure counts, not what the
 * other columns do.
 */
export interface RowCell {
  /** Offsets in the row's text. */
  start: number;
  end: number;
}

/** The label before the colon, then a cell. */
const ROW = /^([^:\n]{1,120}):\s+/;
/** A cell: words naming the column, then the figure that ends it. */
const NAMED_FIGURE = /\S\s+[-–+]?[£$€]?\d[\d,.]*(?:\s?%|\s?(?:per cent|bn|m|k|million|billion))?$/i;

/** The cells of a table row that name their figures, or undefined when the text is not such a row (two such cells at least). */
export function tableRowCells(text: string): RowCell[] | undefined {
  const head = ROW.exec(text);
  if (!head) return undefined;
  const cells: RowCell[] = [];
  let start = head[0].length;
  for (const separator of [...text.slice(start).matchAll(/,\s+/g), undefined]) {
    const end = separator ? head[0].length + separator.index : text.length;
    cells.push({ start, end });
    if (separator) start = end + separator[0].length;
  }
  const named = cells.filter((cell) => NAMED_FIGURE.test(text.slice(cell.start, cell.end)));
  return named.length >= 2 ? named : undefined;
}
