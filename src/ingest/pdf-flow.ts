/**
 * A PDF's pages read as one flow of text: the last paragraph of a page that stops mid-sentence runs
 * on into the first paragraph of the next ("... lowest in the North West" + "(36%)."), as one block
 * that records where the next page starts, so that sentences and passages cross page breaks and a
 * citation can say "pp. 3-4". Line-end hyphens are settled here, once every word of the document is
 * known (hyphenation.ts).
 */
import { PAGE_MARK, SOFT_JOIN, resolveLineEndHyphens } from './hyphenation.js';
import { joinLines, type PdfLine, type PdfParagraph } from './pdf-layout.js';
import { isSiteChrome } from './site-chrome.js';
import type { DocumentBlock } from './types.js';

export interface FlowPage {
  page: number;
  paragraphs: PdfParagraph[];
  /** Its text was read by OCR. */
  ocr?: boolean;
}

/** Ends a sentence (or a clause that a list or table follows): . ! ? … : ; and closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/;

/** Whether `next`, the first paragraph of a page, continues `last`, the last one of the page before. */
function runsOn(last: PdfParagraph, next: PdfParagraph, sameKind: boolean): boolean {
  if (sameKind && last.typed && next.typed) return true;
  if (!sameKind || last.table || next.table) return false;
  if (SENTENCE_END.test(last.text)) return false;
  if (/^[•◦▪▫●○■□➢►‣⁃]/u.test(next.text)) return false;
  // A heading stands in a larger font; OCR text has no size (0) and is compared with itself only.
  const size = Math.max(last.size, next.size);
  return size === 0 || Math.abs(last.size - next.size) <= size * 0.15;
}

/** The most words a heading runs to. */
const HEADING_WORDS = 20;

