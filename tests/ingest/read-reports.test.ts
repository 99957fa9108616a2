import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, syntheticSentence } from '../../src/bench/synthetic-corpus.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { loadDocument } from '../../src/ingest/load-document.js';
import { READ_PROGRESS_STEP, readReports, type ReadProgress } from '../../src/ingest/read-reports.js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makeTempDir } from './fixtures.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

/** About `megabytes` MB of generated sentences in paragraphs of 3 to 9, no heading. */
function generatedText(megabytes: number, seed: number): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < megabytes * 1024 * 1024) {
    const count = 3 + Math.floor(random() * 7);
    const paragraph = Array.from({ length: count }, () => syntheticSentence(random)).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${paragraphs.join('\n\n')}\n`;
}

describe('readReports progress', () => {
  it('tells the bytes of a multi-MB text read and cut, rising several times, before its report', async () => {
    const text = generatedText(3, 11);
    const size = Buffer.byteLength(text);
    const large = await temp.write('reports/large.txt', text);
    const small = await temp.write('reports/small.txt', generatedText(0.1, 12));
    const heard: (ReadProgress | { report: string })[] = [];
    for await (const report of readReports([large, small], temp.dir, new Map(), undefined, (progress) => heard.push(progress))) {
      heard.push({ report: report.file });
    }

    // The large file's progress, all of it before its report; nothing within the small one.
    const reportAt = heard.findIndex((event) => 'report' in event && event.report === large);
    expect(heard.map((event) => ('report' in event ? event.report : 'progress')).slice(reportAt)).toEqual([large, small]);
    const progress = heard.slice(0, reportAt) as ReadProgress[];
    expect(progress.length).toBeGreaterThanOrEqual(8);
    for (const event of progress) expect(event).toMatchObject({ file: large, of: size });
    const bytes = progress.map((event) => event.bytes);
    for (let i = 1; i < bytes.length; i++) expect(bytes[i]! - bytes[i - 1]!).toBeGreaterThanOrEqual(READ_PROGRESS_STEP);
    expect(bytes[0]).toBeGreaterThan(0);
    expect(bytes[0]).toBeLessThan(size / 2);
    expect(bytes[bytes.length - 1]).toBeLessThanOrEqual(size);
    expect(bytes[bytes.length - 1]).toBeGreaterThan(size - 2 * READ_PROGRESS_STEP);
  });

  it('cuts the same passages with a listener as without', async () => {
    const path = await temp.write('same/large.txt', generatedText(1, 13));
    const reports = [];
    for await (const report of readReports([path], temp.dir, new Map(), undefined, () => {})) reports.push(report);
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report.kind).toBe('read');
    expect(report.kind === 'read' && report.passages).toEqual(chunkDocument(await loadDocument(path, temp.dir)));
  });
});

describe('readReports progress through a PDF', () => {
  it('tells the bytes of a large PDF page by page while it is loaded, before it is cut into passages', async () => {
    // Five pages of text of our own, and an attached file that makes the PDF 2.5 MB.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const lines = ['The harbour board counted the berths in spring.', 'Its survey found the eastern quay the quietest.', 'Repairs to the old walls start next year.', 'Fees for moorings rose by a tenth.', 'The ferry returns in the summer.'];
    for (const line of lines) pdf.addPage([595, 842]).drawText(line, { x: 60, y: 700, size: 12, font });
    // Bytes that do not compress, so the file stays that large.
    const random = seededRandom(5);
    await pdf.attach(Uint8Array.from({ length: 2.5 * 1024 * 1024 }, () => Math.floor(random() * 256)), 'padding.bin', { mimeType: 'application/octet-stream' });
    const bytes = await pdf.save({ useObjectStreams: false });
    const path = await temp.write('pdfs/board.pdf', bytes);
    const heard: ReadProgress[] = [];
    const reports: string[] = [];
    for await (const report of readReports([path], temp.dir, new Map(), undefined, (progress) => heard.push(progress))) reports.push(report.kind);
    expect(reports).toEqual(['read']);
    // Loading counts 0.9 of the file: what is told below that came from the pages as they were read.
    const whileLoading = heard.filter((progress) => progress.bytes < 0.9 * progress.of);
    expect(whileLoading.length).toBeGreaterThanOrEqual(3);
    const told = heard.map((progress) => progress.bytes);
    expect(told).toEqual([...told].sort((a, b) => a - b));
  });
});

