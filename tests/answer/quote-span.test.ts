import { describe, expect, it } from 'vitest';
import { growQuote } from '../../src/answer/quote-span.js';

// Four sentences of 12 words each; the window quotes the second and third (24 words).
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
const sentencesText = [words(11, 'alpha') + ' one.', words(11, 'beta') + ' two.', words(11, 'gamma') + ' three.', words(11, 'delta') + ' four.'];
const text = sentencesText.join(' ');
const offsets = sentencesText.map((sentence) => ({ start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length }));
const scored = (scores: number[]) => offsets.map((o, i) => ({ ...o, score: scores[i]! }));
const window = { start: offsets[1]!.start, end: offsets[2]!.end };

describe('growing a quote by the sentences around it', () => {
  it('takes in the touching sentence the ranker believes in more first, then the other while it fits', () => {
    // 48 words fit under 50: both neighbours come in, the better first (it makes no difference to the end).
    expect(growQuote(text, window, scored([0, 5, 5, 1]), 50)).toEqual({ start: 0, end: text.length });
    // Under 40 only one fits: the one whose window scores higher, on either side.
    expect(growQuote(text, window, scored([0, 5, 5, 1]), 40)).toEqual({ start: window.start, end: text.length });
    expect(growQuote(text, window, scored([2, 5, 5, 1]), 40)).toEqual({ start: 0, end: window.end });
  });

  it('keeps the window when no neighbour fits, and never skips over a sentence', () => {
    expect(growQuote(text, window, scored([9, 5, 5, 9]), 30)).toEqual(window);
    // Only the last sentence is offered: it does not touch a quote of the first two.
    const firstTwo = { start: 0, end: offsets[1]!.end };
    expect(growQuote(text, firstTwo, [{ ...offsets[3]!, score: 9 }], 90)).toEqual(firstTwo);
  });
});
