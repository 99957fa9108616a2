/**
 * A table row as a sentence a question can match: a report's judgement table ("Overall
 * effectiveness | Inadequate") reads "Overall effectiveness: Inadequate", further cells after
 * commas. Under a header row each figure is named by its column ("Harbourside: Homes 12, Beds 340"),
 * since a row read alone does not say what its numbers count. Used for PDF rows (cells found by wide
 * gaps) and HTML and DOCX rows (<td>, <th>).
 */
export function tableRowText(cells: readonly string[], header?: readonly string[]): string {
  return rowText(namedRow(cells, header));
}

/** A figure's cell of a row, its column's name before it when the header names one ("Moorings 140"). */
export interface NamedCell {
  /** The cell's place in the row as given (0 is the label's). */
  column: number;
  text: string;
}

/** A table row read under its header: its label ('' when the row has none), and its other filled cells in order. */
export interface NamedRow {
  label: string;
  cells: NamedCell[];
}

function namedRow(cells: readonly string[], header?: readonly string[]): NamedRow {
  const tidy = cells.map(tidyCell);
  const names = header && header.length === cells.length ? header.map(tidyCell) : undefined;
  // The first column's name ("Area") names the row labels, not a figure: it is left out.
  const named = tidy
    .map((cell, column) => ({ column, text: names?.[column] && names[column] !== cell && FIGURE.test(cell) ? `${names[column]} ${cell}` : cell }))
    .filter(({ text }, column) => text !== '' && column > 0);
  return { label: tidy[0]?.replace(/[:\s]+$/, '') ?? '', cells: named };
}

function rowText({ label, cells }: NamedRow): string {
  if (cells.length === 0) return label;
  // A row with no label (a header over figures only, "| | 2024 | 2025 |") is its cells in a list.
  if (label === '') return cells.length === 1 ? cells[0]!.text : cells.map((cell) => cell.text).join(', ');
  return `${label}: ${cells.map((cell) => cell.text).join(', ')}`;
}

/**
 * Reads one table's rows in order, each as tableRowText writes it, naming figures by the header
 * row at its top. A header cell spanning several columns (HTML's colspan) names each of them, and
 * when the first header row has such a cell, the header rows under it add their names to it
 * ("2024" over "Homes" and "Beds" names the columns "2024 Homes", "2024 Beds"); a lower row with
 * fewer cells (its first spanned from above) stands under the last columns. The first row that is
 * not a header ends the header.
 */
export class TableReader {
  private header: string[] | undefined;
  private spanned = false;
  private inHeader = true;

  /** `continuing`: the header of a table whose first rows were read elsewhere (a passage before). */
  constructor(continuing?: readonly string[]) {
    if (continuing) [this.header, this.inHeader] = [[...continuing], false];
  }

  /**
   * Whether a row read after a break (a PDF's next page) goes on with this table: a row of figures
   * as wide as its header, or its header printed again. A header of its own starts another table.
   */
  continuedBy(cells: readonly string[]): boolean {
    if (!this.header || this.header.length !== cells.length) return false;
    return !isHeaderRow(cells) || cells.every((cell, i) => tidyCell(cell) === tidyCell(this.header![i] as string));
  }

  /** A row's text; `spans` gives how many columns each cell covers (1 when not given). */
  row(cells: readonly string[], spans: readonly number[] = []): string {
    return rowText(this.read(cells, spans));
  }

  /** A row read under the header so far; `header` when it is (part of) the header itself, naming no figure. */
  read(cells: readonly string[], spans: readonly number[] = []): NamedRow & { header: boolean } {
    const span = (i: number) => Math.max(1, spans[i] ?? 1);
    if (this.inHeader && isHeaderRow(cells)) {
      const names = cells.flatMap((cell, i) => Array<string>(span(i)).fill(cell));
      if (!this.header) {
        [this.header, this.spanned] = [names, cells.some((_, i) => span(i) > 1)];
        return { ...namedRow(cells), header: true };
      }
      const stacked = this.spanned ? stackNames(this.header, names) : undefined;
      if (stacked) {
        this.header = stacked;
        return { ...namedRow(cells), header: true };
      }
    }
    this.inHeader = false;
    // A cell spanning columns stands in the first of them, so the rest keep their names.
    const columns = cells.flatMap((cell, i) => [cell, ...Array<string>(span(i) - 1).fill('')]);
    const firstColumn: number[] = [];
    cells.forEach((_, i) => firstColumn.push(i === 0 ? 0 : firstColumn[i - 1]! + span(i - 1)));
    const row = namedRow(columns, this.header);
    // Columns back to the cells given, so a caller can find each named cell among its own.
    return { ...row, cells: row.cells.map((cell) => ({ ...cell, column: firstColumn.indexOf(cell.column) })), header: false };
  }
}

function stackNames(upper: readonly string[], lower: readonly string[]): string[] | undefined {
  if (lower.length > upper.length) return undefined;
  const padded = [...Array<string>(upper.length - lower.length).fill(''), ...lower];
  return upper.map((name, i) => [tidyCell(name), tidyCell(padded[i] as string)].filter((part) => part !== '').join(' '));
}

/**
 * Whether a table's first row names its columns: two or more cells, none a figure but a year or
 * period ("2024-25", "Q1 2025"), which head columns as often as they fill them. A table of words
 * alone ("Overall effectiveness | Inadequate") may pass, but its rows have no figure to name.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const tidy = cells.map(tidyCell).filter((cell) => cell !== '');
  return tidy.length >= 2 && tidy.every((cell) => !FIGURE.test(cell) || PERIOD.test(cell));
}

/** A cell that gives a figure: it opens with one ("25", "8.1%", "£61.00", "-3"). */
const FIGURE = /^[-–+]?[£$€]?\s?\d/;
/**
 * A cell that is a year, a year of account ("2024-25", "2024/2025"), a quarter ("Q1 2025") or a date ("31 March 2025"),
 * and a word or two ("2026/27 budget") or a note in brackets ("31 March 2025 (%)").
 */
const PERIOD = /^(?:Q[1-4]\s+|\d{1,2}\s+[a-z]{3,9}\s+)?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?(?:\s+[a-z]+){0,2}(?:\s*\([^()]{1,20}\))?$/i;

function tidyCell(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}
