import { describe, expect, it } from 'vitest';
import { formatSummary, hitRank, summarise, type QuestionResult } from '../../src/eval/metrics.js';
import type { EvalQuestion } from '../../src/eval/questions.js';

const question: EvalQuestion = { id: 'q1', question: 'what share?', doc: 'a.md', answer: '28% rated', kind: 'stat', doc2: 'b.md', answer2: '28 per cent' };

describe('hitRank', () => {
  it('counts a citation from the gold document holding the gold span', () => {
    expect(hitRank(question, [{ docId: 'x.md', extract: '28% rated' }, { docId: 'reports/a.md', extract: 'so 28% rated Inadequate' }])).toBe(2);
  });

  it('accepts the second gold document and span', () => {
    expect(hitRank(question, [{ docId: 'b.md', extract: 'about 28 per cent' }])).toBe(1);
  });

  it('accepts a third gold document and span, and no span of one document in another', () => {
    const three: EvalQuestion = { ...question, doc3: 'c.md', answer3: 'Inadequate | 28%' };
    expect(hitRank(three, [{ docId: 'x.md', extract: 'nothing' }, { docId: 'c.md', extract: 'Inadequate | 28% | 2015' }])).toBe(2);
    expect(hitRank(three, [{ docId: 'a.md', extract: 'Inadequate | 28% | 2015' }])).toBeNull();
    expect(hitRank(question, [{ docId: 'c.md', extract: 'Inadequate | 28% | 2015' }])).toBeNull();
  });

  it('matches the gold document by name whatever its extension, and quotes and dashes in either form', () => {
    expect(hitRank(question, [{ docId: 'converted/a.pdf', extract: 'so 28% rated' }])).toBe(1);
    expect(hitRank(question, [{ docId: 'ab.pdf', extract: 'so 28% rated' }])).toBeNull();
    const quoted: EvalQuestion = { id: 'q2', question: 'which grade?', doc: 'c.md', answer: '‘Good’ in 2013–14', kind: 'finding' };
    expect(hitRank(quoted, [{ docId: 'c.docx', extract: "rated 'Good' in 2013-14" }])).toBe(1);
  });

  it('reads a line break or a run of spaces inside the span as one space', () => {
    expect(hitRank(question, [{ docId: 'a.pdf', extract: 'so 28%\n  rated Inadequate' }])).toBe(1);
  });

  it('finds a span copied from a Markdown table row in the row as a PDF or DOCX reads it, cells in order', () => {
    const row = { id: 'r', question: 'q', doc: 'b.md', answer: 'Harbourside | 12 | 340 | 6.5%', kind: 'stat' };
    expect(hitRank(row, [{ docId: 'b.pdf', extract: 'Area: Homes, Beds, Vacancy rate\nHarbourside: 12, 340, 6.5%' }])).toBe(1);
    expect(hitRank(row, [{ docId: 'b.docx', extract: 'Harbourside: Homes 12, Beds 340, Vacancy rate 6.5%' }])).toBe(1);
  });

  it('needs every cell of a table span, in order, each whole and close to the last', () => {
    const row = { id: 'r', question: 'q', doc: 'b.md', answer: 'Harbourside | 12 | 340 | 6.5%', kind: 'stat' };
    expect(hitRank(row, [{ docId: 'b.pdf', extract: 'Harbourside: 12, 340' }])).toBeNull();
    expect(hitRank(row, [{ docId: 'b.pdf', extract: 'Harbourside: 340, 12, 6.5%' }])).toBeNull();
    expect(hitRank(row, [{ docId: 'b.pdf', extract: 'Harbourside: 120, 3400, 6.5%' }])).toBeNull();
    expect(hitRank(row, [{ docId: 'b.pdf', extract: `Harbourside: 12, ${'and more words between the cells '.repeat(3)}340, 6.5%` }])).toBeNull();
  });

  it('needs both the document and the exact span', () => {
    expect(hitRank(question, [{ docId: 'x.md', extract: '28% rated' }, { docId: 'a.md', extract: '28 % rated' }])).toBeNull();
  });
});

describe('summarise', () => {
  const results: QuestionResult[] = [
    { id: 'a', kind: 'stat', question: 'a', answerable: true, answered: true, confidence: 0.9, hitRank: 1 },
    { id: 'b', kind: 'stat', question: 'b', answerable: true, answered: false, confidence: 0.2, hitRank: 4 },
    { id: 'c', kind: 'finding', question: 'c', answerable: true, answered: true, confidence: 0.7, hitRank: null },
    { id: 'd', kind: 'unanswerable', question: 'd', answerable: false, answered: false, confidence: 0.1, hitRank: null },
  ];

  it('computes recall, MRR and declining over the right questions, a declined reply counting as no hit', () => {
    const summary = summarise(results);
    // b's answer stood fourth among extracts shown as the closest, not as an answer: no hit.
    expect(summary).toMatchObject({ n: 4, answerable: 3, recall1: 0.333, recall3: 0.333, recall5: 0.333, mrr: 0.333, abstainAccuracy: 1, falseAbstainRate: 0.333 });
    expect(summary.byKind.find((k) => k.kind === 'stat')).toMatchObject({ n: 2, recall5: 0.5, declined: 1 });
  });

  it('lists the misses in the printed table', () => {
    const text = formatSummary(summarise(results));
    expect(text).toContain('recall@5 0.33');
    // Counts beside the shares, so a share just over a target is not rounded onto it.
    expect(text).toContain('unanswerable 1.000 (1 of 1)');
    expect(text).toContain('answerable wrongly 0.333 (1 of 3)');
    expect(text).toMatch(/b \[stat\] rank 4 declined/);
    expect(text).not.toMatch(/a \[stat\]/);
  });
});
