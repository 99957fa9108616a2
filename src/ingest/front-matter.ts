/**
 * The small header some reports carry: `key: value` lines at the very top, then a blank line.
 *
 *     title: Breaking the lock (summary)
 *     source: https://www.impower.co.uk/reports/breaking-the-lock
 *     retrieved-via: seed file
 *
 *     The text as published...
 *
 * A `---` delimited block with the same lines (YAML-style front matter) is read too. Only flat
 * `key: value` lines are understood; anything else inside a `---` block is ignored.
 */

export interface FrontMatter {
  /** True when the text starts with a header that was recognised and removed. */
  present: boolean;
  /** Every `key: value` line, keys lower-cased (`retrieved-via`, `title`, ...). */
  fields: Record<string, string>;
  title?: string;
  source?: string;
  publisher?: string;
  date?: string;
  /** The text after the header (and the blank lines that follow it). */
  body: string;
  /** Where `body` starts in the text given: `text.slice(bodyOffset) === body`. */
  bodyOffset: number;
}

/** Keys that mark a bare header as front matter rather than an opening line such as "Note: ...". */
const KNOWN_KEYS = new Set(['title', 'source', 'url', 'publisher', 'date', 'retrieved-via', 'author']);

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,40})[ \t]*:(?:[ \t]+(.*))?$/;

export function parseFrontMatter(text: string): FrontMatter {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return readDelimited(text, bom) ?? readBare(text, bom) ?? { present: false, fields: {}, body: text, bodyOffset: 0 };
}

/** `---` on the first line, fields, `---` (or `...`) closing it. */
function readDelimited(text: string, from: number): FrontMatter | undefined {
  const lines = [...linesFrom(text, from)];
  const first = lines[0];
  if (!first || first.content.trim() !== '---') return undefined;
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const content = line.content.trim();
    if (content === '---' || content === '...') {
      return build(fields, text, skipBlankLines(text, line.next));
    }
    const match = FIELD_LINE.exec(line.content.trimEnd());
    if (match) fields[match[1]!.toLowerCase()] = unquote((match[2] ?? '').trim());
    // Lists, nested keys and comments are YAML we do not need: ignored.
  }
  return undefined; // Never closed: a thematic break, not front matter.
}

/** Bare `key: value` lines at the top, up to the first blank line (or the first line that is not a field). */
function readBare(text: string, from: number): FrontMatter | undefined {
  const fields: Record<string, string> = {};
  let end = from;
  for (const line of linesFrom(text, from)) {
    const match = FIELD_LINE.exec(line.content.trimEnd());
    if (!match) break;
    fields[match[1]!.toLowerCase()] = (match[2] ?? '').trim();
    end = line.next;
  }
  if (!Object.keys(fields).some((key) => KNOWN_KEYS.has(key))) return undefined;
  return build(fields, text, skipBlankLines(text, end));
}

function build(fields: Record<string, string>, text: string, bodyOffset: number): FrontMatter {
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = fields[key];
      if (value) return value;
    }
    return undefined;
  };
  const result: FrontMatter = { present: true, fields, body: text.slice(bodyOffset), bodyOffset };
  const title = pick('title');
  const source = pick('source', 'url');
  const publisher = pick('publisher');
  const date = pick('date');
  if (title) result.title = title;
  if (source) result.source = source;
  if (publisher) result.publisher = publisher;
  if (date) result.date = date;
  return result;
}

interface Line {
  content: string;
  /** Offset just past the line's end of line. */
  next: number;
}

function* linesFrom(text: string, from: number): Generator<Line> {
  let offset = from;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    yield { content: text.slice(offset, end).replace(/\r$/, ''), next: newline === -1 ? text.length : newline + 1 };
    offset = newline === -1 ? text.length : newline + 1;
  }
}

function skipBlankLines(text: string, from: number): number {
  let offset = from;
  for (const line of linesFrom(text, from)) {
    if (line.content.trim() !== '') break;
    offset = line.next;
  }
  return offset;
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2]! : value;
}
