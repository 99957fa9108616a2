import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import type { Passage } from '../../src/ingest/types.js';
import { DEFAULT_FUSION, HybridSearcher } from '../../src/search/hybrid-searcher.js';
import { LexicalIndex } from '../../src/search/lexical-index.js';
import type { VectorSource } from '../../src/search/types.js';
import { passage, vocabulary } from './signals.helpers.js';

const passages: Passage[] = [
  passage('Eastpoint harbour let 140 moorings this season.', { id: 'moorings' }),
  passage('The ferry timetable changes in winter.', { id: 'ferry' }),
  passage('Harbour fees rose for visiting yachts.', { id: 'fees' }),
  passage('Lighthouse repairs finished early.', { id: 'lighthouse' }),
];

/** A vector source whose nearest passages, and their similarities, are given. */
function vectorsReturning(nearest: [string, number][]): VectorSource {
  const byId = new Map(passages.map((p) => [p.id, p]));
  return {
    searchVectors: (_query, k) => nearest.slice(0, k).map(([id, similarity]) => ({ passage: byId.get(id)!, similarity })),
    passage: (id) => byId.get(id),
  };
}

const embedder: Embedder = { model: 'test', dimension: 1, embed: async (texts) => texts.map(() => new Float32Array([1])) };

function searcher(nearest: [string, number][], candidates: number) {
  const settings = { ...DEFAULT_FUSION, candidates, rerank: { coverage: 0, year: 0, grade: 0, figure: 0, recency: 0 } };
  return new HybridSearcher({ lexical: LexicalIndex.build(passages, vocabulary.normaliser), vectors: vectorsReturning(nearest), embedder, vocabulary, settings });
}

describe('HybridSearcher fusion', () => {
  it('gives a passage only the words found, past the cut of the vectors list, the similarity at the cut, not 0', async () => {
    const hits = await searcher([['ferry', 0.8], ['lighthouse', 0.6]], 2).search('moorings let this season', 4);
    const moorings = hits.find((hit) => hit.passage.id === 'moorings')!;
    expect(moorings).toMatchObject({ lexical: 1, semantic: 0.6 });
  });

  it('gives it 0 when the vectors list was not cut (every passage it could hold is in it)', async () => {
    const hits = await searcher([['ferry', 0.8], ['lighthouse', 0.6]], 3).search('moorings let this season', 4);
    expect(hits.find((hit) => hit.passage.id === 'moorings')).toMatchObject({ lexical: 1, semantic: 0 });
  });

  it('gives a passage only the vectors found the lowest word score of a cut words list', async () => {
    // Two passages hold the question's words and the list keeps two: it was cut, and the ferry passage shares no word.
    const hits = await searcher([['ferry', 0.9], ['moorings', 0.5]], 2).search('eastpoint harbour fees', 4);
    const byWords = hits.filter((hit) => hit.passage.id !== 'ferry').map((hit) => hit.lexical);
    expect(byWords).toHaveLength(2);
    expect(hits.find((hit) => hit.passage.id === 'ferry')).toMatchObject({ semantic: 0.9, lexical: Math.min(...byWords) });
    expect(Math.min(...byWords)).toBeGreaterThan(0);
  });
});
