import { describe, expect, it } from 'vitest';
import { isMarginText } from '../../src/ingest/pdf-margins.js';

describe('isMarginText', () => {
  it('knows a page number by its shape', () => {
    for (const text of ['12', 'Page 3 of 9', 'page 4/10', '- 7 -']) expect(isMarginText(text), text).toBe(true);
  });

  it('does not take a year alone for a page number (a table cell wrapped onto the last line of a page)', () => {
    expect(isMarginText('2019')).toBe(false);
    expect(isMarginText('1998')).toBe(false);
  });
});
