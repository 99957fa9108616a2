/**
 * A PDF page's text items (pdfjs) to lines, and lines to paragraphs.
 * - Lines: items on one baseline, in the content stream's order; a wide gap inside a line separates
 *   table cells ("Overall effectiveness      Inadequate").
 * - Paragraphs: split where the vertical gap exceeds the line spacing, the font size changes or a
 *   bulleted item starts. A table row is a paragraph of its own, read as "first cell: the others"
 *   so that a question can match it as a sentence ("Overall effectiveness: Inadequate").
 * - A word broken by a hyphen at a line end is marked with SOFT_JOIN, for resolveLineEndHyphens
 *   to decide once the whole document is known.
 */
import { SOFT_JOIN, resolveLineEndHyphens } from './hyphenation.js';
import { repairMojibake } from './mojibake.js';
import { isPipeLine, pipeRowText, TABLE_DIVIDER } from './pipe-table.js';
import { TableReader } from './table-row.js';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  /** Baseline y (PDF user space: grows upwards). */
  y: number;
  x: number;
  /** Font size of the line's largest item. */
  size: number;
  /** Where the line's last item ends (x). */
  end: number;
  /** The line's cells, when wide gaps split it (a table row, or text at both ends of a header). */
  cells?: string[];
  /** Where each cell starts (x), beside `cells`. */
  cellStarts?: number[];
  /** The line's runs of text between gaps wider than a word space, each with where it stands: what table cells are rebuilt from. */
  segments?: TextSegment[];
}

export interface TextSegment {
  text: string;
  x: number;
  end: number;
}

export interface PdfParagraph {
  text: string;
  /** Font size of its first line. */
  size: number;
  /** A table row (its own paragraph, never run on into the next page's first line). */
  table: boolean;
  /** A table typed as its Markdown source, a line a row: it runs on into the rows the next page opens with. */
  typed?: boolean;
}

/** A gap wider than this many times the font size separates two cells. */
const CELL_GAP = 2.5;
/** A gap wider than this many times the font size is more than a word space: it separates two segments (a narrow table's cells). */
const SEGMENT_GAP = 0.8;

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && typeof (item as TextItemLike).str === 'string';
}

/** Joins the text items of a page into lines, in the order pdfjs gives them (the content stream's). */
export function pageLines(items: readonly unknown[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: (PdfLine & { parts: string[]; starts: number[]; segments: TextSegment[] }) | undefined;
  let lastEnd = 0; // x where the previous item ended
  let lastY = 0;
  let breakPending = false;
  let spacePending = false;

  const tidy = (text: string) => repairMojibake(text).replace(/(?:\s*\.){4,}\s*/g, ' … ').replace(/\s+/g, ' ').trim();
  const close = () => {
    if (current) {
      // Dot leaders of a table of contents ("Naming . . . . . 3") become one ellipsis.
      const text = tidy(current.parts.join(' '));
      const parts = current.parts.map((part, i) => ({ cell: tidy(part), start: current!.starts[i] as number })).filter(({ cell }) => cell !== '');
      const cells = parts.length > 1 ? { cells: parts.map(({ cell }) => cell), cellStarts: parts.map(({ start }) => start) } : {};
      const segments = current.segments.map((segment) => ({ ...segment, text: tidy(segment.text) })).filter((segment) => segment.text !== '');
      if (text) lines.push({ text, y: current.y, x: current.x, end: lastEnd, size: current.size, ...cells, segments });
    }
    current = undefined;
    spacePending = false;
  };

  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), item.height, 1);
    if (item.str.trim() === '') {
      // pdfjs adds a space item where it sees a gap: the gap itself is what is measured.
      if (item.str !== '' && current) spacePending = true;
    } else {
      const moved = current !== undefined && Math.abs(y - lastY) > size * 0.5;
      if (breakPending || moved) close();
      breakPending = false;
      if (!current) {
        current = { text: '', parts: [item.str], starts: [x], segments: [{ text: item.str, x, end: x + item.width }], y, x, end: x, size };
      } else {
        const gap = x - lastEnd;
        const last = current.parts.length - 1;
        const needsSpace = (spacePending || gap > size * 0.15) && !/\s$/.test(current.parts[last]!) && !/^\s/.test(item.str);
        if (gap > size * CELL_GAP) {
          current.parts.push(item.str);
          current.starts.push(x);
        } else {
          current.parts[last] += (needsSpace ? ' ' : '') + item.str;
        }
        const segment = current.segments.at(-1)!;
        if (gap > size * SEGMENT_GAP) current.segments.push({ text: item.str, x, end: x + item.width });
        else [segment.text, segment.end] = [segment.text + (needsSpace ? ' ' : '') + item.str, x + item.width];
        current.size = Math.max(current.size, size);
      }
      spacePending = false;
      lastEnd = x + item.width;
      lastY = y;
    }
    if (item.hasEOL) breakPending = true;
  }
  close();
  return lines;
}

/** Line spacing (baseline drop over font size) at or below which two lines read as one paragraph, whatever the document. */
const TIGHT_LEADING = 1.6;

/**
 * The document's usual line spacing, as a multiple of the font size: the closest spacing between
 * consecutive lines of one size that is common in it (at least a sixth of such pairs), the spacing
 * inside a paragraph; wider ones are gaps between paragraphs, common too where most paragraphs are
 * one line. Web pages printed to PDF often set lines 1.7 apart, which a fixed threshold would cut
 * into one paragraph a line.
 */
