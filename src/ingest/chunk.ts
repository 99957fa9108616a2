/**
 * Documents into passages: runs of whole sentences of about `targetWords` words (between `minWords`
 * and `maxWords` where the text allows), the unit of retrieval and citation.
 *
 * - A passage never spans two pages or two headings: consecutive blocks with the same heading and page
 *   are taken together, and passages are cut inside each such section.
 * - Sentences are never cut, except one longer than `maxWords`, which is split on word boundaries.
 * - The last `overlapSentences` sentences of a passage start the next one, so an answer that falls on a
 *   boundary is still whole in one passage (the overlap is skipped when it would be most of the passage).
 * - A short piece left at the end of a section is added to the passage before it when that stays
 *   within `maxWords`.
 * - `text` is exactly `documentText(doc).slice(start, end)`, and `id` is a hash of the document id,
 *   the start offset and the text: the same on every run, different as soon as the text changes.
 */
import { createHash } from 'node:crypto';
import { splitSentences } from './sentences.js';
import { isPipeTable, pipeTableHeader } from './pipe-table.js';
import type { LoadedDocument, Passage } from './types.js';

/** How long passages are, in words, and how many sentences they share. */
export interface ChunkSizes {
  minWords?: number;
  targetWords?: number;
  maxWords?: number;
  overlapSentences?: number;
}

/**
 * Hears how far cutting a document has got: the share of the work done, from 0 to 1, rising. Told
 * after each window of sentence splitting (at most 20,000 characters), each sentence counted and
 * each passage made, so a caller showing it should throttle.
 */
export type ChunkProgress = (share: number) => void;

export interface ChunkOptions extends ChunkSizes {
  onProgress?: ChunkProgress;
}

export const DEFAULT_CHUNK_OPTIONS: Readonly<Required<ChunkSizes>> = Object.freeze({
  minWords: 60,
  targetWords: 120,
  maxWords: 200,
  overlapSentences: 1,
});

/** What blocks are joined with in the document text that passage offsets point into. */
export const BLOCK_SEPARATOR = '\n\n';

