/** The reply for a terminal: lead, then numbered extracts with their sources. Plain text, optional colour. */
import type { FigureFact, Reply } from './types.js';

export interface TerminalStyle {
  colour: boolean;
  width: number;
}

export function renderReplyForTerminal(reply: Reply, style: TerminalStyle = { colour: false, width: 100 }): string {
  const paint = painter(style.colour);
  const lines: string[] = [];
  const [figure, ...others] = reply.figures ?? [];
  if (figure) {
    lines.push(paint.bold(figureLine(figure)));
    // Other periods or sources for the same measure, side by side rather than one picked silently.
    for (const other of others) lines.push(paint.dim(wrap(`  also ${figureLine(other)} (${other.citation.title}, ${other.citation.location})`, style.width, '    ')));
  }
  if (reply.answered) {
    lines.push(paint.bold(wrap(reply.answer, style.width)));
  } else {
    lines.push(paint.yellow(wrap(reply.answer, style.width)));
  }
  lines.push(paint.dim(`confidence ${reply.confidence.toFixed(2)}`));
  reply.citations.forEach((citation, index) => {
    lines.push('');
    const label = reply.answered ? `[${index + 1}]` : `[closest ${index + 1}]`;
    const quoted = wrap(`“${highlight(citation.extract, citation.figures, paint)}”`, style.width - 4)
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    // Wrapped like the extract, so a long title breaks between words rather than where the terminal cuts it.
    lines.push(wrap(`${paint.bold(label)} ${citation.title} · ${citation.location}`, style.width, '    '));
    lines.push(quoted);
    lines.push(`    ${paint.dim(citation.source)}`);
  });
  return lines.join('\n');
}

/** "28% · Inadequate · 2015 · local authorities" */
export function figureLine(figure: FigureFact): string {
  return [figure.value, figure.grade, figure.period, figure.counted].filter(Boolean).join(' · ');
}

function highlight(text: string, figures: readonly string[], paint: Painter): string {
  let out = text;
  for (const figure of new Set(figures)) out = out.split(figure).join(paint.bold(figure));
  return out;
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
