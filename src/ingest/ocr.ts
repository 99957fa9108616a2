/**
 * OCR for a PDF page without a text layer (a scan): the page is rendered by pdfjs onto a canvas
 * (@napi-rs/canvas, which pdfjs-dist brings for Node) at 300 dpi and read by tesseract.js.
 * Offline: the English model is the one @tesseract.js-data/eng ships (4.0.0_best_int, gzipped),
 * and tesseract's own cache is off, so nothing is fetched or written. One tesseract worker per
 * PDF, started at its first scanned page (it takes about a second) and ended with the PDF.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { joinLines } from './pdf-layout.js';

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

/** Rendering scale from PDF points (72 dpi) to pixels: about 300 dpi, what tesseract reads best. */
const SCALE = 300 / 72;
/** Pages larger than this many pixels on a side are rendered smaller (a poster-sized page). */
const MAX_SIDE = 5000;

/** The folder holding eng.traineddata.gz, inside the installed @tesseract.js-data/eng package. */
export function englishModelFolder(): string {
  const root = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
  return join(root, '4.0.0_best_int');
}

export class OcrReader {
  private worker: Promise<TesseractWorker> | undefined;

  /** The page's text as paragraphs (tesseract separates them by a blank line), lines joined. */
  async readPage(page: PDFPageProxy, pdf: PDFDocumentProxy): Promise<string[]> {
    const image = await renderPage(page, pdf);
    const worker = await this.start();
    const result = await worker.recognize(image);
    return ocrParagraphs(result.data.text);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.terminate().catch(() => {});
  }

  private start(): Promise<TesseractWorker> {
    this.worker ??= import('tesseract.js').then(({ createWorker, OEM }) =>
      createWorker('eng', OEM.LSTM_ONLY, { langPath: englishModelFolder(), gzip: true, cacheMethod: 'none' }),
    );
    return this.worker;
  }
}

/** Tesseract's text to paragraphs: blank lines separate them, a line end inside one is a space. */
export function ocrParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .reduce((joined, line) => (joined === '' ? line : joinLines(joined, line)), ''),
    )
    .filter((paragraph) => /\p{L}|\d/u.test(paragraph));
}

async function renderPage(page: PDFPageProxy, pdf: PDFDocumentProxy): Promise<Buffer> {
  const unscaled = page.getViewport({ scale: 1 });
  const scale = Math.min(SCALE, MAX_SIDE / Math.max(unscaled.width, unscaled.height));
  const viewport = page.getViewport({ scale });
  const factory = (pdf as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    const parameters = { canvas, canvasContext: context, viewport } as unknown as Parameters<PDFPageProxy['render']>[0];
    await page.render(parameters).promise;
    return (canvas as { toBuffer: (type: string) => Buffer }).toBuffer('image/png');
  } finally {
    factory.destroy({ canvas, context });
  }
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(canvasAndContext: { canvas: unknown; context: unknown }): void;
}
