import { describe, expect, it } from 'vitest';
import { windowsOf, wordCount } from '../../src/search/windows.js';
import { passage } from './signals.helpers.js';

/** A sentence of n words: the word capitalised, then repeated. */
const words = (n: number, word: string) => `${word[0]?.toUpperCase()}${word.slice(1)} ${Array.from({ length: n - 1 }, () => word).join(' ')}.`;

describe('answer windows', () => {
  const text = [words(30, 'alpha'), words(25, 'beta'), words(20, 'gamma'), words(50, 'delta')].join(' ');
  const hit = { passage: passage(text), score: 1, lexical: 1, semantic: 0 };
  const windows = windowsOf(hit, 0, { minWords: 60, maxWords: 90 });

  it('builds one window a sentence, each holding its sentence at the offsets it gives', () => {
    expect(windows).toHaveLength(4);
    for (const window of windows) {
      expect(window.text.slice(window.focusStart, window.focusEnd)).toBe(window.sentence);
      expect(text.slice(window.start, window.end)).toBe(window.text);
    }
  });

  it('grows by the sentences after and before in turn, up to the limits', () => {
    // 30 + 25 = 55 < 60, so the third sentence joins: 75 words.
    expect(wordCount(windows[0]?.text ?? '')).toBe(75);
    // 25 words, then the 20 after (45), then the 30 before (75).
    expect(windows[1]?.text.startsWith('Alpha')).toBe(true);
    expect(wordCount(windows[1]?.text ?? '')).toBe(75);
    // 20 words, then the 50 after would make 70: taken; the window stops past the minimum.
    expect(windows[2]?.text.startsWith('Gamma')).toBe(true);
    expect(wordCount(windows[2]?.text ?? '')).toBe(70);
    // The last sentence grows backwards, never past 90 words.
    expect(windows[3]?.text.endsWith('delta.')).toBe(true);
    expect(wordCount(windows[3]?.text ?? '')).toBeLessThanOrEqual(90);
    expect(wordCount(windows[3]?.text ?? '')).toBeGreaterThanOrEqual(60);
  });

  it('keeps a sentence longer than the limit whole, alone', () => {
    const long = windowsOf({ passage: passage(words(120, 'long')), score: 1, lexical: 1, semantic: 0 }, 0);
    expect(long).toHaveLength(1);
    expect(wordCount(long[0]?.text ?? '')).toBe(120);
  });
});
