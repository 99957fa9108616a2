/**
 * Candidate answers: in each retrieved passage, every sentence with the neighbouring sentences it
 * needs to be read on its own (about 40-90 words), never crossing the passage's edges. The ranker
 * scores these windows; the best become the lead and the citations.
 */
import { splitSentences, type Sentence } from '../ingest/sentences.js';
import type { SearchHit } from './types.js';

export interface WindowLimits {
  /** A window grows by whole sentences until it holds at least this many words... */
  minWords: number;
  /** ...unless the next sentence would take it past this many. */
  maxWords: number;
}

export const WINDOW_LIMITS: WindowLimits = { minWords: 60, maxWords: 90 };

export interface AnswerWindow {
  hit: SearchHit;
  /** The passage's place in the search results, 0 for the first. */
  rank: number;
  /** The sentence the window is built around: the lead when this window is the best. */
  sentence: string;
  /** What is quoted, exactly as it stands in the passage. */
  text: string;
  /** Offsets of `sentence` within `text`. */
  focusStart: number;
  focusEnd: number;
  /** Offsets of `text` within the passage's text. */
  start: number;
  end: number;
  /** The sentences `text` spans, in order (the best one among them). */
  sentences: readonly string[];
}

export function windowsOf(hit: SearchHit, rank: number, limits: WindowLimits = WINDOW_LIMITS): AnswerWindow[] {
  const text = hit.passage.text;
  const sentences = splitSentences(text);
  const words = sentences.map((sentence) => wordCount(sentence.text));
  return sentences.map((sentence, index) => {
    const [first, last] = grow(index, words, limits);
    const start = (sentences[first] as Sentence).start;
    const end = (sentences[last] as Sentence).end;
    return {
      hit,
      rank,
      sentence: sentence.text,
      text: text.slice(start, end),
      focusStart: sentence.start - start,
      focusEnd: sentence.end - start,
      start,
      end,
      sentences: sentences.slice(first, last + 1).map((s) => s.text),
    };
  });
}

/**
 * The first and last sentence of the window around sentence `index`: neighbours are taken after and
 * before in turn, so the sentence stands with what leads into it and what follows from it.
 */
function grow(index: number, words: readonly number[], limits: WindowLimits): [number, number] {
  let first = index;
  let last = index;
  let total = words[index] ?? 0;
  let afterTurn = true;
  while (total < limits.minWords) {
    const after = words[last + 1];
    const before = words[first - 1];
    const fitsAfter = after !== undefined && total + after <= limits.maxWords;
    const fitsBefore = before !== undefined && total + before <= limits.maxWords;
    if (!fitsAfter && !fitsBefore) break;
    if (fitsAfter && (afterTurn || !fitsBefore)) {
      last += 1;
      total += after;
    } else {
      first -= 1;
      total += before as number;
    }
    afterTurn = !afterTurn;
  }
  return [first, last];
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