/** The font size most of the characters of these lines or paragraphs are set in, rounded (0 for OCR text, which has none). */
function bodySize(texts: Iterable<{ size: number; text: string }>): number {
  const characters = new Map<number, number>();
  for (const { size, text } of texts) characters.set(Math.round(size), (characters.get(Math.round(size)) ?? 0) + text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * A heading, as Markdown's "## ..." is: a short line set larger than the body text that does not
 * end like a sentence. It is not body text: it names the blocks below it, as in Markdown.
 */
function isHeading(paragraph: PdfParagraph, body: number): boolean {
  return !paragraph.table && body > 0 && paragraph.size > body * 1.15 && paragraph.text.split(/\s+/).length <= HEADING_WORDS && !/[.!?;,]["'”’)\]]*$/.test(paragraph.text);
}

export function flowBlocks(pages: readonly FlowPage[]): DocumentBlock[] {
  // nextPages: the pages a block runs on to, in order, one per PAGE_MARK in its text.
  const blocks: (DocumentBlock & { size: number; table: boolean; typed?: boolean; nextPages: number[] })[] = [];
  const body = bodySize(pages.flatMap((page) => page.paragraphs));
  let heading: string | undefined;
  let lastOcr: boolean | undefined;
  for (const { page, paragraphs, ocr = false } of pages) {
    paragraphs.forEach((paragraph, index) => {
      if (!ocr && isHeading(paragraph, body)) {
        heading = paragraph.text.replace(/\s+/g, ' ').trim();
        return;
      }
      const previous = blocks[blocks.length - 1];
      if (index === 0 && previous && runsOn(previous, paragraph, lastOcr === ocr)) {
        // A typed table's rows go on a line each; a sentence runs on as lines of a paragraph do.
        const joined = previous.typed && paragraph.typed ? `${previous.text}\n${paragraph.text}` : joinLines(previous.text, paragraph.text);
        // The new page starts where its text does: after the space, or just before the marked hyphen.
        let at = joined.length - paragraph.text.length;
        if (joined[at - 1] === SOFT_JOIN) at -= 1;
        previous.text = joined.slice(0, at) + PAGE_MARK + joined.slice(at);
        previous.nextPages.push(page);
        return;
      }
      const block: (typeof blocks)[number] = { text: paragraph.text, page, size: paragraph.size, table: paragraph.table, typed: paragraph.typed, nextPages: [] };
      if (heading !== undefined) block.heading = heading;
      if (ocr) block.ocr = true;
      blocks.push(block);
    });
    if (paragraphs.length > 0) lastOcr = ocr;
  }
  const texts = resolveLineEndHyphens(blocks.map((block) => block.text));
  return blocks.map((block, index) => {
    const { size: _size, table: _table, typed: _typed, nextPages: _pages, ...rest } = block;
    const marked = texts[index]!;
    if (!marked.includes(PAGE_MARK)) return { ...rest, text: marked };
    const [first = '', ...later] = marked.split(PAGE_MARK);
    let text = first;
    const pageStarts = later.map((piece, i) => {
      const start = { offset: text.length, page: block.nextPages[i]! };
      text += piece;
      return start;
    });
    return { ...rest, text, pageStarts };
  });
}

/** The most words a title printed on page 1 may run to: in a larger font, and in the body's. */
const TITLE_WORDS = 40;
const PLAIN_TITLE_WORDS = 30;

/**
 * The title printed at the top of page 1, for a PDF without title metadata: the lines in the
 * page's largest font when that is larger than the body text, else a short first line that does
 * not end like a sentence, with the lines it runs on to when it was wrapped (the next line's first
 * word would not have fitted: a title in a typewriter font). Its lines are joined as a
 * paragraph's are, line-end hyphens settled from the page's words.
 */
export function titleFromFirstPage(lines: readonly PdfLine[]): string | undefined {
  // A page saved from the web may open with its chrome ("Skip to main content"): never a title.
  const top = lines.slice(0, 12).filter((line) => !isSiteChrome(line.text));
  if (top.length === 0) return undefined;
  const body = bodySize(lines);
  const largest = Math.max(...top.map((line) => line.size));
  const wordsIn = (parts: readonly string[]) => parts.join(' ').split(/\s+/).length;
  let title: string[] = [];
  if (largest > body * 1.15) {
    const first = top.findIndex((line) => line.size >= largest * 0.95);
    for (let i = first; i < top.length && top[i]!.size >= largest * 0.95 && wordsIn(title) < TITLE_WORDS; i++) title.push(top[i]!.text);
  } else {
    const first = top[0]!;
    // A full line's length: the 75th percentile of the page's (a long address that cannot wrap is longer).
    const lengths = lines.filter((line) => Math.abs(line.size - first.size) < 0.5).map((line) => line.text.length).sort((a, b) => a - b);
    const widest = lengths[Math.floor(lengths.length * 0.75)] ?? first.text.length;
    title = [first.text];
    for (let i = 1; i < top.length; i++) {
      const [above, line] = [top[i - 1]!, top[i]!];
      // Wrapped: the next line's first word would not have fitted on this one.
      const nextWord = line.text.split(/\s+/)[0] ?? '';
      const wrapped = above.text.length + 1 + nextWord.length > widest * 0.95 && above.y - line.y > 0 && above.y - line.y <= above.size * 1.6 && Math.abs(line.size - above.size) < 0.5;
      if (!wrapped || wordsIn(title) >= PLAIN_TITLE_WORDS) break;
      title.push(line.text);
    }
    if (wordsIn(title) > PLAIN_TITLE_WORDS || /[.,;]$/.test(title[title.length - 1]!)) title = [];
  }
  if (title.length === 0) return undefined;
  const joined = title.slice(1).reduce((text, line) => joinLines(text, line), title[0]!);
  const [settled] = resolveLineEndHyphens([joined, ...lines.map((line) => line.text)]);
  const text = settled!.replace(/\s+/g, ' ').trim();
  return text.length >= 3 && /\p{L}/u.test(text) ? text.slice(0, 200) : undefined;
}
