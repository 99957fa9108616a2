/**
 * Which row of a table answers. A Markdown table stays one block, ranked and quoted whole (a row
 * alone lacks its header's words); the reply then marks the row that says most of what the question
 * asks, read with its columns' names, and leads with it under its header rather than with the table.
 */
import { isPipeTable, pipeTableHeader, pipeTableRows } from '../ingest/pipe-table.js';
import { MONTH_NAME } from './text-analysis.js';

/** Offsets in the table's text. */
export interface TableRowFocus {
  start: number;
  end: number;
  /** The header line over it: in the table's text, or kept from a passage before (a long table's later rows). */
  header?: { start: number; end: number } | { line: string };
}

/** The question: its text and the weight of each of its terms. */
export interface AskedTerms {
  text: string;
  weights: ReadonlyMap<string, number>;
}

/**
 * The row of a sentence that is a table holding the greatest weight of the question's terms, the
 * first on a tie; undefined when the sentence is no table or no row holds any. A month counts
 * however it is shortened, as tables label rows by quarter ("Apr to Jun 2025" for "end of june").
 */
export function bestTableRow(
  sentence: string,
  question: AskedTerms,
  termsOf: (text: string) => readonly string[],
  /** The header line of the table a passage opens inside of (Passage.tableHeader). */
  tableHeader?: string,
): TableRowFocus | undefined {
  if (!isPipeTable(sentence)) return undefined;
  const weights = monthsShortened(question, termsOf);
  const continuing = tableHeader === undefined ? undefined : pipeTableHeader(tableHeader);
  const rows = pipeTableRows(sentence, continuing);
  let best: { score: number; start: number; end: number } | undefined;
  for (const row of rows) {
    if (row.header) continue;
    const terms = new Set(termsOf(shortMonths(`${row.label} ${row.cells.map((cell) => cell.text).join(' ')}`)));
    let score = 0;
    for (const [term, weight] of weights) if (terms.has(term)) score += weight;
    if (score > 0 && (!best || score > best.score)) best = { score, start: row.start, end: row.end };
  }
  if (!best) return undefined;
  const header = rows[0]?.header ? { start: rows[0].start, end: rows[0].end } : continuing ? { line: tableHeader! } : undefined;
  return { start: best.start, end: best.end, ...(header ? { header } : {}) };
}

const MONTH = new RegExp(String.raw`\b${MONTH_NAME}\b`, 'gi');

/** Each month name as its first three letters ("September", "Sept" and "Sep" read alike); "May" as it is. */
function shortMonths(text: string): string {
  return text.replace(MONTH, (month) => month.slice(0, 3));
}

/** The question's term weights with its month names shortened as a row's are (a word's term stays where it stood). */
function monthsShortened({ text, weights }: AskedTerms, termsOf: (text: string) => readonly string[]): ReadonlyMap<string, number> {
  const shortened = shortMonths(text);
  if (shortened === text) return weights;
  const before = termsOf(text);
  const after = termsOf(shortened);
  if (before.length !== after.length) return weights;
  const asked = new Map<string, number>();
  after.forEach((term, i) => asked.set(term, Math.max(asked.get(term) ?? 0, weights.get(before[i]!) ?? 0)));
  return asked;
}
