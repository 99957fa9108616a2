/** Figures as table rows (shared by the terminal and Slack renderers) and as a plain-text table. */
import { scaledLabel } from './money-scale.js';
import type { Figure, StatsQuery } from './types.js';

export interface FigureTableRow {
  figureId: string;
  /** As written in the report: "28%", "£173m", "10 of 43"; with its table's money unit or rate's base when stated apart ("640 (£ thousand)", "0.31 per 1,000"). */
  figure: string;
  grade: string;
  /** Period label, with "(inferred)" when the sentence itself names none. */
  period: string;
  counted: string;
  /** What the figure is: a table cell's row label and column ("Fairholme: Male life expectancy"), else what it counts. */
  what: string;
  title: string;
  location: string;
  source: string;
  /** The sentence the figure came from, exactly. */
  quote: string;
}

export function toTableRows(figures: readonly Figure[]): FigureTableRow[] {
  return figures.map((f) => ({
    figureId: f.id,
    figure: scaledLabel(f.raw, f.unit, f.value) ?? rateLabel(f) ?? f.raw,
    grade: f.grade ?? '',
    period: f.period ? `${f.period.label}${f.period.inferred ? ' (inferred)' : ''}` : '',
    counted: f.counted ?? '',
    what: cellName(f) ?? f.counted ?? '',
    title: f.citation.title,
    location: f.citation.location,
    source: f.citation.source,
    quote: f.sentence.text,
  }));
}

/**
 * A table cell's row label and column name, the words its statement puts before the figure: a cell's
 * statement holds more than its place in the text ("Fairholme: Male life expectancy 83.1").
 */
function cellName(f: Figure): string | undefined {
  if (f.sentence.text.length === f.sentence.end - f.sentence.start) return undefined;
  const name = f.sentence.text.slice(0, f.rawStart).replace(/[\s:,]+$/, '');
  return name || undefined;
}

/** A table's rate written bare, under a label naming its base: "0.31 per 1,000". */
function rateLabel(f: Figure): string | undefined {
  if (f.unit !== 'rate' || !f.per || /\bper\b/i.test(f.raw)) return undefined;
  return `${f.raw} per ${f.per.split(/\s+/)[0]}`;
}

export interface RenderTableOptions {
  /** Print each row's quote below the table, numbered like the rows. */
  quotes?: boolean;
  /** Longest a cell may be before it is cut with "…". */
  maxCell?: number;
}

const HEADERS = ['#', 'figure', 'grade', 'period', 'what', 'source'] as const;

/** What a heading adds when the last `partly` figures say only part of the query: the same words in the terminal and in Slack. */
export function partlyNote(partly: number): string {
  if (partly <= 0) return '';
  return `; ${partly === 1 ? 'the last one says' : `the last ${partly} say`} only part of it, closest first`;
}

/** The names a lookup gave, as a reader writes them ("Kestrel Valley"), or undefined when it gave none. */
export function namesGiven(query: Pick<StatsQuery, 'names'>): string | undefined {
  if (!query.names || query.names.length === 0) return undefined;
  return query.names.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join(' ');
}

/** A compact fixed-width table in the order given (the lookup orders them). */
export function renderFiguresTable(figures: readonly Figure[], options: RenderTableOptions = {}): string {
  const { quotes = false, maxCell = 48 } = options;
  if (figures.length === 0) return 'No figures found.';
  const rows = toTableRows(figures);
  const cells = rows.map((row, i) =>
    [String(i + 1), row.figure, row.grade || '-', row.period || '-'].map((c) => clip(flat(c), maxCell)).concat(whatCell(row.what, maxCell), sourceCell(row, maxCell + 16)),
  );
  const widths = HEADERS.map((h, col) => Math.max(h.length, ...cells.map((r) => r[col]!.length)));
  const line = (values: readonly string[]) => values.map((v, col) => v.padEnd(widths[col]!)).join('  ').trimEnd();
  const out = [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  if (quotes) {
    out.push('');
    rows.forEach((row, i) => out.push(`[${i + 1}] "${row.quote}"`, `    ${[row.title, row.location, row.source].filter(Boolean).join(' · ')}`));
  }
  return out.join('\n');
}

/**
 * A table cell's "row label: column": the label gives way first, so the column stays readable
 * ("Agency social workers as a sh…: Q1"); what a prose figure counts is cut at its end.
 */
function whatCell(what: string, maxCell: number): string {
  const text = flat(what) || '-';
  const split = text.lastIndexOf(': ');
  if (text.length <= maxCell || split < 0) return clip(text, maxCell);
  const column = text.slice(split);
  if (column.length > maxCell / 2) return clip(text, maxCell);
  return `${clip(text.slice(0, split), maxCell - column.length)}${column}`;
}

/** "Title · location": the title gives way first, so where in the document stays readable. */
function sourceCell(row: FigureTableRow, maxCell: number): string {
  const location = clip(flat(row.location), Math.floor(maxCell / 2));
  if (!location) return clip(flat(row.title), maxCell);
  return `${clip(flat(row.title), Math.max(12, maxCell - location.length - 3))} · ${location}`;
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
