/** Splits passages into located sentences, once each even where passages overlap. */
import { splitSentences } from '../ingest/sentences.js';
import type { Passage } from '../ingest/types.js';

export interface PassageSentence {
  passage: Passage;
  /** Position among the passage's sentences, for finding a period named nearby. */
  index: number;
  text: string;
  /** Offsets in the document (the Passage offset space). */
  start: number;
  end: number;
}

/** Blank lines end a sentence even without a full stop (headings, bullet items). */
const BLOCK_BREAK = /\n[ \t]*\n/g;

export function sentencesOf(passage: Passage): PassageSentence[] {
  const sentences: PassageSentence[] = [];
  for (const block of blocksOf(passage.text)) {
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
  private readonly keys = new Set<string>();

  /** True the first time a sentence is offered. */
  add(sentence: PassageSentence): boolean {
    // Overlapping passages repeat sentences at the same offset: that check is the cheap one, made first.
    const byOffset = `${sentence.passage.docId}@${sentence.start}`;
    if (this.keys.has(byOffset)) return false;
    const byText = `${sentence.passage.docId}:${sentence.text.replace(/\s+/g, ' ')}`;
    if (this.keys.has(byText)) return false;
    this.keys.add(byOffset);
    this.keys.add(byText);
    return true;
  }
}
