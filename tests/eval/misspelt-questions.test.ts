import { describe, expect, it } from 'vitest';
import { misspellLongestWord } from '../../src/eval/misspelt-questions.js';

describe('questions with a typing slip', () => {
  it('swaps the two middle letters of the longest word of seven letters or more, the first of equal length', () => {
    expect(misspellLongestWord('what share of councils were rated inadequate?')).toBe('what share of councils were rated inadqeuate?');
    expect(misspellLongestWord('Councils reviewed')).toBe('Coucnils reviewed');
  });

  it('leaves a question with no word that long as it was', () => {
    expect(misspellLongestWord('who is the DCS?')).toBe('who is the DCS?');
  });
});
