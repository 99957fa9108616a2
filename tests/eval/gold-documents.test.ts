import { describe, expect, it } from 'vitest';
import { missingGoldDocuments, missingGoldWarning } from '../../src/eval/gold-documents.js';
import type { EvalQuestion } from '../../src/eval/questions.js';

const questions: EvalQuestion[] = [
  { id: 'q1', question: 'how many?', doc: 'a.md', answer: '12', kind: 'stat', doc2: 'b.md', answer2: 'twelve' },
  { id: 'q2', question: 'who?', doc: 'c.md', answer: 'the board', kind: 'finding' },
  { id: 'q3', question: 'nothing', doc: null, answer: null, kind: 'unanswerable' },
];

describe('gold documents missing from the reports folder', () => {
  it('finds converted files by name without the extension', () => {
    expect(missingGoldDocuments(questions, ['/tmp/x/a.pdf', '/tmp/x/b.docx', '/tmp/x/c.html'])).toEqual([]);
    expect(missingGoldWarning(questions, ['a.pdf', 'b.pdf', 'c.txt'])).toBeUndefined();
  });

  it('names the ones that are not there', () => {
    expect(missingGoldDocuments(questions, ['a.pdf'])).toEqual(['b.md', 'c.md']);
    expect(missingGoldWarning(questions, ['a.pdf'])).toMatch(/^Warning: 2 of the questions' gold documents are not in the reports folder.*b\.md, c\.md/);
  });
});
