import { describe, expect, it } from 'vitest';
import { extractiveReply } from '../../src/answer/extractive.js';
import type { RankedWindow } from '../../src/search/ranker.js';
import { bestTableRow } from '../../src/search/table-focus.js';
import { windowsOf } from '../../src/search/windows.js';
import { passage, question, vocabulary, windowFrom } from '../search/signals.helpers.js';

/** Every window of the passages, scored by the order given (first best). */
function ranked(texts: { id: string; text: string; page?: number }[]): RankedWindow[] {
  const all = texts.flatMap(({ id, text, page }, rank) =>
    windowsOf({ passage: passage(text, { id, docId: `${id}.md`, ...(page !== undefined ? { page } : {}) }), score: 1, lexical: 1, semantic: 0 }, rank, { minWords: 8, maxWords: 30 }),
  );
  return all.map((window, i) => ({ evidence: windowFrom(window), values: {}, score: all.length - i }));
}

describe('the extractive reply', () => {
  const asked = question('how many carers left?');
  const list = ranked([
    { id: 'p1', text: 'Carers were surveyed in spring. Some 310 carers left the service that year. Most cited pay.', page: 4 },
    { id: 'p2', text: 'A second survey followed in the autumn with similar questions about pay and hours.' },
  ]);
  const settings = { maxCitations: 3, declineBelow: 0.5, noAnswerText: 'The reports do not seem to answer this.' };

  it("leads with the best window's sentence and cites each passage once, best first, its sentence marked", () => {
    const reply = extractiveReply(asked.query, list, { confidence: 0.9, answerable: 0.9 }, settings);
    expect(reply.answered).toBe(true);
    expect(reply.answer).toBe('Carers were surveyed in spring.');
    expect(reply.citations.map((c) => c.passageId)).toEqual(['p1', 'p2']);
    const [first] = reply.citations;
    expect(first!.extract.slice(first!.focus!.start, first!.focus!.end)).toBe(reply.answer);
    expect(first!.extract).toContain('310 carers left');
    expect(first!.page).toBe(4);
    expect(reply.confidence).toBe(0.9);
  });

  it('declines below the threshold, still showing the closest extracts', () => {
    const reply = extractiveReply(asked.query, list, { confidence: 0.9, answerable: 0.3 }, settings);
    expect(reply.answered).toBe(false);
    expect(reply.answer).toBe(settings.noAnswerText);
    // The confidence shown is never above the probability that the reports answer at all.
    expect(reply.confidence).toBe(0.3);
    expect(reply.citations.length).toBe(2);
  });

  it('quotes the neighbouring sentence the ranker believes in most while the quote stays within 90 words', () => {
    const long = (topic: string) => `${topic} ${Array.from({ length: 33 }, (_, i) => `word${i}`).join(' ')}.`;
    const sentences = [long('Opening remarks'), long('Carers were surveyed'), long('Some 310 carers left'), long('Closing remarks')];
    // One window a sentence (35 words each); the lead is the second, and the third's window scores above the first's.
    const windows = windowsOf({ passage: passage(sentences.join(' '), { id: 'p1', docId: 'p1.md' }), score: 1, lexical: 1, semantic: 0 }, 0, { minWords: 8, maxWords: 40 });
    const scores = [1, 4, 3, 0];
    const items = windows.map((window, i) => ({ evidence: windowFrom(window), values: {}, score: scores[i]! })).sort((a, b) => b.score - a.score);
    const [first] = extractiveReply(asked.query, items, { confidence: 0.9, answerable: 0.9 }, settings).citations;
    expect(first!.extract).toBe(`${sentences[1]} ${sentences[2]}`);
    expect(first!.extract.slice(first!.focus!.start, first!.focus!.end)).toBe(sentences[1]);
  });

  it('leads with the row of a table that answers, under its header, and marks that row in the quoted table', () => {
    const table = ['Harbour | Berths let | Boats waiting', 'Eastpoint | 140 | 35', 'Westreach | 96 | 12'].join('\n');
    const boats = question('how many boats are waiting at westreach?');
    const [window] = windowsOf({ passage: passage(table, { id: 't1', docId: 't1.md' }), score: 1, lexical: 1, semantic: 0 }, 0, { minWords: 8, maxWords: 60 });
    const focusRow = bestTableRow(window!.sentence, { text: boats.query.text, weights: boats.termWeights }, (text) => vocabulary.normaliser.terms(text));
    const reply = extractiveReply(boats.query, [{ evidence: { ...windowFrom(window!), ...(focusRow ? { focusRow } : {}) }, values: {}, score: 1 }], { confidence: 0.9, answerable: 0.9 }, settings);
    expect(reply.answer).toBe('Harbour | Berths let | Boats waiting\nWestreach | 96 | 12');
    const [cited] = reply.citations;
    expect(cited!.extract).toBe(table);
    expect(cited!.extract.slice(cited!.focus!.start, cited!.focus!.end)).toBe('Westreach | 96 | 12');
    // The figures picked out are the answering row's, not every number of the table.
    expect(cited!.figures).toEqual(['96', '12']);
  });

  it("leads with a long table's later row under the header line its passage keeps", () => {
    const rest = ['Westreach | 96 | 12', 'Northgate | 210 | 48'].join('\n');
    const tableHeader = 'Harbour | Berths let | Boats waiting';
    const boats = question('how many boats are waiting at northgate?');
    const [window] = windowsOf({ passage: passage(rest, { id: 't2', docId: 't2.md', tableHeader }), score: 1, lexical: 1, semantic: 0 }, 0, { minWords: 8, maxWords: 60 });
    const focusRow = bestTableRow(window!.sentence, { text: boats.query.text, weights: boats.termWeights }, (text) => vocabulary.normaliser.terms(text), tableHeader);
    const reply = extractiveReply(boats.query, [{ evidence: { ...windowFrom(window!), ...(focusRow ? { focusRow } : {}) }, values: {}, score: 1 }], { confidence: 0.9, answerable: 0.9 }, settings);
    expect(reply.answer).toBe(`${tableHeader}\nNorthgate | 210 | 48`);
    // The quote is the passage's own lines: the header stands in an earlier passage.
    expect(reply.citations[0]!.extract).toBe(rest);
  });

  it('cites no more passages than asked', () => {
    expect(extractiveReply(asked.query, list, { confidence: 0.9, answerable: 0.9 }, { ...settings, maxCitations: 1 }).citations).toHaveLength(1);
  });
});
