import { describe, expect, it } from 'vitest';
import { pageLines, paragraphs } from '../../src/ingest/load-pdf.js';

/** A pdfjs text item at (x, y), 10 pt, 5 pt per character. */
const item = (str: string, x: number, y: number, hasEOL = false) => ({
  str,
  x,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  hasEOL,
  dir: 'ltr',
  fontName: 'f1',
});

describe('PDF text items to lines and paragraphs', () => {
  it('joins items on one baseline, adding a space only where there is a gap', () => {
    const lines = pageLines([item('Inade', 0, 700), item('quate', 25, 700), item('ratings', 60, 700), { type: 'beginMarkedContent' }, item('rose', 100, 700, true), item('Next', 0, 688)]);
    expect(lines.map((line) => line.text)).toEqual(['Inadequate ratings rose', 'Next']);
  });

  it('starts a new line when the baseline moves even without hasEOL', () => {
    const lines = pageLines([item('First line', 0, 700), item('Second line', 0, 688)]);
    expect(lines.map((line) => line.text)).toEqual(['First line', 'Second line']);
  });

  it('keeps close lines in one paragraph and splits at larger gaps, column jumps and size changes', () => {
    const line = (text: string, y: number, size = 10) => ({ text, x: 0, y, size });
    expect(
      paragraphs([
        line('A wrapped', 700),
        line('sentence ends here.', 688),
        line('New paragraph', 660),
        line('Top of next column', 700),
        line('Big heading', 680, 18),
        line('Councils awaiting re-', 655),
        line('inspection: 12', 643),
      ]),
    ).toEqual(['A wrapped sentence ends here.', 'New paragraph', 'Top of next column', 'Big heading', 'Councils awaiting reinspection: 12']);
  });
});
