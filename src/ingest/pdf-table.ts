/**
 * Tables whose cells wrap over several lines, as browsers print them (wkhtmltopdf, Chromium): a
 * header cell "Households / with / children" set on three lines, a row's label "30 / September /
 * 2025" beside figures set once, halfway down. Read line by line, the pieces are short paragraphs
 * of their own and the figures a row without its label. This puts each row back together: the
 * columns are where the rows' cells start, each piece joins its column's cell in the row whose
 * figures stand nearest it, and the pieces above the first row make the header row.
 */
import { joinLines, type PdfLine, type TextSegment } from './pdf-layout.js';

/** How far apart (in font sizes) two lines of one table may stand; a wider gap ends the table. */
const TABLE_LINE_GAP = 2.2;
/** A piece may overhang its column by this many font sizes. */
const OVERHANG = 0.5;

export function joinWrappedTables(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const table = isRow(lines[i]!) ? tableAt(lines, i, out) : undefined;
    if (!table) {
      out.push(lines[i]!);
      i += 1;
      continue;
    }
    // The lines the table took back from those already read leave them; the rest keep their order.
    out.length -= table.taken;
    out.push(...table.before, ...table.lines, ...table.after);
    i = table.end;
  }
  return out;
}

interface Column {
  start: number;
  end: number;
}

/**
 * The table whose first row is lines[first], or undefined when it has fewer than two rows. `read`
 * holds the lines before it: pieces of its header and first row stand there. A row is a line split
 * into cells by wide gaps, or one whose segments stand in two or more of the columns those give (a
 * narrow table's row, a header row of years).
 */
function tableAt(lines: readonly PdfLine[], first: number, read: readonly PdfLine[]) {
  const size = lines[first]!.size;
  const sameSize = (line: PdfLine) => Math.abs(line.size - size) <= size * 0.15;
  const rows: PdfLine[] = [lines[first]!];
  const body: PdfLine[] = [lines[first]!];
  // Forwards: up to the first line of another size, or one that runs across columns.
  let last = first + 1;
  for (; last < lines.length; last += 1) {
    const line = lines[last]!;
    const columns = columnsOf(rows, body);
    if (!sameSize(line) || !(isRow(line) || withinColumns(line, columns))) break;
    if (isRow(line) || spansColumns(line, columns)) rows.push(line);
    body.push(line);
  }
  // Backwards, over the lines already read: the header, and pieces of the first row.
  let taken = 0;
  for (; taken < read.length; taken += 1) {
    const line = read[read.length - 1 - taken]!;
    const columns = columnsOf(rows, body);
    if (!sameSize(line) || isRow(line) || !withinColumns(line, columns)) break;
    if (spansColumns(line, columns)) rows.push(line);
    body.unshift(line);
  }
  const { kept, before, after } = keepContiguous(body, rows, size);
  const keptRows = rows.filter((row) => kept.includes(row)).sort((a, b) => b.y - a.y);
  if (keptRows.length < 2) return undefined;
  return { end: last, taken, before, after, lines: assemble(kept, keptRows, columnsOf(keptRows, kept)) };
}

function isRow(line: PdfLine): boolean {
  return (line.cells?.length ?? 0) >= 2;
}

/**
 * Where each column starts and ends: each start the leftmost among the rows with the most cells
 * (figures are set right or left, headers centred), and a first column for labels set left of them
 * (a row whose label wrapped has figures only).
 */