/** The document's text as passage offsets see it: the blocks' text joined by a blank line. */
export function documentText(doc: Pick<LoadedDocument, 'blocks'>): string {
  return doc.blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** The passage id: the first 16 hex digits of sha256(docId, start, text). */
export function passageId(docId: string, start: number, text: string): string {
  return createHash('sha256').update(`${docId}\n${start}\n${text}`).digest('hex').slice(0, 16);
}

interface Unit {
  start: number;
  end: number;
  words: number;
  /** A whole sentence (pieces of a long sentence are not repeated as overlap). */
  whole: boolean;
}

interface Section {
  start: number;
  end: number;
  heading?: string;
}

/** Where each page starts in the document text, and which spans were read by OCR (PDF). */
interface PageMap {
  starts: { offset: number; page: number }[];
  ocr: { start: number; end: number }[];
}

export function chunkDocument(doc: LoadedDocument, options: ChunkOptions = {}): Passage[] {
  const settings = resolveOptions(options);
  const text = documentText(doc);
  const paragraphStarts = blockStarts(doc);
  const pages = pageMap(doc, paragraphStarts);
  const progress = options.onProgress ? progressThrough(text.length, options.onProgress) : undefined;
  const passages: Passage[] = [];
  for (const section of sections(doc, paragraphStarts)) {
    for (const units of packSection(sentenceUnits(text, section, settings, progress), settings)) {
      const start = units[0]!.start;
      const end = units[units.length - 1]!.end;
      passages.push(makePassage(doc, { section, pages, paragraphStarts }, text, start, end));
      progress?.(section, 'passages', end);
    }
  }
  return passages;
}

/**
 * The passes over a section of text, each with the share of cutting it that it took (30 MB of plain
 * text, in one section: splitting into sentences 2.0-9.1 s, counting their words 0.6 s, packing
 * sentences and making passages 0.2-0.3 s).
 */
const PASSES = { split: { before: 0, share: 0.8 }, units: { before: 0.8, share: 0.15 }, passages: { before: 0.95, share: 0.05 } } as const;

type SectionProgress = (section: Section, pass: keyof typeof PASSES, offset: number) => void;

/**
 * `onProgress` told of `pass` done up to `offset` of the document text within `section`, as a share
 * of the whole: the sections before it are done, and each pass over it weighs what it took.
 */
function progressThrough(length: number, onProgress: ChunkProgress): SectionProgress {
  return (section, pass, offset) => {
    const size = section.end - section.start;
    const within = size > 0 ? Math.min(1, Math.max(0, (offset - section.start) / size)) : 1;
    onProgress(Math.min(1, (section.start + size * (PASSES[pass].before + PASSES[pass].share * within)) / Math.max(1, length)));
  };
}

function resolveOptions(options: ChunkSizes): Required<ChunkSizes> {
  const maxWords = Math.max(1, Math.floor(options.maxWords ?? DEFAULT_CHUNK_OPTIONS.maxWords));
  const minWords = Math.min(maxWords, Math.max(0, Math.floor(options.minWords ?? DEFAULT_CHUNK_OPTIONS.minWords)));
  const targetWords = Math.min(maxWords, Math.max(minWords, Math.floor(options.targetWords ?? DEFAULT_CHUNK_OPTIONS.targetWords)));
  const overlapSentences = Math.max(0, Math.floor(options.overlapSentences ?? DEFAULT_CHUNK_OPTIONS.overlapSentences));
  return { minWords, targetWords, maxWords, overlapSentences };
}

/**
 * Runs of consecutive blocks under the same heading, as spans of the document text. Pages do not
 * end a section: a PDF's text is one flow, and a passage may run across a page break.
 */
function sections(doc: LoadedDocument, starts: readonly number[]): Section[] {
  const result: Section[] = [];
  let previous: Section | undefined;
  doc.blocks.forEach((block, index) => {
    const start = starts[index] as number;
    const end = start + block.text.length;
    if (previous && previous.heading === block.heading) {
      previous.end = end;
      return;
    }
    previous = { start, end };
    if (block.heading !== undefined) previous.heading = block.heading;
    result.push(previous);
  });
  return result;
}

function pageMap(doc: LoadedDocument, blockOffsets: readonly number[]): PageMap {
  const map: PageMap = { starts: [], ocr: [] };
  doc.blocks.forEach((block, index) => {
    const offset = blockOffsets[index] as number;
    if (block.page !== undefined) map.starts.push({ offset, page: block.page });
    for (const start of block.pageStarts ?? []) map.starts.push({ offset: offset + start.offset, page: start.page });
    if (block.ocr) map.ocr.push({ start: offset, end: offset + block.text.length });
  });
  return map;
}

/** The page holding the character at `offset`: the last page start at or before it. */
function pageAt(starts: PageMap['starts'], offset: number): number | undefined {
  return starts[lastAtOrBefore(starts, offset, (start) => start.offset)]?.page;
}

/** The index of the last of `items` (in order of offset) starting at or before `offset`; -1 for none. */
function lastAtOrBefore<T>(items: readonly T[], offset: number, offsetOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offsetOf(items[middle] as T) <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The section's sentences as units, a sentence over `maxWords` split into runs of whole lines, or of words. */
function sentenceUnits(text: string, section: Section, settings: Required<ChunkSizes>, progress?: SectionProgress): Unit[] {
  const units: Unit[] = [];
  const split = progress && ((characters: number) => progress(section, 'split', section.start + characters));
  for (const sentence of splitSentences(text.slice(section.start, section.end), split)) {
    progress?.(section, 'units', section.start + sentence.end);
    const start = section.start + sentence.start;
    // Most sentences fit: counted without making an object a word, the chunker's largest cost at 10k passages.
    const count = wordCount(sentence.text);
    if (count <= settings.maxWords) {
      units.push({ start, end: section.start + sentence.end, words: count, whole: true });
      continue;
    }
    const size = Math.ceil(count / Math.ceil(count / settings.targetWords));
    units.push(...(lineRuns(sentence.text, start, size, settings.maxWords) ?? wordRuns(sentence.text, start, size)));
  }
  return units;
}

/**
 * A long run of lines (a table's rows, a list without full stops) cut between lines into runs of
 * about `size` words, so no row is cut in two; undefined when it is one line, or a line is longer
 * than `maxWords`.
 */
function lineRuns(text: string, offset: number, size: number, maxWords: number): Unit[] | undefined {
  const lines = [...text.matchAll(/[^\n]*\S[^\n]*/g)].map((match) => ({ start: offset + match.index, end: offset + match.index + match[0].length, words: wordCount(match[0]) }));
  if (lines.length < 2 || lines.some((line) => line.words > maxWords)) return undefined;
  const units: Unit[] = [];
  for (const line of lines) {
    const last = units.at(-1);
    if (last && last.words + line.words <= size) [last.end, last.words] = [line.end, last.words + line.words];
    else units.push({ ...line, whole: false });
  }
  return units;
}

/** A long sentence cut into runs of `size` words. */
function wordRuns(text: string, offset: number, size: number): Unit[] {
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: offset + match.index, end: offset + match.index + match[0].length }));
  const units: Unit[] = [];
  for (let first = 0; first < words.length; first += size) {
    const run = words.slice(first, first + size);
    units.push({ start: run[0]!.start, end: run[run.length - 1]!.end, words: run.length, whole: false });
  }
  return units;
}

