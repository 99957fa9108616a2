/** Test documents made on the fly: PDFs with pdf-lib, DOCX with jszip, and temporary folders. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export async function makeTempDir(): Promise<{ dir: string; write: (name: string, data: string | Uint8Array) => Promise<string>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'citeline-ingest-'));
  return {
    dir,
    async write(name, data) {
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A PDF whose pages each hold paragraphs of lines drawn like a word processor would: 12 pt text,
 * 15 pt between lines, a 30 pt gap between paragraphs.
 */
export async function makePdf(pages: string[][][], options: { title?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 60, y, size: 12, font });
        y -= 15;
      }
      y -= 15;
    }
  }
  return pdf.save();
}

/** A one-page PDF with a drawn rectangle and no text at all, as a scan without OCR would be. */
export async function makePdfWithoutText(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('A scanned report');
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 300, height: 200, color: rgb(0.4, 0.4, 0.4) });
  return pdf.save();
}

/**
 * A minimal PDF encrypted with the standard security handler whose user password is not empty: the
 * /U entry matches no key derived from the empty password, so opening it needs a password.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * (i + 7) * 31) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(5)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = hex(9).slice(0, 32);
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** Deterministic bytes that are not a PDF (nor a zip). */
export function junkBytes(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}

export interface DocxParagraph {
  text: string;
  /** Paragraph style id, e.g. "Heading1". */
  style?: string;
}

/** A minimal DOCX: content types, package relationships and the main document part. */
export async function makeDocx(paragraphs: (DocxParagraph | { table: string[][] })[]): Promise<Uint8Array> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphXml = (paragraph: DocxParagraph) => {
    const style = paragraph.style ? `<w:pPr><w:pStyle w:val="${paragraph.style}"/></w:pPr>` : '';
    return `<w:p>${style}<w:r><w:t xml:space="preserve">${escape(paragraph.text)}</w:t></w:r></w:p>`;
  };
  const body = paragraphs
    .map((item) =>
      'table' in item
        ? `<w:tbl>${item.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml({ text: cell })}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
        : paragraphXml(item),
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A piece of text drawn at a point of a page, in points from the bottom left. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/**
 * A PDF whose pages each hold text placed exactly where given (Helvetica, 11 pt unless said), for
 * headers and footers, table cells and titles in a larger font.
 */
export async function makePlacedPdf(pages: PlacedText[][], options: { title?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const placed of pages) {
    const page = pdf.addPage([595, 842]);
    for (const { text, x, y, size = 11 } of placed) page.drawText(text, { x, y, size, font });
  }
  return pdf.save();
}

/** Lines of body text from `top` down, 14 pt apart, at the left margin. */
export function bodyLines(lines: string[], top = 760, x = 60): PlacedText[] {
  return lines.map((text, index) => ({ text, x, y: top - index * 14 }));
}

/**
 * An image-only PDF of printed text, as a scanner makes: `lines` are typeset into a PDF, that page
 * is rendered to a PNG by pdfjs, and the PNG alone is placed on the page of a second PDF (no text
 * layer at all). `before` pages of ordinary text come first, so the scan is page before+1.
 */
export async function makeScannedPdf(lines: string[], before: string[][] = []): Promise<Uint8Array> {
  const width = 420;
  const height = 60 + lines.length * 22;
  const source = await PDFDocument.create();
  const font = await source.embedFont(StandardFonts.Helvetica);
  const typed = source.addPage([width, height]);
  lines.forEach((line, index) => typed.drawText(line, { x: 20, y: height - 40 - index * 22, size: 14, font }));
  const png = await renderFirstPage(await source.save(), 3);

  const pdf = await PDFDocument.create();
  const bodyFont = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of before) {
    const textPage = pdf.addPage([595, 842]);
    page.forEach((line, index) => textPage.drawText(line, { x: 60, y: 760 - index * 14, size: 11, font: bodyFont }));
  }
  const image = await pdf.embedPng(png);
  const scan = pdf.addPage([width, height]);
  scan.drawImage(image, { x: 0, y: 0, width, height });
  return pdf.save();
}

/** The first page of a PDF as a PNG, through pdfjs and the canvas it brings for Node. */
async function renderFirstPage(bytes: Uint8Array, scale: number): Promise<Buffer> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createRequire } = await import('node:module');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdf = await getDocument({ data: bytes, standardFontDataUrl: join(root, 'standard_fonts') + '/', disableFontFace: true, isEvalSupported: false }).promise;
  try {
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale });
    const factory = (pdf as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(type: string): Buffer }; context: unknown } } }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // A white sheet, as paper is: the canvas starts transparent.
    const ctx = context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await pdf.destroy();
  }
}
