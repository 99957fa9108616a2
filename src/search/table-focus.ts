/**
 * Which row of a table answers. A Markdown table stays one block, ranked and quoted whole (a row
 * alone lacks its header's words); the reply then marks the row that says most of what the question
 * asks, read with its columns' names, and leads with it under its header rather than with the table.
 */
import { isPipeTable, pipeTableHeader, pipeTableRows } from '../ingest/pipe-table.js';
import { MONTH_NAME } from './text-analysis.js';
import type { AnswerWindow } from './windows.js';

/**
 * Offsets from the start of the window's best sentence: in it when it is the table, past it when it
 * introduces the table that follows ("Table 2: Home care hours by locality").
 */
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
  const continuing = pipeTableHeader(tableHeader);
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

/** A line that introduces what follows it: a table's caption, or a clause ending with a colon. */
const INTRODUCES = /^(?:table|figure)\s+\d+\b|:\s*$/i;
/** The most words such a line runs to. */
const INTRODUCTION_WORDS = 40;

/**
 * The answering row of a window's best sentence when it is a table, or of the table that sentence
 * introduces when the next sentence of the window is one.
 */
export function windowTableRow(
  window: Pick<AnswerWindow, 'sentence' | 'text' | 'focusStart' | 'focusEnd' | 'sentences'>,
  question: AskedTerms,
  termsOf: (text: string) => readonly string[],
  tableHeader?: string,
): TableRowFocus | undefined {
  const own = bestTableRow(window.sentence, question, termsOf, tableHeader);
  if (own || !INTRODUCES.test(window.sentence.trim()) || window.sentence.split(/\s+/).length > INTRODUCTION_WORDS) return own;
  const next = window.sentences[window.sentences.indexOf(window.sentence) + 1];
  const at = next === undefined ? -1 : window.text.indexOf(next, window.focusEnd);
  const row = at < 0 ? undefined : bestTableRow(next!, question, termsOf);
  if (!row) return undefined;
  const shift = at - window.focusStart;
  const header = row.header && 'start' in row.header ? { start: row.header.start + shift, end: row.header.end + shift } : row.header;
  return { start: row.start + shift, end: row.end + shift, ...(header ? { header } : {}) };
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