function columnsOf(rows: readonly PdfLine[], lines: readonly PdfLine[]): Column[] {
  const most = Math.max(...rows.map((row) => row.cells?.length ?? 0));
  const widest = rows.filter((row) => row.cells?.length === most && row.cellStarts);
  const size = fontSize(rows);
  const cellStarts = (widest[0]?.cellStarts ?? []).map((_, k) => Math.min(...widest.map((row) => row.cellStarts![k]!)));
  const starts = [...cellStarts, ...closeColumns(widest, cellStarts, size)].sort((a, b) => a - b);
  const left = Math.min(...lines.map((line) => line.x));
  if (left < (starts[0] ?? left) - size * OVERHANG) starts.unshift(...wrappedColumns(lines, left, starts[0] ?? left, size));
  // The last column ends where the rows do, or as wide as the widest other column (a header's words may run past its figures).
  const widths = starts.slice(1).map((start, k) => start - (starts[k] as number));
  const last = starts.at(-1) ?? left;
  const right = Math.max(...rows.map((line) => line.end), last + Math.max(0, ...widths));
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? right }));
}

/**
 * Columns set too close to the one before them for a wide gap to part their cells (a narrow label
 * column beside its first figures): a place inside a cell where a segment starts on every one of
 * the widest rows, two or more of them.
 */
function closeColumns(widest: readonly PdfLine[], starts: readonly number[], size: number): number[] {
  if (widest.length < 2) return [];
  const slack = size * OVERHANG;
  return starts.flatMap((start, k) => {
    const end = starts[k + 1] ?? Infinity;
    const inner = widest.map((row) => segmentsOf(row).map((segment) => segment.x).filter((x) => x > start + size && x < end - slack));
    const places = inner[0]!.filter((x) => inner.every((xs) => xs.some((other) => Math.abs(other - x) <= slack)));
    return places.map((x) => Math.min(...inner.flatMap((xs) => xs.filter((other) => Math.abs(other - x) <= slack))));
  });
}

/**
 * The columns left of the rows' first cell: the labels' column, and any other whose cells all wrap
 * (so no row line has them as cells), where pieces start at one place on two or more lines.
 */
function wrappedColumns(lines: readonly PdfLine[], left: number, firstCell: number, size: number): number[] {
  const starts = lines
    .flatMap(segmentsOf)
    .map((segment) => segment.x)
    .filter((x) => x > left + size && x < firstCell - size * OVERHANG)
    .sort((a, b) => a - b);
  const columns = [left];
  for (let i = 0; i < starts.length; ) {
    let j = i;
    while (j + 1 < starts.length && (starts[j + 1] as number) - (starts[i] as number) <= size * OVERHANG) j += 1;
    if (j > i && (starts[i] as number) > (columns.at(-1) as number) + size) columns.push(starts[i] as number);
    i = j + 1;
  }
  return columns;
}

function fontSize(rows: readonly PdfLine[]): number {
  return rows[0]?.size ?? 0;
}

/** Each segment of the line stays within one column, or ends before the first (a row label); a caption or body text runs across. */
function withinColumns(line: PdfLine, columns: readonly Column[]): boolean {
  const slack = line.size * OVERHANG;
  return segmentsOf(line).every(
    (segment) => segment.end <= (columns[0]?.start ?? 0) + slack || columns.some((column) => segment.x >= column.start - slack && segment.end <= column.end + slack),
  );
}

/** Within the columns, its segments in two or more of them: a row. */
function spansColumns(line: PdfLine, columns: readonly Column[]): boolean {
  const used = new Set(segmentsOf(line).map((segment) => columnOf(segment, columns)));
  return withinColumns(line, columns) && used.size >= 2;
}

function segmentsOf(line: PdfLine): TextSegment[] {
  return line.segments ?? [{ text: line.text, x: line.x, end: line.end }];
}

/**
 * The lines of the table that stand together: going up from its first row and down from its last,
 * a gap wider than TABLE_LINE_GAP leaves the lines beyond it out (a caption, a note below).
 */
