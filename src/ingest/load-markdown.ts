/**
 * Markdown: one block per paragraph, list item run, table or code block, each under the heading above
 * it. Headings are not repeated in the text (they are each block's `heading`). Inline markup (emphasis,
 * links, code spans, inline HTML) is reduced to its text; line breaks inside a paragraph are kept.
 * Title: front matter `title:`, else the first `#` heading, else the file name.
 */
import { parseFrontMatter } from './front-matter.js';
import type { SourceFile } from './source-file.js';
import { assembleDocument, decodeText } from './source-file.js';
import type { DocumentBlock, LoadedDocument } from './types.js';
import { pipeRowText, TABLE_DIVIDER } from './pipe-table.js';

export function loadMarkdown(file: SourceFile): LoadedDocument {
  const frontMatter = parseFrontMatter(decodeText(file));
  const { blocks, firstH1 } = markdownBlocks(frontMatter.body);
  return assembleDocument(file, 'markdown', blocks, firstH1 ? { title: firstH1 } : {}, frontMatter);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/;

/** Splits Markdown (without front matter) into blocks; also returns the text of the first level-1 heading. */
export function markdownBlocks(markdown: string): { blocks: DocumentBlock[]; firstH1?: string } {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const blocks: DocumentBlock[] = [];
  let heading: string | undefined;
  let firstH1: string | undefined;
  let paragraph: string[] = [];

  const flush = () => {
    const text = paragraph
      .map((line) => inlineText(line))
      .filter((line) => line !== '')
      .join('\n');
    paragraph = [];
    if (text) blocks.push(heading ? { text, heading } : { text });
  };
  const setHeading = (level: number, raw: string) => {
    flush();
    const text = inlineText(raw);
    if (!text) return;
    heading = text;
    if (level === 1 && firstH1 === undefined) firstH1 = text;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = FENCE.exec(line);
    if (fence) {
      // Fenced code: kept verbatim as its own block; nothing inside is read as Markdown.
      flush();
      const marker = fence[1]!;
      const code: string[] = [];
      for (index += 1; index < lines.length; index++) {
        const inner = lines[index]!;
        if (inner.trim().startsWith(marker[0]!.repeat(marker.length))) break;
        code.push(inner.trimEnd());
      }
      const text = code.join('\n').replace(/^\n+|\n+$/g, '');
      if (text.trim()) blocks.push(heading ? { text, heading } : { text });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      setHeading(atx[1]!.length, atx[2] ?? '');
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph.length === 1) {
      setHeading(underline[1]!.startsWith('=') ? 1 : 2, paragraph.pop()!);
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    if (REFERENCE_DEFINITION.test(line) || (TABLE_DIVIDER.test(line) && line.includes('|'))) continue;
    paragraph.push(line);
  }
  flush();
  return firstH1 === undefined ? { blocks } : { blocks, firstH1 };
}

/** One line of Markdown as plain text: block markers and inline markup removed, entities decoded. */
export function inlineText(line: string): string {
  let text = line.trim();
  // Block-level markers at the start of the line: quotes, bullets (numbers are kept: "1." is content).
  text = text.replace(/^(?:>\s?)+/, '').replace(/^[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, '');
  // Table rows: outer pipes off, cells separated by " | ".
  if (/^\|.*\|$/.test(text)) text = pipeRowText(text);
  text = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // inline links: link text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '') // inline HTML tags
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => code.trim())
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2') // strong
    .replace(/(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g, '$1') // *emphasis*
    .replace(/(?<![\w\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![\w])/g, '$1') // _emphasis_
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1') // strikethrough
    .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1'); // backslash escapes
  // Spaces as the author typed them, so a quote is the file's own text; tabs read as one space.
  return decodeEntities(text).replace(/\t+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  euro: '€',
  copy: '©',
};

/** The entities Markdown writers actually use; others are left as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}
