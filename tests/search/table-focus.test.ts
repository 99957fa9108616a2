import { describe, expect, it } from 'vitest';
import { bestTableRow, windowTableRow } from '../../src/search/table-focus.js';
import { windowsOf } from '../../src/search/windows.js';
import { passage, vocabulary } from './signals.helpers.js';

const termsOf = (text: string) => vocabulary.normaliser.terms(text);
/** The question with each term weighted 1, or as given. */
const asked = (text: string, weights: Record<string, number> = {}) => ({ text, weights: new Map(termsOf(text).map((term) => [term, weights[term] ?? 1])) });

describe('bestTableRow', () => {
  const table = ['Harbour | Berths let | Boats waiting', 'Eastpoint | 140 | 35', 'Westreach | 96 | 12', 'Northgate | 210 | 48'].join('\n');
  const lineOf = (text: string, focus: { start: number; end: number } | undefined) => (focus ? text.slice(focus.start, focus.end) : undefined);
  const best = (question: string, weights?: Record<string, number>) => lineOf(table, bestTableRow(table, asked(question, weights), termsOf));

  it('marks the row holding most of the question, with the header line over it', () => {
    const focus = bestTableRow(table, asked('how many boats are waiting at westreach?'), termsOf);
    expect(lineOf(table, focus)).toBe('Westreach | 96 | 12');
    expect(focus?.header).toEqual({ start: 0, end: table.indexOf('\n') });
  });

  it('reads the rows of a long table\'s later passage by the header line kept for it, and gives that line as its header', () => {
    const rest = ['Westreach | 96 | 12', 'Northgate | 210 | 48'].join('\n');
    const header = 'Harbour | Berths let | Boats waiting';
    // "berths" names the column: read under the header, both rows hold it and the place decides.
    const focus = bestTableRow(rest, asked('berths let at northgate'), termsOf, header);
    expect(lineOf(rest, focus)).toBe('Northgate | 210 | 48');
    expect(focus?.header).toEqual({ line: header });
  });

  it('weighs rarer terms more, and takes the first row on a tie', () => {
    expect(best('northgate or eastpoint berths', { northgat: 3 })).toBe('Northgate | 210 | 48');
    expect(best('northgate or eastpoint berths')).toBe('Eastpoint | 140 | 35');
  });

  it('reads a month however it is shortened, in the question or in a row', () => {
    const quarters = ['Quarter | Boats waiting', 'Jan to Mar 2025 | 35', 'Apr to Jun 2025 | 41', 'Jul to Sept 2025 | 44'].join('\n');
    const row = (question: string) => lineOf(quarters, bestTableRow(quarters, asked(question), termsOf));
    expect(row('boats waiting at the end of june 2025?')).toBe('Apr to Jun 2025 | 41');
    expect(row('boats waiting in sep 2025')).toBe('Jul to Sept 2025 | 44');
  });

  it('marks no row of a text that is no table, or when no row says anything the question asks', () => {
    expect(bestTableRow('Eastpoint let 140 berths. Westreach let 96.', asked('westreach berths'), termsOf)).toBeUndefined();
    expect(best('how much did dredging cost?')).toBeUndefined();
  });

  it('marks the row of the table a caption introduces, when the caption is the best sentence and the table follows it in the window', () => {
    const text = 'Table 2: Boats waiting by quay, end of season\n\nQuay | Boats waiting\nEastpoint | 35\nWestreach | 12';
    const windows = windowsOf({ passage: passage(text), score: 1, lexical: 1, semantic: 0 }, 0, { minWords: 30, maxWords: 60 });
    const caption = windows.find((window) => window.sentence.startsWith('Table 2'))!;
    const focus = windowTableRow(caption, asked('boats waiting at westreach'), termsOf);
    const at = (offset: number) => caption.text.slice(caption.focusStart + offset);
    expect(at(focus!.start).slice(0, focus!.end - focus!.start)).toBe('Westreach | 12');
    expect(focus!.header && 'start' in focus!.header ? at(focus!.header.start).slice(0, focus!.header.end - focus!.header.start) : undefined).toBe('Quay | Boats waiting');
    // A best sentence that introduces nothing marks no row of a table after it.
    const prose = windowsOf({ passage: passage(text.replace('Table 2: Boats waiting by quay, end of season', 'Boats waited longer this season.')), score: 1, lexical: 1, semantic: 0 }, 0, { minWords: 30, maxWords: 60 });
    expect(windowTableRow(prose.find((window) => window.sentence.startsWith('Boats'))!, asked('boats waiting at westreach'), termsOf)).toBeUndefined();
  });
});
