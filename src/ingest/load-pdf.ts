/**
 * PDF through pdfjs-dist: the text layer of each page, rebuilt into lines and paragraphs
 * (src/ingest/pdf-layout.ts), running headers and footers dropped (pdf-margins.ts), then read as one
 * flow (pdf-flow.ts): a paragraph cut by a page break is one block that knows where the next page
 * starts. A page without a text layer is read by OCR (ocr.ts) unless that is turned off.
 * Title: the PDF's Title metadata (XMP dc:title next), else the first heading-like line of page 1,
 * else the file name without its extension. Date: its creation date.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OcrReader } from './ocr.js';
import { flowBlocks, titleFromFirstPage, type FlowPage } from './pdf-flow.js';
import { pageLines, pdfParagraphs, usualLeading, type AcrossPages, type PdfLine } from './pdf-layout.js';
import { withoutMargins } from './pdf-margins.js';
import { joinWrappedTables } from './pdf-table.js';
import type { SourceFile } from './source-file.js';
import { assembleDocument, unreadable } from './source-file.js';
import type { DocumentBlock, LoadedDocument } from './types.js';
import { foldPunctuation } from '../util/fold-punctuation.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

export { pageLines, paragraphs, usualLeading, type PdfLine } from './pdf-layout.js';

/** How a PDF is read. */
export interface PdfReadOptions {
  /** Read pages without a text layer by OCR (config OCR, on by default). */
  ocr: boolean;
  /** Hears the pages read so far, after each page: a large or scanned PDF takes seconds a page. */
  onPage?: (read: number, pages: number) => void;
}

/** A page with fewer letters than this in its text layer is taken for a scan. */
const MIN_TEXT_LETTERS = 10;

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

export async function loadPdf(file: SourceFile, options: PdfReadOptions = { ocr: true }): Promise<LoadedDocument> {
  const { getDocument, VerbosityLevel, OPS } = await loadPdfJs();
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
  const ocr = options.ocr ? new OcrReader() : undefined;
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      throw unreadable(file, openFailureReason(error));
    }
    const pages: { page: number; lines: PdfLine[] }[] = [];
    const scanned = new Map<number, string[]>();
    let ocrFailure: string | undefined;
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const lines = pageLines(content.items);
        if (ocr && letters(lines) < MIN_TEXT_LETTERS && (await paintsImage(page, OPS).catch(() => false))) {
          // OCR that fails (no canvas for this platform, a damaged image) leaves the page unread, not the PDF.
          const paragraphs = await ocr.readPage(page, pdf).catch((error: unknown) => {
            ocrFailure ??= error instanceof Error ? error.message : String(error);
            return [];
          });
          if (paragraphs.length > 0) scanned.set(number, paragraphs);
        }
        pages.push({ page: number, lines });
        page.cleanup();
      } catch {
        // One damaged page does not lose the others.
        pages.push({ page: number, lines: [] });
      }
      options.onPage?.(number, pdf.numPages);
    }
    const kept = withoutMargins(pages).map((page) => ({ ...page, lines: joinWrappedTables(page.lines) }));
    const leading = usualLeading(kept.map((page) => page.lines));
    // A table that runs on over a page break is read by the header its first page printed.
    const across: AcrossPages = {};
    const flow: FlowPage[] = kept.map(({ page, lines }) => {
      const ocrText = scanned.get(page);
      if (ocrText) {
        across.table = undefined;
        return { page, ocr: true, paragraphs: ocrText.map((text) => ({ text, size: 0, table: false })) };
      }
      return { page, paragraphs: pdfParagraphs(lines, leading, across) };
    });
    if (!flow.some((page) => page.paragraphs.some((paragraph) => /\w/.test(paragraph.text)))) {
      const reason = !options.ocr
        ? 'no text layer (scanned PDF? OCR is off)'
        : ocrFailure
          ? `no text layer, and OCR failed (${ocrFailure.replace(/\s+/g, ' ').slice(0, 120)})`
          : 'no text layer, and OCR found no text (scanned PDF?)';
      throw unreadable(file, reason);
    }
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const info = (metadata?.info ?? {}) as Record<string, unknown>;
    const title =
      cleanTitle(stringOf(info.Title)) ??
      cleanTitle(metadata?.metadata?.get('dc:title') ?? undefined) ??
      titleFromFirstPage(kept.find((page) => page.lines.length > 0)?.lines ?? []);
    const date = pdfDate(stringOf(info.CreationDate));
    return assembleDocument(file, 'pdf', withoutPrintedTitle(flowBlocks(flow), title), { ...(title ? { title } : {}), ...(date ? { date } : {}) });
  } finally {
    await ocr?.close();
    await task.destroy().catch(() => {});
  }
}

/** Whether the page draws an image: a page with little text and no image is no scan. */
async function paintsImage(page: PDFPageProxy, ops: { paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number }): Promise<boolean> {
  const list = await page.getOperatorList();
  return list.fnArray.some((fn) => fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject);
}

function letters(lines: readonly PdfLine[]): number {
  let count = 0;
  for (const line of lines) count += line.text.match(/\p{L}/gu)?.length ?? 0;
  return count;
}

function openFailureReason(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'encrypted PDF (needs a password)';
  if (name === 'InvalidPDFException') return 'not a readable PDF (invalid or damaged file structure)';
  return `not a readable PDF (${message.replace(/\s+/g, ' ').trim().slice(0, 120) || 'unknown error'})`;
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
  // Producers' placeholders: "Untitled", "Enscript Output", a temporary file's name.
  if (!cleaned || /^(?:untitled|title|document\d*|enscript output|microsoft word|\S+\.(?:html?|txt|tmp|ps))$/i.test(cleaned)) return undefined;
  return cleaned;
}

/** "D:20150415..." -> "2015-04-15". */
function pdfDate(value: string | undefined): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

/**
 * The blocks without the title printed as their first paragraph in the body's font: it is the
 * document's title, as a Markdown file's front matter or first heading is, not a passage of its own.
 */
function withoutPrintedTitle(blocks: DocumentBlock[], title: string | undefined): DocumentBlock[] {
  const fold = (text: string) => foldPunctuation(text).replace(/\s+/g, ' ').trim().toLowerCase();
  const [first, ...rest] = blocks;
  return title && first && rest.length > 0 && fold(first.text) === fold(title) ? rest : blocks;
}