/** The number of runs of non-space characters, as `/\S+/g` would find them. */
function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = SPACE.test(text[i]!);
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

const SPACE = /\s/;

/** Groups a section's units into passages. */
function packSection(units: Unit[], settings: Required<ChunkSizes>): Unit[][] {
  const { targetWords, maxWords, minWords, overlapSentences } = settings;
  const passages: { units: Unit[]; fresh: Unit[] }[] = [];
  let carry: Unit[] = [];
  let next = 0;
  while (next < units.length) {
    let current = [...carry];
    let words = sum(current);
    const fresh: Unit[] = [];
    while (next < units.length) {
      const unit = units[next]!;
      if (fresh.length > 0 && (words >= targetWords || words + unit.words > maxWords)) break;
      if (fresh.length === 0 && words + unit.words > maxWords) {
        current = []; // the overlap would push the passage over the limit: start clean
        words = 0;
      }
      current.push(unit);
      fresh.push(unit);
      words += unit.words;
      next += 1;
    }
    passages.push({ units: current, fresh });
    carry = overlapFrom(current, fresh, overlapSentences, Math.floor(targetWords / 2));
  }

  // A short tail joins the passage before it when both fit in one.
  const last = passages[passages.length - 1];
  const before = passages[passages.length - 2];
  if (last && before && sum(last.units) < minWords && sum(before.units) + sum(last.fresh) <= maxWords) {
    before.units.push(...last.fresh);
    passages.pop();
  }
  return passages.map((passage) => passage.units);
}

/** The sentences repeated at the start of the next passage: whole ones, never the whole passage. */
function overlapFrom(current: Unit[], fresh: Unit[], count: number, maxWords: number): Unit[] {
  if (count === 0) return [];
  const carry: Unit[] = [];
  for (let index = fresh.length - 1; index >= 0 && carry.length < count; index--) {
    const unit = fresh[index]!;
    if (!unit.whole || sum(carry) + unit.words > maxWords) break;
    carry.unshift(unit);
  }
  return carry.length < current.length ? carry : [];
}

function sum(units: readonly Unit[]): number {
  return units.reduce((total, unit) => total + unit.words, 0);
}

/** Where each block starts in the document text, in order. */
function blockStarts(doc: LoadedDocument): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const block of doc.blocks) {
    starts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** The number, from 1, of the block holding the character at `offset`. */
function paragraphAt(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset, (start) => start) + 1;
}

interface PassagePlace {
  section: Section;
  pages: PageMap;
  paragraphStarts: readonly number[];
}

function makePassage(doc: LoadedDocument, { section, pages, paragraphStarts }: PassagePlace, text: string, start: number, end: number): Passage {
  const passageText = text.slice(start, end);
  const passage: Passage = {
    id: passageId(doc.id, start, passageText),
    docId: doc.id,
    title: doc.title,
    source: doc.source,
    text: passageText,
    start,
    end,
  };
  if (doc.publisher) passage.publisher = doc.publisher;
  if (doc.date) passage.date = doc.date;
  if (section.heading !== undefined) passage.heading = section.heading;
  const tableHeader = tableHeaderAt(doc, paragraphStarts, start);
  if (tableHeader !== undefined) passage.tableHeader = tableHeader;
  const page = pageAt(pages.starts, start);
  const pageEnd = pageAt(pages.starts, end - 1);
  if (page !== undefined) passage.page = page;
  if (page !== undefined && pageEnd !== undefined && pageEnd > page) passage.pageEnd = pageEnd;
  if (pages.ocr.some((span) => span.start < end && span.end > start)) passage.ocr = true;
  passage.paragraph = paragraphAt(paragraphStarts, start);
  return passage;
}

/** The header line of the Markdown table a passage starting at `offset` opens inside of, past that line. */
function tableHeaderAt(doc: LoadedDocument, blockOffsets: readonly number[], offset: number): string | undefined {
  const index = lastAtOrBefore(blockOffsets, offset, (start) => start);
  const block = doc.blocks[index];
  if (!block || offset <= blockOffsets[index]! || !isPipeTable(block.text) || !pipeTableHeader(block.text)) return undefined;
  return block.text.split('\n', 1)[0];
}
