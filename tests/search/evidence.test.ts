import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import { CachedVectors } from '../../src/embed/cached-vectors.js';
import { questionEvidence, windowEvidence } from '../../src/search/evidence.js';
import { LexicalIndex } from '../../src/search/lexical-index.js';
import { loadRankerModel } from '../../src/search/ranker.js';
import { analyseQuery } from '../../src/search/query.js';
import { windowCoverage } from '../../src/search/signals/lexical.js';
import { windowsOf } from '../../src/search/windows.js';
import { passage, question, vocabulary } from './signals.helpers.js';

/** Every text the same unit vector: these tests read terms, not meaning. */
const flatEmbedder: Embedder = { model: 'flat', dimension: 1, embed: async (texts) => texts.map(() => Float32Array.of(1)) };
const tools = { sentenceVectors: new CachedVectors(flatEmbedder, 100), wordVectors: new CachedVectors(flatEmbedder, 100) };

async function evidenceFor(asked: string, text: string) {
  const q = question(asked);
  const [window] = windowsOf({ passage: passage(text), score: 1, lexical: 1, semantic: 0.5 }, 0);
  const [read] = await windowEvidence(q, [window!], tools);
  return { q, read: read! };
}

describe('window evidence', () => {
  it('marks each window with the place of the first listed figure it states, by where the figure is written', async () => {
    const text = 'Eastport logged 310 berth bookings. The harbour was quiet in winter. Westholm logged 95 berth bookings and 12 cancellations.';
    const hit = { passage: passage(text, { id: 'p1', start: 1000 }), score: 1, lexical: 1, semantic: 0.5 };
    const windows = windowsOf(hit, 0);
    const q = question('berth bookings');
    const at = (figure: string) => 1000 + text.indexOf(figure);
    const listed = [
      { passageId: 'p1', at: at('95') },
      { passageId: 'other', at: at('310') },
      { passageId: 'p1', at: at('310') },
    ];
    const read = await windowEvidence(q, windows, { ...tools, listedFigures: listed });
    for (const [i, window] of windows.entries()) {
      const holds = (figure: string) => window.text.includes(figure);
      const expected = holds('95') ? 1 : holds('310') ? 3 : 0;
      expect(read[i]!.listedFigureRank).toBe(expected);
    }
    expect(read.some((r) => r.listedFigureRank === 1)).toBe(true);
    expect((await windowEvidence(q, windows, tools)).every((r) => r.listedFigureRank === 0)).toBe(true);
  });

  it('reads a percentage as saying the words a question asks for a share by', async () => {
    const [proportion] = vocabulary.normaliser.terms('proportion');
    const stated = await evidenceFor('what proportion of carers left?', 'Some 14% of carers left that year.');
    expect(stated.read.termSet.has(proportion as string)).toBe(true);
    expect(stated.read.sentenceTerms.has(proportion as string)).toBe(true);
    expect(windowCoverage(stated.q, stated.read)).toBe(1);

    const unstated = await evidenceFor('what proportion of carers left?', 'Many carers left that year.');
    expect(unstated.read.termSet.has(proportion as string)).toBe(false);
    expect(windowCoverage(unstated.q, unstated.read)).toBeLessThan(1);
  });

  it('reads a year or a count as no share', async () => {
    const [share] = vocabulary.normaliser.terms('share');
    const { read } = await evidenceFor('what share of carers left?', 'In 2021, 140 carers left.');
    expect(read.termSet.has(share as string)).toBe(false);
  });
});

describe('question evidence', () => {
  const lexical = LexicalIndex.build([passage('Carers left the service in 2021-22.')], vocabulary.normaliser);
  const preambleOf = (asked: string) => questionEvidence(analyseQuery(asked, vocabulary), vocabulary, lexical).preambleTerms;
  const terms = (text: string) => vocabulary.normaliser.terms(text);

  it('reads the preamble that sets the scene before a colon or a spaced dash', () => {
    expect([...preambleOf('fostering review: how many carers left?')]).toEqual(terms('fostering review'));
    expect([...preambleOf('fostering review 2022 - how many carers left?')]).toEqual(terms('fostering review 2022'));
  });

  it('reads no preamble in a question without one, nor in a hyphenated year', () => {
    expect(preambleOf('how many carers left in 2021-22?').size).toBe(0);
    expect(preambleOf('how many carers left at 10:30?').size).toBe(0);
  });
});

describe('the answering row of a table', () => {
  const table = ['Harbour | Berths let | Boats waiting', 'Eastpoint (all harbours) | 446 | 95', 'Westreach | 96 | 12'].join('\n');
  const rowOf = async (withImportance: boolean) => {
    const q = question('eastpoint boats waiting at westreach?');
    const [window] = windowsOf({ passage: passage(table, { title: 'Eastpoint harbour survey' }), score: 1, lexical: 1, semantic: 0.5 }, 0);
    const model = withImportance ? (await loadRankerModel('data/ranker-weights.json')).termImportance : undefined;
    const [read] = await windowEvidence(q, [window!], { ...tools, ...(model ? { termImportance: model } : {}) });
    return read!.focusRow ? window!.sentence.slice(read!.focusRow.start, read!.focusRow.end) : undefined;
  };

  it('is the row holding the terms likeliest to stand in the answer: not the one naming what the title names', async () => {
    // Weighed alike, the two rows tie and the first is taken; the shipped term importance weighs the title's word less.
    expect(await rowOf(false)).toBe('Eastpoint (all harbours) | 446 | 95');
    expect(await rowOf(true)).toBe('Westreach | 96 | 12');
  });
});
