/**
 * How much of a passage a citation quotes. The chosen window is 60 words or more; a quote may hold
 * up to 90, so it takes in the neighbouring sentences the ranker believes in most, one at a time,
 * while they fit: the answer often stands one sentence past a window built around the sentence
 * that restates the question. Training grows its quotes the same way (src/train/cross-validate.ts).
 */
import { WINDOW_LIMITS, wordCount, type AnswerWindow } from '../search/windows.js';

/** Offsets into the passage's text. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** A sentence of the passage (offsets into its text) and the ranker's score for the window built around it. */
export interface ScoredSentence extends QuoteSpan {
  score: number;
}

/**
 * The quoted span grown by whole sentences that touch it (only blank space between), the one
 * scoring higher first, while the quote stays within `maxWords`.
 */
export function growQuote(passageText: string, quoted: QuoteSpan, sentences: readonly ScoredSentence[], maxWords = WINDOW_LIMITS.maxWords): QuoteSpan {
  let { start, end } = quoted;
  for (;;) {
    const touching = sentences.filter(
      (s) => (s.end <= start && passageText.slice(s.end, start).trim() === '') || (s.start >= end && passageText.slice(end, s.start).trim() === ''),
    );
    const next = touching
      .filter((s) => wordCount(passageText.slice(Math.min(start, s.start), Math.max(end, s.end))) <= maxWords)
      .sort((a, b) => b.score - a.score)[0];
    if (!next) return { start, end };
    start = Math.min(start, next.start);
    end = Math.max(end, next.end);
  }
}

/** A window's best sentence as offsets into its passage's text (a window keeps them into its own text), with the window's score. */
export function scoredSentence(window: Pick<AnswerWindow, 'start' | 'focusStart' | 'focusEnd'>, score: number): ScoredSentence {
  return { start: window.start + window.focusStart, end: window.start + window.focusEnd, score };
}

/** The quote of a ranked window: grown by the sentences of the windows of its passage among `ranked`. */
export function quoteSpan(quoted: AnswerWindow, ranked: readonly { window: AnswerWindow; score: number }[]): QuoteSpan {
  const sentences = ranked.filter((item) => item.window.hit.passage.id === quoted.hit.passage.id).map(({ window, score }) => scoredSentence(window, score));
  return growQuote(quoted.hit.passage.text, quoted, sentences);
}
