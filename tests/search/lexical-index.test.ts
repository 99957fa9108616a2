import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/search/lexical-index.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';
import type { Passage } from '../../src/ingest/types.js';

const vocabulary = await loadSearchVocabulary('data');

function passage(id: string, text: string, title: string): Passage {
  return { id, docId: `${id}.md`, title, source: 'https://example.org', text, start: 0, end: text.length };
}

describe('LexicalIndex.has', () => {
  const index = LexicalIndex.build(
    [passage('a', 'More child services were rated inadequate in 2008.', 'More child services inadequate (BBC News)'), passage('b', 'Councils in England improved.', 'Annual figures')],
    vocabulary.normaliser,
  );
  const term = (word: string) => vocabulary.normaliser.term(word)!;

  it('knows a term that stands only in a title, as well as one in the text', () => {
    expect(index.has(term('bbc'))).toBe(true);
    expect(index.has(term('england'))).toBe(true);
    expect(index.has(term('scotland'))).toBe(false);
  });

  it('counts document frequency over the text alone, for BM25 weights', () => {
    // "bbc" is in no passage's text: the rarest weight; "inadequate" is in one of two.
    expect(index.idf(term('bbc'))).toBeGreaterThan(index.idf(term('inadequate')));
  });
});
