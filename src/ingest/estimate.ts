/**
 * How many passages a set of report files will make, guessed from their sizes before any is read:
 * ingest decides from it, before reading, whether a worker thread reads the reports and builds the
 * search indexes.
 * A guess only; a wrong one costs a fraction of a second, never a different index.
 */
import { stat } from 'node:fs/promises';
import { formatOf } from './formats.js';
import type { DocumentFormat } from './types.js';

/**
 * Bytes of file per passage, by format. Text formats measured: the 30 eval reports (Markdown) make
 * a passage per 855 bytes, the benchmark's generated reports one per 837. The others carry more
 * than their text (HTML its page chrome, PDF and Word their compressed streams and fonts), so they
 * are guessed larger per passage, which errs towards reading a large PDF as smaller than it is.
 */
const BYTES_PER_PASSAGE: Readonly<Record<DocumentFormat, number>> = {
  markdown: 850,
  text: 850,
  html: 2500,
  docx: 3000,
  pdf: 4000,
};

export async function estimatedPassages(files: readonly string[]): Promise<number> {
  const passages = await Promise.all(
    files.map(async (file) => {
      const format = formatOf(file);
      const size = await stat(file).then((info) => info.size, () => 0);
      return format ? size / BYTES_PER_PASSAGE[format] : 0;
    }),
  );
  return Math.round(passages.reduce((sum, count) => sum + count, 0));
}

/** Each file's size in bytes (0 if it cannot be read: it will be skipped with its reason). */
export async function fileSizes(files: readonly string[]): Promise<Map<string, number>> {
  const sizes = await Promise.all(files.map((file) => stat(file).then((info) => info.size, () => 0)));
  return new Map(files.map((file, index) => [file, sizes[index]!]));
}
