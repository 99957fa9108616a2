/**
 * The reply for a terminal: lead, then numbered extracts (each passage once, its best sentence bold when
 * colour is on) with their sources. Plain text, optional colour.
 */
import { LIST_ITEM } from '../ingest/sentences.js';
import { citationTarget, distinctCitations, focusParts, leadIsFirstFocus } from './presentation.js';
import type { Citation, Reply } from './types.js';

export interface TerminalStyle {
  colour: boolean;
  width: number;
}

export function renderReplyForTerminal(reply: Reply, style: TerminalStyle = { colour: false, width: 100 }): string {
  const paint = painter(style.colour);
  const lines: string[] = [];
  const citations = distinctCitations(reply.citations);
  // The lead that is citation 1's best sentence is shown once, in its quote.
  const leadInQuote = leadIsFirstFocus(reply, citations[0]);
  if (leadInQuote) {
    // The quote first, where the lead would be, then whose it is.
    const [, label, quoted, where] = citationLines(citations[0]!, 0, reply.answered, style, paint);
    lines.push(quoted!, `${label!}`, where!);
  }
  else if (reply.answered) lines.push(paint.bold(wrapLines(reply.answer, style.width)));
  else lines.push(paint.yellow(wrapLines(reply.answer, style.width)));
  lines.push(paint.dim(`confidence ${reply.confidence.toFixed(2)}`));
  citations.forEach((citation, index) => {
    if (!(leadInQuote && index === 0)) lines.push(...citationLines(citation, index, reply.answered, style, paint));
  });
  return lines.join('\n');
}

/** A blank line, "[n] title · location", the quote (its best sentence bold), and where to read it. */
function citationLines(citation: Citation, index: number, answered: boolean, style: TerminalStyle, paint: Painter): string[] {
  const label = answered ? `[${index + 1}]` : `[closest ${index + 1}]`;
  const { before, focus, after } = focusParts(citation);
  const text = focus
    ? `${highlight(before, citation.figures, paint)}${paint.bold(focus)}${highlight(after, citation.figures, paint)}`
    : highlight(before, citation.figures, paint);
  const quoted = quoteLines(`“${text}”`)
    .flatMap((line) => wrap(line, style.width - 4).split('\n'))
    .map((line) => `    ${line}`)
    .join('\n');
  const target = citationTarget(citation);
  const where = target.url ?? [target.fileName, target.page !== undefined && !/^p\.\s?\d+$/.test(citation.location) ? `p. ${target.page}` : ''].filter(Boolean).join(' · ');
  // The title wraps like the extract, between words, rather than where the terminal cuts it.
  return ['', wrap(`${paint.bold(label)} ${citation.title} · ${citation.location}`, style.width, '    '), quoted, `    ${paint.dim(where)}`];
}

function highlight(text: string, figures: readonly string[], paint: Painter): string {
  let out = text;
  for (const figure of new Set(figures)) out = out.split(figure).join(paint.bold(figure));
  return out;
}

/**
 * A quote's lines as the report sets them out: a blank line, a table row or a list item starts a
 * new line, and any other line break (a hard-wrapped line) runs on, as sentences are read.
 */
function quoteLines(text: string): string[] {
  return text.split(LINE_BREAKS);
}

/** A blank line, or a line break before a list item (as sentences.ts reads one) or a table row. */
const LINE_BREAKS = new RegExp(`\\n\\s*\\n|\\n(?=[^\\S\\n]*(?:${LIST_ITEM.source.replace(/^\^/, '')}|[^\\n]*\\s\\|\\s))`);

/** A lead in lines as its report sets them out (a table's header and row), each wrapped. */
function wrapLines(text: string, width: number): string {
  return quoteLines(text)
    .map((line) => wrap(line, width))
    .join('\n');
}

/** `text` in lines of at most `width` visible characters, broken between words; lines after the first start with `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = line ? `${line} ${word}` : `${lead}${word}`;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  yellow(text: string): string;
}

function painter(colour: boolean): Painter {
  const code = (open: number, close: number) => (text: string) => (colour ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: code(1, 22), dim: code(2, 22), yellow: code(33, 39) };
}
