import { describe, expect, it } from 'vitest';
import { countedAsked, countsOtherThings } from '../../src/answer/counted.js';
import type { Passage } from '../../src/ingest/types.js';

const report: Passage = { id: 'p', docId: 'annual.md', title: 'Annual report', source: 'https://example.org/annual', text: '', start: 0, end: 0 };
const countsOther = (extract: string, question: string) => countsOtherThings(extract, report, countedAsked(question));

describe('what a question counts, and extracts that count something else', () => {
  it('reads what follows "how many" or "share of", and nothing from a question that counts nothing', () => {
    expect(countedAsked("how many children's homes were outstanding?")).toEqual(["children's homes"]);
    expect(countedAsked('what share of councils were inadequate?')).toEqual(['local authorities']);
    expect(countedAsked('why did ratings fall?')).toEqual([]);
  });

  it('takes a figure that says what it counts at its word', () => {
    expect(countsOther('The report draws on more than 5,600 inspections.', 'how many councils were inspected?')).toBe(true);
    expect(countsOther('The report draws on more than 5,600 inspections.', 'how many inspections did it draw on?')).toBe(false);
    // Schools and colleges are counted things too, so a council figure is no answer about them.
    expect(countsOther('In 2008, 9% of councils inspected were considered outstanding.', 'what % of primary schools are rated outstanding?')).toBe(true);
    expect(countsOther('In 2008, 9% of councils inspected were considered outstanding.', 'what % of FE colleges were outstanding?')).toBe(true);
  });

  it('reads a graded figure with no noun of its own as a count of what Ofsted grades', () => {
    const graded = 'The seven judged “inadequate” in this report are: Birmingham; Coventry and Slough.';
    expect(countsOther(graded, 'how many social workers left Birmingham after its inadequate rating?')).toBe(true);
    expect(countsOther(graded, 'how many councils were judged inadequate?')).toBe(false);
    expect(countsOther('Today 18% are rated good and 28% inadequate.', 'what share of councils were rated inadequate?')).toBe(false);
  });

  it('says nothing of an extract whose figures count nothing it can tell, or that has none', () => {
    expect(countsOther('It rose to 28 in a year.', 'how many social workers left?')).toBe(false);
    expect(countsOther('Ratings fell sharply.', 'how many social workers left?')).toBe(false);
  });
});
