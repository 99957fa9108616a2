import { describe, expect, it } from 'vitest';
import { pageLines, paragraphs, usualLeading } from '../../src/ingest/load-pdf.js';

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
    const line = (text: string, y: number, size = 10) => ({ text, x: 0, end: text.length * size * 0.5, y, size });
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

  it('joins a range of numbers broken at its hyphen without a space: "2024-" "25" reads "2024-25"', () => {
    const line = (text: string, y: number) => ({ text, x: 0, end: text.length * 5, y, size: 10 });
    expect(paragraphs([line('Spending in 2024-', 700), line('25 rose, for pupils aged 3-', 688), line('11 and 16-18.', 676)])).toEqual(['Spending in 2024-25 rose, for pupils aged 3-11 and 16-18.']);
  });

  it('reads loosely set lines (a web page printed with line-height 1.7) as paragraphs, from the document\'s own line spacing', () => {
    // 8 pt text 13.6 apart inside a paragraph, 23 apart between paragraphs: above the fixed 1.6 ratio.
    const line = (text: string, y: number) => ({ text, x: 0, end: text.length * 4, y, size: 8 });
    const page = [
      line('The panel met in', 700),
      line('March and agreed', 686.4),
      line('three new targets.', 672.8),
      line('Members asked for', 649.8),
      line('a report in May.', 636.2),
      line('The chair closed', 613.2),
      line('the meeting early.', 599.6),
    ];
    const leading = usualLeading([page]);
    expect(leading).toBeCloseTo(1.7, 1);
    expect(paragraphs(page, leading)).toEqual([
      'The panel met in March and agreed three new targets.',
      'Members asked for a report in May.',
      'The chair closed the meeting early.',
    ]);
    // Without the document's spacing a line that opens in upper case would stand alone.
    expect(paragraphs(page.slice(0, 3))).toEqual(['The panel met in', 'March and agreed three new targets.']);
  });

  it('runs a line that opens in lower case on from one that ends mid-sentence, across a wider gap', () => {
    const line = (text: string, y: number) => ({ text, x: 0, end: text.length * 5, y, size: 10 });
    expect(paragraphs([line('Funding for the service was', 700), line('cut by a third.', 680), line('Next year', 660), line('Staff left.', 640)])).toEqual([
      'Funding for the service was cut by a third.',
      'Next year',
      'Staff left.',
    ]);
  });

  it('takes the closest common spacing as the line spacing, where most paragraphs are one line and gaps outnumber it', () => {
    // A typewritten page: lines 11 apart inside a paragraph, a blank line (22) between paragraphs.
    const line = (text: string, y: number) => ({ text, x: 0, end: text.length * 5, y, size: 10 });
    const page = [line('Notes from the quay', 700), line('Berths were counted in May.', 678), line('Repairs were agreed.', 656), line('The survey ran for', 634), line('three weeks.', 623), line('Boats came back.', 601), line('The board met.', 579), line('Fees rose by', 557), line('a tenth.', 546), line('It ran over', 524), line('budget.', 513)];
    expect(usualLeading([page])).toBeCloseTo(1.1, 2);
    expect(paragraphs(page, usualLeading([page]))).toEqual([
      'Notes from the quay', 'Berths were counted in May.', 'Repairs were agreed.', 'The survey ran for three weeks.', 'Boats came back.', 'The board met.', 'Fees rose by a tenth.', 'It ran over budget.',
    ]);
  });
});
