import { describe, expect, it } from 'vitest';
import { belowFloors, formatComparison, type SetResult } from '../../src/eval/compare.js';
import { summarise, type QuestionResult } from '../../src/eval/metrics.js';
import { askEvalQuestions } from '../../src/eval/run.js';
import type { Reply } from '../../src/answer/types.js';
import type { Figure, StatsQuery } from '../../src/stats/index.js';

/** A set's results: answerable questions hit at these ranks (null: missed), and unanswerable ones declined or not. */
function result(set: string, hits: (number | null)[], unanswerableDeclined: boolean[], wronglyDeclined = 0): SetResult {
  const asked: QuestionResult[] = hits.map((hitRank, i) => ({ id: `a${i}`, kind: 'stat', question: 'q', answerable: true, answered: i >= wronglyDeclined, confidence: 0.7, hitRank: i >= wronglyDeclined ? hitRank : null }));
  const unanswerable: QuestionResult[] = unanswerableDeclined.map((declined, i) => ({ id: `u${i}`, kind: 'unanswerable', question: 'q', answerable: false, answered: !declined, confidence: 0.5, hitRank: null }));
  const citeline = summarise([...asked, ...unanswerable]);
  return { set, citeline, baseline: summarise(asked.map((q) => ({ ...q, answered: true }))) };
}

describe('eval floors', () => {
  const results = [result('dev', [1, 1, 2, null], [true, true, false, false])];

  it('passes a set at or above every floor and under its ceiling', () => {
    expect(belowFloors(results, { dev: { recall1: 0.5, recall3: 0.75, mrr: 0.6, abstainAccuracy: 0.5, falseAbstainRateAtMost: 0 } })).toEqual([]);
  });

  it('names each figure below its floor, unanswerable questions declined among them', () => {
    const problems = belowFloors(results, { dev: { recall1: 0.6, abstainAccuracy: 0.75 } });
    expect(problems).toEqual(['dev: recall1 0.500 is below its floor 0.6', 'dev: abstainAccuracy 0.500 is below its floor 0.75']);
  });

  it('names a set wrongly declining more answerable questions than its ceiling, and ignores sets without floors', () => {
    const declining = [result('transfer', [1, 1, 1, 1], [], 1), result('other', [null], [])];
    expect(belowFloors(declining, { transfer: { falseAbstainRateAtMost: 0.2 } })).toEqual(['transfer: answerable wrongly declined 0.250 is above its ceiling 0.2']);
  });
});

describe('the comparison table', () => {
  it('keeps its columns straight whatever the length of the set names', () => {
    const table = formatComparison([result('dev', [1, null], [true]), result('transfer-round2-joined', [2, 1], [])]).split('\n');
    const column = (line: string) => line.indexOf('Citeline') >= 0 ? line.indexOf('Citeline') : line.indexOf('BM25');
    const rows = table.slice(1);
    expect(new Set(rows.map(column)).size).toBe(1);
    expect(table[0]!.indexOf('system')).toBe(column(rows[0]!));
    expect(rows[2]).toContain('transfer-round2-joined');
    expect(rows[0]).toMatch(/Citeline\s+0\.50\s+0\.50/);
  });
});

describe('asking a set', () => {
  /** An engine that tells which of its two ways it was asked by: ask quotes "asked", findSources "found". */
  const engine = {
    ask: async () => reply('asked'),
    findSources: async () => reply('found'),
    stats: async (query: string) => ({ query: { text: query } as StatsQuery, everyWord: true, partly: 0, figures: query.includes('carers') ? [figure('other.md', 'Of the carers, 310 left.'), figure('r.md', 'In all, 310 carers left.')] : [] }),
  };
  function figure(docId: string, sentence: string): Figure {
    const rawStart = sentence.indexOf('310');
    return { raw: '310', rawStart, rawEnd: rawStart + 3, sentence: { text: sentence, start: 0, end: sentence.length }, citation: { docId } } as Figure;
  }
  function reply(word: string): Reply {
    return { question: 'q', answered: true, answer: word, confidence: 0.9, citations: [{ docId: 'r.md', title: 'R', source: 'r.md', location: '', extract: `${word} 310`, score: 1 } as Reply['citations'][number]] };
  }
  const questions = [{ id: 'q', question: 'how many carers left?', doc: 'r.md', answer: 'found 310', kind: 'claim' }];

  it('finds the sources of a set of claims, as Find sources does, and asks every other set', async () => {
    expect((await askEvalQuestions(engine, questions, 'claims'))[0]!.hitRank).toBe(1);
    expect((await askEvalQuestions(engine, questions))[0]!.hitRank).toBeNull();
  });

  it('looks a stats set up, hitting at the first figure listed from the gold document whose sentence holds the span, and declining by listing none', async () => {
    const lookups = [
      { id: 's1', question: 'carers left', doc: 'r.md', answer: '310 carers left', kind: 'stat' },
      { id: 's2', question: 'carers left', doc: 'r.md', answer: 'In all', kind: 'stat' },
      { id: 's3', question: 'adopters 2031', doc: null, answer: null, kind: 'unanswerable' },
    ];
    const [hit, spanWithoutFigure, none] = await askEvalQuestions(engine, lookups, 'stats');
    expect(hit).toMatchObject({ answered: true, hitRank: 2 });
    expect(spanWithoutFigure).toMatchObject({ answered: true, hitRank: null });
    expect(none).toMatchObject({ answerable: false, answered: false, hitRank: null });
  });
});
