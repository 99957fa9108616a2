import { describe, expect, it } from 'vitest';
import { foldPunctuation } from '../../src/util/fold-punctuation.js';

describe('foldPunctuation', () => {
  it('folds curly quotes, dashes, ligatures and odd spaces to one form', () => {
    expect(foldPunctuation('the ‘Sound’ rating in 2013–14 — “so far”')).toBe(`the 'Sound' rating in 2013-14 - "so far"`);
    expect(foldPunctuation('ﬁrst ﬂoor')).toBe('first floor');
    expect(foldPunctuation('12\u00a0berths')).toBe('12 berths');
  });

  it('makes the same text of either form', () => {
    expect(foldPunctuation("harbour's 'Good' 2019-20")).toBe(foldPunctuation('harbour’s ‘Good’ 2019–20'));
  });
});
