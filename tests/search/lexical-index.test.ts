import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/search/lexical-index.js';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';
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

  it("knows the columns a long table's later passage is read by (its header line, kept as a heading is)", () => {
    const rows = { ...passage('c', 'Westreach | 96 | 12\nNorthgate | 210 | 48', 'Harbour survey'), tableHeader: 'Harbour | Moorings | Dinghies' };
    const withHeader = LexicalIndex.build([rows, passage('d', 'Other text.', 'Other')], vocabulary.normaliser);
    expect(withHeader.has(term('dinghies'))).toBe(true);
    expect(withHeader.search([{ term: term('dinghies'), weight: 1 }], 5).map((hit) => hit.id)).toEqual(['c']);
  });

  it('counts document frequency over the text alone, for BM25 weights', () => {
    // "bbc" is in no passage's text: the rarest weight; "inadequate" is in one of two.
    expect(index.idf(term('bbc'))).toBeGreaterThan(index.idf(term('inadequate')));
  });
});

describe('LexicalIndex.search', () => {
  const passages = [
    passage('a', 'Ofsted rated the council inadequate. The council appealed.', 'Inspection outcomes'),
    passage('b', 'Most councils were rated good or requires improvement.', 'Inspection outcomes'),
    passage('c', 'Spending on children in care rose again.', 'Council spending'),
    passage('d', 'Inadequate ratings fell; inadequate councils improved within two years.', 'Improvement after inadequate'),
  ];
  const index = LexicalIndex.build(passages, vocabulary.normaliser);
  const terms = (...words: string[]) => words.map((word) => ({ term: vocabulary.normaliser.term(word)!, weight: 1 }));

  it('ranks passages holding more of the question and its rarer words first, and says which terms matched', () => {
    const hits = index.search(terms('inadequate', 'council'), 10);
    // "councils" in b and "Council" in c's title stem to the same term: they match one word of two.
    expect(hits.map((hit) => hit.id).slice(0, 2)).toEqual(['d', 'a']);
    expect(hits.map((hit) => hit.id).slice(2).sort()).toEqual(['b', 'c']);
    expect(hits[0]!.matchedTerms.sort()).toEqual([vocabulary.normaliser.term('council'), vocabulary.normaliser.term('inadequate')].sort());
    expect(hits[3]!.matchedTerms).toEqual([vocabulary.normaliser.term('council')]);
  });

  it('keeps only the best `limit`, and finds nothing for a word no passage holds', () => {
    expect(index.search(terms('inadequate', 'council'), 2).map((hit) => hit.id)).toEqual(['d', 'a']);
    expect(index.search(terms('hovercraft'), 10)).toEqual([]);
  });

  it('weights a term as asked: doubling one word moves the passage holding it up', () => {
    const plain = index.search(terms('spending', 'rated'), 10);
    const spendingFirst = index.search([...terms('rated'), { term: vocabulary.normaliser.term('spending')!, weight: 3 }], 10);
    expect(plain[0]!.score).toBeGreaterThan(0);
    expect(spendingFirst[0]!.id).toBe('c');
  });

  it('searches the same after saving and loading, and refuses a saved index it cannot read', () => {
    const saved = decodeArtifact(encodeArtifact(index.toSaved())) as ReturnType<LexicalIndex['toSaved']>;
    const loaded = LexicalIndex.fromSaved(saved);
    expect(loaded.search(terms('inadequate', 'council'), 10)).toEqual(index.search(terms('inadequate', 'council'), 10));
    // Saved again after a search has decoded some terms and not others: the same bytes.
    expect(encodeArtifact(loaded.toSaved())).toEqual(encodeArtifact(index.toSaved()));
    expect(loaded.idf(vocabulary.normaliser.term('council')!)).toBe(index.idf(vocabulary.normaliser.term('council')!));
    // An index from the MiniSearch era, a truncated posting list, a posting past the last passage.
    expect(() => LexicalIndex.fromSaved({ documentCount: 4, index: [], serializationVersion: 2 })).toThrow();
    const truncated = structuredClone(saved);
    truncated.fields[0]!.passages = truncated.fields[0]!.passages.slice(0, 4);
    expect(() => LexicalIndex.fromSaved(truncated)).toThrow();
    // Postings are decoded term by term when first searched: one naming a passage past the last is refused then.
    const fewerPassages = { ...structuredClone(saved), ids: saved.ids.slice(0, 1), lengths: Uint8Array.from(saved.fields.map(() => 1)) };
    const opened = LexicalIndex.fromSaved(fewerPassages);
    expect(() => opened.search(terms('inadequate', 'council'), 10)).toThrow(/names a passage it does not have/);
    // The version of the base64-in-JSON era is refused, and so rebuilt by the engine.
    expect(() => LexicalIndex.fromSaved({ ...saved, version: 1 })).toThrow();
  });
});

describe('LexicalIndex date field', () => {
  it("finds a passage by the year its document is dated, though its text names none", () => {
    const dated = { ...passage('x', 'Councils said inspection drove improvement.', 'Survey of councils'), date: '2015-10' };
    const undated = passage('y', 'Councils said inspection drove improvement.', 'Survey of councils');
    const index = LexicalIndex.build([dated, undated], vocabulary.normaliser);
    const hits = index.search([{ term: '2015', weight: 1 }, { term: vocabulary.normaliser.term('councils')!, weight: 1 }], 10);
    expect(hits.map((hit) => hit.id)).toEqual(['x', 'y']);
    expect(hits[0]!.matchedTerms).toContain('2015');
    expect(index.has('2015')).toBe(true);
  });
});
