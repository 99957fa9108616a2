import { describe, expect, it } from 'vitest';
import { joinDocuments, pointQuestionsAt } from '../../src/eval/joined-collection.js';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';
import type { EvalQuestion } from '../../src/eval/questions.js';

const documents = [
  { name: 'c-fostering.md', text: 'title: Fostering in the county\nsource: https://example.org/c\n\nThe county recruited 40 foster carers.\n' },
  { name: 'a-leavers.md', text: 'title: Care leavers\n\nMost care leavers were in touch with the council.\n' },
  { name: 'b-notes.txt', text: 'Plain notes with no header.\n' },
];

describe('a collection joined into long reports', () => {
  it('joins documents in name order, so many to a file, each under a heading of its title', () => {
    const files = joinDocuments(documents, 2);
    expect(files.map((f) => [f.name, f.holds])).toEqual([
      ['joined-1.md', ['a-leavers.md', 'b-notes.txt']],
      ['joined-2.md', ['c-fostering.md']],
    ]);
    const first = parseFrontMatter(files[0]!.text);
    expect(first.title).toBe('Collected reports, part 1');
    // The document's own header is gone; its title is the section's heading, a headerless one is named by its file.
    expect(first.body).toBe('# Care leavers\n\nMost care leavers were in touch with the council.\n\n# b-notes\n\nPlain notes with no header.\n');
    expect(files[1]!.text).not.toContain('source:');
  });

  it('refuses a number of documents per file that is not a whole number of at least one', () => {
    expect(() => joinDocuments(documents, 0)).toThrow(/at least 1/);
    expect(() => joinDocuments(documents, 2.5)).toThrow(/whole number/);
  });

  it('points each question\'s gold documents at the file holding them, whatever their extension', () => {
    const files = joinDocuments(documents, 2);
    const questions: EvalQuestion[] = [
      { id: 'a', question: 'how many foster carers?', doc: 'c-fostering.pdf', answer: '40 foster carers', kind: 'stat', doc2: 'a-leavers.md', answer2: 'in touch', doc3: 'c-fostering.md', answer3: 'forty carers' },
      { id: 'b', question: 'what is the canteen menu?', doc: null, answer: null, kind: 'offtopic' },
    ];
    const pointed = pointQuestionsAt(questions, files);
    expect(pointed[0]).toMatchObject({ doc: 'joined-2.md', doc2: 'joined-1.md', doc3: 'joined-2.md', answer: '40 foster carers', answer2: 'in touch', answer3: 'forty carers' });
    expect(pointed[1]).toEqual(questions[1]);
  });
});