function keepContiguous(candidates: readonly PdfLine[], rows: readonly PdfLine[], size: number) {
  const maxGap = size * TABLE_LINE_GAP;
  const top = Math.max(...rows.map((row) => row.y));
  const bottom = Math.min(...rows.map((row) => row.y));
  const heights = [...new Set(candidates.map((line) => line.y))];
  const upper = reach(top, heights.filter((y) => y > top), maxGap);
  const lower = reach(bottom, heights.filter((y) => y < bottom), maxGap);
  const kept = candidates.filter((line) => line.y <= upper && line.y >= lower);
  const left = candidates.filter((line) => !kept.includes(line));
  return { kept, before: left.filter((line) => line.y > upper), after: left.filter((line) => line.y < lower) };
}

/** How far lines go on from `from` (the heights beyond it, one side) before a gap wider than `maxGap`. */
function reach(from: number, beyond: readonly number[], maxGap: number): number {
  let reached = from;
  for (const y of [...beyond].sort((a, b) => Math.abs(a - from) - Math.abs(b - from))) {
    if (Math.abs(y - reached) > maxGap) break;
    reached = y;
  }
  return reached;
}

/** A segment of text and the height it stands at. */
interface Piece extends TextSegment {
  y: number;
}

/**
 * The table's lines: its header row (from the pieces above its first row), then a line a row. A
 * piece further below the last row than half a row stays a line of its own after them (the start
 * of a row that a page break carries over).
 */
function assemble(lines: readonly PdfLine[], rows: readonly PdfLine[], columns: readonly Column[]): PdfLine[] {
  const ys = rows.map((row) => row.y);
  const gaps = ys.slice(1).map((y, k) => Math.abs((ys[k] as number) - y)).sort((a, b) => a - b);
  const halfRow = (gaps[Math.floor(gaps.length / 2)] ?? 0) / 2;
  const [top, bottom] = [Math.max(...ys), Math.min(...ys)];
  const header: Piece[] = [];
  const trailing: PdfLine[] = [];
  const byRow = rows.map((row) => piecesOf(row));
  for (const line of lines.filter((candidate) => !rows.includes(candidate))) {
    if (line.y > top + halfRow) header.push(...piecesOf(line));
    else if (line.y < bottom - halfRow) trailing.push(line);
    else byRow[nearest(ys, line.y)]!.push(...piecesOf(line));
  }
  const size = rows[0]!.size;
  const x = Math.min(...lines.map((line) => line.x));
  const end = Math.max(...lines.map((line) => line.end));
  const lineOf = (pieces: Piece[], y: number): PdfLine => {
    const cells = cellsOf(pieces, columns);
    return { text: cells.filter((cell) => cell !== '').join(' '), x, end, y, size, cells, cellStarts: columns.map((column) => column.start) };
  };
  const headerLine = header.length > 0 ? [lineOf(header, Math.max(...header.map((piece) => piece.y)))] : [];
  return [...headerLine, ...rows.map((row, k) => lineOf(byRow[k]!, row.y)), ...trailing];
}

function piecesOf(line: PdfLine): Piece[] {
  return segmentsOf(line).map((segment) => ({ ...segment, y: line.y }));
}

function nearest(values: readonly number[], value: number): number {
  let best = 0;
  values.forEach((candidate, k) => {
    if (Math.abs(candidate - value) < Math.abs((values[best] as number) - value)) best = k;
  });
  return best;
}

/** Each column's text: its pieces top to bottom, left to right, joined as lines of a paragraph are. */
function cellsOf(pieces: readonly Piece[], columns: readonly Column[]): string[] {
  const cells: Piece[][] = columns.map(() => []);
  for (const piece of pieces) cells[columnOf(piece, columns)]!.push(piece);
  return cells.map((column) =>
    column
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((piece) => piece.text)
      .reduce((text, next) => (text === '' ? next : joinLines(text, next)), ''),
  );
}

/** The column a segment overlaps most (a right-aligned figure may start before its column). */
function columnOf(piece: TextSegment, columns: readonly Column[]): number {
  let best = 0;
  let bestOverlap = -Infinity;
  columns.forEach((column, k) => {
    const overlap = Math.min(piece.end, column.end) - Math.max(piece.x, column.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [k, overlap];
  });
  return best;
}
