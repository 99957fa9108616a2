/** Splits passages into located sentences, once each even where passages overlap. */
import { splitSentences } from '../ingest/sentences.js';
import type { Passage } from '../ingest/types.js';
import { isPipeTable, pipeTableHeader } from '../ingest/pipe-table.js';
import { pipeTableStatements, type RowCell } from './table-rows.js';

export interface PassageSentence {
  passage: Passage;
  /** Position among the passage's sentences, for finding a period named nearby. */
  index: number;
  text: string;
  /** Offsets in the document (the Passage offset space). */
  start: number;
  end: number;
  /** A Markdown table's line: its figures' cells (offsets in `text`), each its own statement. */
  cells?: RowCell[];
}

/** Blank lines end a sentence even without a full stop (headings, bullet items). */
const BLOCK_BREAK = /\n[ \t]*\n/g;

export function sentencesOf(passage: Passage): PassageSentence[] {
  const sentences: PassageSentence[] = [];
  // A long table's later rows, in a passage of their own, are read by the header line the chunker kept.
  const continuing = pipeTableHeader(passage.tableHeader);
  for (const block of blocksOf(passage.text)) {
    if (isPipeTable(block.text)) {
      // A table is a sentence a line, each line's figures read by the header's names for their columns.
      for (const row of pipeTableStatements(block.text, block.start === 0 ? continuing : undefined)) {
        const start = passage.start + block.start + row.start;
        sentences.push({ passage, index: sentences.length, text: row.text, start, end: start + row.text.length, cells: row.cells });
      }
      continue;
    }
    // The chunker's splitter: sentences quoted as figures are the ones the extract search quotes, and
    // abbreviations ("Cllr.") or a "!" inside a token ("<!channel>") do not cut them short.
    for (const sentence of splitSentences(block.text)) {
      const start = passage.start + block.start + sentence.start;
      sentences.push({ passage, index: sentences.length, text: sentence.text, start, end: start + sentence.text.length });
    }
  }
  return sentences;
}

function blocksOf(text: string): Array<{ text: string; start: number }> {
  const blocks: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const m of text.matchAll(BLOCK_BREAK)) {
    blocks.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  blocks.push({ text: text.slice(start), start });
  return blocks;
}

/** Remembers sentences already read: the same document position, or the same words in the same document. */
export class SentenceSeen {
  private readonly offsets = new Map<string, Set<number>>();
  private readonly texts = new Map<string, Set<string>>();

  /** True the first time a sentence is offered. */
  add(sentence: PassageSentence): boolean {
    const { docId } = sentence.passage;
    // Overlapping passages repeat sentences at the same offset: that check is the cheap one, made first.
    const offsets = setIn(this.offsets, docId);
    if (offsets.has(sentence.start)) return false;
    const texts = setIn(this.texts, docId);
    const text = /\s\s|[\t\n\r]/.test(sentence.text) ? sentence.text.replace(/\s+/g, ' ') : sentence.text;
    if (texts.has(text)) return false;
    offsets.add(sentence.start);
    texts.add(text);
    return true;
  }
}

function setIn<T>(sets: Map<string, Set<T>>, key: string): Set<T> {
  let set = sets.get(key);
  if (!set) {
    set = new Set<T>();
    sets.set(key, set);
  }
  return set;
}
