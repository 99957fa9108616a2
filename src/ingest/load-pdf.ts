/**
 * PDF through pdfjs-dist: the text layer of each page, rebuilt into lines (hasEOL, baseline moves) and
 * paragraphs (a vertical gap larger than the line spacing), one block per paragraph with its 1-based
 * page number. Page numbers and running headers/footers repeated across pages are dropped.
 * Title: the PDF's Title metadata (XMP dc:title next), else the file name. Date: its creation date.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceFile } from './source-file.js';
import { assembleDocument, unreadable } from './source-file.js';
import type { DocumentBlock, LoadedDocument } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** Loaded on first use: most ingests have no PDF and pdfjs is large. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** pdfjs reads its character maps and standard font data from its own package folder in Node. */
function assetDirectories(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

export async function loadPdf(file: SourceFile): Promise<LoadedDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdfjs may transfer (detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(file.bytes),
    ...assetDirectories(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      throw unreadable(file, openFailureReason(error));
    }
    const pages: PageLines[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        pages.push({ page: number, lines: pageLines(content.items) });
        page.cleanup();
      } catch {
        // One damaged page does not lose the others.
        pages.push({ page: number, lines: [] });
      }
    }
    if (!pages.some((page) => page.lines.some((line) => /\w/.test(line.text)))) {
      throw unreadable(file, 'no text layer (scanned PDF?)');
    }
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const info = (metadata?.info ?? {}) as Record<string, unknown>;
    const title = cleanTitle(stringOf(info.Title)) ?? cleanTitle(metadata?.metadata?.get('dc:title') ?? undefined);
    const date = pdfDate(stringOf(info.CreationDate));
    return assembleDocument(file, 'pdf', pdfBlocks(pages), { ...(title ? { title } : {}), ...(date ? { date } : {}) });
  } finally {
    await task.destroy().catch(() => {});
  }
}

function openFailureReason(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'encrypted PDF (needs a password)';
  if (name === 'InvalidPDFException') return 'not a readable PDF (invalid or damaged file structure)';
  return `not a readable PDF (${message.replace(/\s+/g, ' ').trim().slice(0, 120) || 'unknown error'})`;
}

// ---- Text items to lines ----

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
}

interface PageLines {
  page: number;
  lines: PdfLine[];
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && typeof (item as TextItemLike).str === 'string';
}

/** Joins the text items of a page into lines, in the order pdfjs gives them (the content stream's). */
export function pageLines(items: readonly unknown[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  let lastEnd = 0; // x where the previous item ended
  let lastY = 0;
  let breakPending = false;

  const close = () => {
    if (current) {
      // Dot leaders of a table of contents ("Naming . . . . . 3") become one ellipsis.
      current.text = current.text.replace(/(?:\s*\.){4,}\s*/g, ' … ').replace(/\s+/g, ' ').trim();
      if (current.text) lines.push(current);
    }
    current = undefined;
  };

  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), item.height, 1);
    if (item.str !== '') {
      const moved = current !== undefined && Math.abs(y - lastY) > size * 0.5;
      if (breakPending || moved) close();
      breakPending = false;
      if (!current) {
        current = { text: item.str, y, x, size };
      } else {
        const gap = x - lastEnd;
        const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (needsSpace ? ' ' : '') + item.str;
        current.size = Math.max(current.size, size);
      }
      lastEnd = x + item.width;
      lastY = y;
    }
    if (item.hasEOL) breakPending = true;
  }
  close();
  return lines;
}

// ---- Lines to paragraphs ----

function pdfBlocks(pages: PageLines[]): DocumentBlock[] {
  const repeated = repeatedMargins(pages);
  const blocks: DocumentBlock[] = [];
  for (const { page, lines } of pages) {
    const kept = lines.filter((line, index) => {
      const atMargin = index < 2 || index >= lines.length - 2;
      if (!atMargin) return true;
      return !isPageNumber(line.text) && !repeated.has(marginKey(line.text));
    });
    for (const paragraph of paragraphs(kept)) blocks.push({ text: paragraph, page });
  }
  return blocks;
}

/**
 * Splits lines into paragraphs where the vertical gap exceeds the usual line spacing, the font changes
 * size, or a bulleted item starts.
 */
export function paragraphs(lines: readonly PdfLine[]): string[] {
  const result: string[] = [];
  let text = '';
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (previous) {
      const drop = previous.y - line.y;
      const size = Math.max(previous.size, line.size);
      const sizeChanged = Math.abs(previous.size - line.size) > size * 0.15;
      const bullet = /^[•◦▪▫●○■□➢►‣⁃]/u.test(line.text);
      const newParagraph = drop <= 0 || drop > size * 1.6 || sizeChanged || bullet;
      if (newParagraph) {
        result.push(text);
        text = line.text;
      } else {
        text = joinLines(text, line.text);
      }
    } else {
      text = line.text;
    }
    previous = line;
  }
  if (previous) result.push(text);
  return result.filter((paragraph) => paragraph.trim() !== '');
}

/** "inspec-" + "tion" -> "inspection"; otherwise the lines are joined by a space. */
function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

function isPageNumber(text: string): boolean {
  return /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(text.trim()) || /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(text.trim());
}

function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Running headers and footers: a line at the top or bottom of at least half the pages (3 pages at least). */
function repeatedMargins(pages: PageLines[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { lines } of pages) {
    const margin = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((line) => marginKey(line.text)));
    for (const key of margin) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}

// ---- Metadata ----

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function cleanTitle(title: string | undefined): string | undefined {
  const cleaned = title
    ?.replace(/\s+/g, ' ')
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '')
    .replace(/\.(?:docx?|pptx?|xlsx?|pdf)$/i, '')
    .trim();
  if (!cleaned || /^(?:untitled|title|document\d*)$/i.test(cleaned)) return undefined;
  return cleaned;
}

/** "D:20150415..." -> "2015-04-15". */
function pdfDate(value: string | undefined): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}