export function usualLeading(pages: readonly (readonly PdfLine[])[]): number | undefined {
  const counts = new Map<number, number>();
  let pairs = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1]!, lines[i]!];
      if (above.cells || below.cells || Math.abs(above.size - below.size) > 0.01 * above.size) continue;
      const ratio = Math.round(((above.y - below.y) / below.size) * 20) / 20;
      if (ratio <= 0.8 || ratio >= 3) continue;
      counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
      pairs += 1;
    }
  }
  const common = [...counts].filter(([, count]) => count >= Math.max(3, pairs / 6)).map(([ratio]) => ratio);
  return common.length > 0 ? Math.min(...common) : undefined;
}

/** What one page's reading hands the next: the table it ended on. */
export interface AcrossPages {
  table?: TableReader;
}

/**
 * Splits lines into paragraphs where the vertical gap exceeds the usual line spacing (the
 * document's `leading`, see usualLeading), the font changes size, or a bulleted item starts. A line
 * that opens in lower case after one that does not end a sentence continues it across a wider gap.
 */
export function pdfParagraphs(lines: readonly PdfLine[], leading?: number, across: AcrossPages = {}): PdfParagraph[] {
  const gapRatio = Math.max(TIGHT_LEADING, (leading ?? 0) * 1.25);
  const result: PdfParagraph[] = [];
  let current: PdfParagraph | undefined;
  let previous: PdfLine | undefined;
  // The run of table rows being read, named by its header row: one the previous page ended on goes
  // on when this page opens with its rows (a header printed once, over a table that runs on).
  let table: TableReader | undefined = lines[0]?.cells && across.table?.continuedBy(lines[0].cells) ? across.table : undefined;
  for (const line of lines) {
    if (line.cells) {
      if (current) result.push(current);
      table ??= new TableReader();
      result.push({ text: table.row(line.cells), size: line.size, table: true });
      current = undefined;
      previous = undefined;
      continue;
    }
    table = undefined;
    // A table typed as its Markdown source ("| Eastpoint | 140 |", as enscript prints a text file) keeps a line a row.
    const pipeRow = isPipeLine(line.text);
    if (current?.typed && previous && /\|\s*$/.test(line.text) && !/^\s*\|/.test(line.text)) {
      // The rest of a row the printer wrapped at the page's edge ("29.6% |").
      current.text = `${current.text} ${line.text}`;
      previous = line;
      continue;
    }
    // The line under the header names nothing, as the Markdown loader drops it.
    if (pipeRow && TABLE_DIVIDER.test(line.text) && current?.typed) {
      previous = line;
      continue;
    }
    if (current && previous) {
      const drop = previous.y - line.y;
      const size = Math.max(previous.size, line.size);
      const sizeChanged = Math.abs(previous.size - line.size) > size * 0.15;
      const bullet = /^[•◦▪▫●○■□➢►‣⁃]/u.test(line.text);
      const continues = /^\p{Ll}/u.test(line.text) && !/[.!?:;]["'”’)\]]*$/.test(previous.text) && drop <= size * 2.5;
      const newParagraph = drop <= 0 || (drop > size * gapRatio && !continues) || sizeChanged || bullet || pipeRow !== Boolean(current.typed);
      if (newParagraph) {
        result.push(current);
        current = paragraphOf(line, pipeRow);
      } else {
        current.text = pipeRow ? `${current.text}\n${line.text}` : joinLines(current.text, line.text);
      }
    } else {
      if (current) result.push(current);
      current = paragraphOf(line, pipeRow);
    }
    previous = line;
  }
  if (current) result.push(current);
  // The table the page ends on, for the next page to go on with.
  across.table = lines.at(-1)?.cells ? table : undefined;
  // A typed table's rows as the Markdown loader writes them, so that it reads as one.
  return result
    .filter((paragraph) => paragraph.text.trim() !== '')
    .map((paragraph) => (paragraph.typed ? { ...paragraph, text: paragraph.text.split('\n').map(pipeRowText).join('\n') } : paragraph));
}

/** A paragraph opened by a line: a typed table's when the line is a row of one. */
function paragraphOf(line: PdfLine, pipeRow: boolean): PdfParagraph {
  return pipeRow ? { text: line.text, size: line.size, table: true, typed: true } : { text: line.text, size: line.size, table: false };
}

/** The paragraphs' text alone, line-end hyphens settled within these lines. */
export function paragraphs(lines: readonly PdfLine[], leading?: number): string[] {
  return resolveLineEndHyphens(pdfParagraphs(lines, leading).map((paragraph) => paragraph.text));
}

/**
 * Two lines of one paragraph, or a paragraph running on across a page break. A letter and a hyphen
 * at the end of the first, a letter opening the second: a word broken at the line end, marked for
 * resolveLineEndHyphens ("inspec-" "tion", "multi-" "agency", "IMPROV-" "ING"). A number and a
 * hyphen, a number opening the second: a range broken at its hyphen ("2024-" "25", "3-" "11").
 */
export function joinLines(before: string, after: string): string {
  if (/\d[-–]$/.test(before) && /^\d/.test(after)) return before + after;
  if (/\p{L}[-‐]$/u.test(before) && /^\p{L}/u.test(after)) {
    const upperBefore = /\p{Lu}{2}[-‐]$/u.test(before);
    if (/^\p{Ll}/u.test(after) || (upperBefore && /^\p{Lu}{2}/u.test(after))) return before.slice(0, -1) + SOFT_JOIN + after;
  }
  return `${before} ${after}`;
}
