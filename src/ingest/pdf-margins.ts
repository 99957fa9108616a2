/**
 * Running headers and footers: lines at the top or bottom of a page (by position, whatever the
 * content stream's order) that are no part of the text. Two ways to know one:
 * - repetition: the same line (numbers aside) at the margin of at least half the pages, two pages at
 *   least (so a two-page document loses its header too);
 * - its shape, on any page of any document: a page number ("3", "Page 3 of 9", "- 3 -"), a bare URL
 *   (a browser prints the file's address), a date with a time (a browser's "12/6/26, 12:18 PM <title>",
 *   enscript's "<file> Sun Dec 06 13:39:19 2026 1"), a numeric date alone, a line opening with
 *   the printed file's name (enscript's header cut short at the page's edge by a long path:
 *   "/home/ann/notes/review.txt Mon Dec").
 */
import type { PdfLine } from './pdf-layout.js';

/** How many lines at each end of a page count as its margin. */
const MARGIN_LINES = 2;

export interface PageLines {
  page: number;
  lines: PdfLine[];
}

/** Each page's lines without its running headers, footers and page numbers. */
export function withoutMargins(pages: readonly PageLines[]): PageLines[] {
  const repeated = repeatedMargins(pages);
  return pages.map(({ page, lines }) => {
    const margin = marginIndexes(lines);
    const kept = lines.filter((line, index) => !margin.has(index) || !(isMarginText(line.text) || repeated.has(marginKey(line.text))));
    return { page, lines: kept };
  });
}

/** The indexes of the lines highest and lowest on the page. */
function marginIndexes(lines: readonly PdfLine[]): Set<number> {
  const byHeight = lines.map((line, index) => ({ y: line.y, index })).sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)].map((entry) => entry.index));
}

const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*`;
const NUMERIC_DATE = String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?`;

/** A line that is a page number, a URL or a date stamp, whatever else is on it. */
export function isMarginText(text: string): boolean {
  const line = text.trim();
  if (isPageNumber(line)) return true;
  // A browser's footer: the address, perhaps with "1/3" after it.
  if (/^(?:(?:file|https?):\/\/|about:blank)\S*(?:\s+\d{1,4}\s*(?:\/|of)\s*\d{1,4})?$/i.test(line)) return true;
  // A browser's header or enscript's: a date with a time, and the title or file name beside it.
  if (new RegExp(String.raw`(?:^|\s)${NUMERIC_DATE},?\s+${TIME}(?:\s|$)`, 'i').test(line)) return true;
  if (new RegExp(String.raw`\b${WEEKDAY},?\s+${MONTH}\s+\d{1,2},?\s+${TIME}(?:\s+\d{4})?\b`, 'i').test(line)) return true;
  // A short line closing "Page 2 of 9" or "Page 2/9".
  if (line.split(/\s+/).length <= 16 && /\bpage\s+\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/i.test(line)) return true;
  // A printed file's header: its name (or path) first, whatever follows.
  if (PRINTED_FILE.test(line)) return true;
  return new RegExp(String.raw`^${NUMERIC_DATE}$`).test(line);
}

/**
 * A file name or path with a text or document extension opening the line (then a space, colon or
 * the end), or a path alone, cut short before its extension.
 */
const PRINTED_FILE = /^(?:(?:[~.]?\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:txt|text|md|markdown|csv|log|docx?|pdf|html?)(?::|\s|$)|[~.]?\/(?:[\w.-]+\/)+[\w.-]*$)/i;

function isPageNumber(text: string): boolean {
  // A year alone ("2019", a table cell's last line) is not a page number; a running year repeats and goes as such.
  if (/^(?:19|20)\d\d$/.test(text)) return false;
  return /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(text) || /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(text);
}

function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Lines at the margin of at least half the pages, two at least. */
function repeatedMargins(pages: readonly PageLines[]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const { lines } of pages) {
    const margin = marginIndexes(lines);
    const keys = new Set([...margin].map((index) => marginKey(lines[index]!.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}
