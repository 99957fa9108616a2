import { readdir, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeArtifact } from '../../src/store/artifact-codec.js';
import { PassageStore } from '../../src/store/passage-store.js';
import { INDEX_FORMAT_VERSION } from '../../src/store/types.js';
import { DIM, MODEL, generations, makeDocument, randomUnitVector, sampleDocuments, seededRandom, storeWith, tempIndexDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempIndexDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PassageStore round trip', () => {
  it('saves and loads the same passages, documents, artifacts, and searches the nearest vector first', async () => {
    const documents = sampleDocuments();
    const store = storeWith(documents);
    const lexical = { terms: { council: [1, 2, 3] }, averageLength: 12.5, nested: [{ a: 'é ü – “quotes”' }] };
    store.setArtifact('bm25', lexical);
    store.setArtifact('figures', [{ value: 42, unit: '%' }]);
    await store.save(dir);

    expect(PassageStore.exists(dir)).toBe(true);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.model).toBe(MODEL);
    expect(loaded.dimension).toBe(DIM);
    expect(loaded.passages()).toEqual(store.passages());
    expect(loaded.documents()).toEqual(store.documents());
    expect(loaded.document('b.md')?.passageIds).toHaveLength(7);
    expect(loaded.getArtifact('bm25')).toEqual(lexical);
    expect(loaded.getArtifact('figures')).toEqual([{ value: 42, unit: '%' }]);
    expect(loaded.getArtifact('missing')).toBeUndefined();

    const manifest = loaded.manifest;
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.documentCount).toBe(3);
    expect(manifest.passageCount).toBe(29);
    expect(Object.keys(manifest.files).sort()).toEqual(['artifact-bm25.bin', 'artifact-figures.bin', 'hnsw.bin', 'passages.bin']);
    expect(await generations(dir)).toEqual([manifest.generation]);
    expect(Date.parse(manifest.builtAt)).not.toBeNaN();

    for (const { passages, vectors } of documents) {
      for (let i = 0; i < passages.length; i += 3) {
        const hits = loaded.searchVectors(vectors[i] as Float32Array, 5);
        expect(hits).toHaveLength(5);
        expect(hits[0]?.passage.id).toBe(passages[i]?.id);
        expect(hits[0]?.similarity).toBeCloseTo(1, 4);
        // Most similar first.
        for (let h = 1; h < hits.length; h++) expect(hits[h - 1]!.similarity).toBeGreaterThanOrEqual(hits[h]!.similarity);
      }
    }
    const first = loaded.passages()[0]!;
    expect(loaded.passage(first.id)).toEqual(first);
    expect(loaded.byLabel(first.label)).toEqual(first);
  });

  it('returns every passage when k exceeds the passage count, and nothing when empty or k is 0', async () => {
    const empty = PassageStore.create({ model: MODEL, dimension: DIM });
    const query = randomUnitVector(seededRandom(9));
    expect(empty.searchVectors(query, 10)).toEqual([]);

    const store = storeWith([makeDocument('only.md', 3, seededRandom(2))]);
    expect(store.searchVectors(query, 50)).toHaveLength(3);
    expect(store.searchVectors(query, 0)).toEqual([]);
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL });
    expect(loaded.searchVectors(query, 1000)).toHaveLength(3);
  });

  it('saves and loads an empty index', async () => {
    await PassageStore.create({ model: MODEL, dimension: DIM }).save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.passages()).toEqual([]);
    expect(loaded.searchVectors(randomUnitVector(seededRandom(1)), 5)).toEqual([]);
  });

  it('rejects a query of the wrong dimension', () => {
    const store = storeWith(sampleDocuments());
    expect(() => store.searchVectors(new Float32Array(DIM + 1), 3)).toThrow(/dimensions/);
  });
});

describe('PassageStore growth, removal and replacement', () => {
  it('grows past its initial capacity', async () => {
    const random = seededRandom(3);
    const documents = Array.from({ length: 10 }, (_, d) => makeDocument(`doc-${d}.md`, 5, random));
    const store = storeWith(documents, { initialCapacity: 4 });
    expect(store.passages()).toHaveLength(50);
    expect(store.manifest.hnsw.capacity).toBeGreaterThanOrEqual(50);
    const check = (s: PassageStore) => {
      for (const { passages, vectors } of documents) {
        passages.forEach((passage, i) => expect(s.searchVectors(vectors[i] as Float32Array, 1)[0]?.passage.id).toBe(passage.id));
      }
    };
    check(store);
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.passages()).toHaveLength(50);
    check(loaded);
  });

  it('removes a document from search results and counts, also after save and load', async () => {
    const documents = sampleDocuments();
    const store = storeWith(documents);
    const removedDoc = documents[1]!;
    expect(store.removeDocument('b.md')).toBe(7);
    expect(store.removeDocument('b.md')).toBe(0);
    expect(store.removeDocument('never-there.md')).toBe(0);

    const check = (s: PassageStore) => {
      expect(s.document('b.md')).toBeUndefined();
      expect(s.documents().map((d) => d.docId).sort()).toEqual(['a.md', 'c.md']);
      expect(s.passages()).toHaveLength(22);
      expect(s.manifest.passageCount).toBe(22);
      expect(s.manifest.documentCount).toBe(2);
      for (const passage of removedDoc.passages) expect(s.passage(passage.id)).toBeUndefined();
      for (const vector of removedDoc.vectors) {
        const hits = s.searchVectors(vector, 100);
        expect(hits).toHaveLength(22);
        expect(hits.every((hit) => hit.passage.docId !== 'b.md')).toBe(true);
      }
    };
    check(store);
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    check(loaded);
    // The deleted slots survive a save (few deletions: no compaction) and are accounted for.
    expect(loaded.manifest.hnsw.deletedCount).toBe(7);
  });

  it('returns nothing once everything is deleted, and saves and loads that state', async () => {
    const documents = sampleDocuments();
    const store = storeWith(documents);
    for (const { doc } of documents) store.removeDocument(doc.docId);
    expect(store.searchVectors(documents[0]!.vectors[0]!, 5)).toEqual([]);
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.passages()).toEqual([]);
    expect(loaded.searchVectors(documents[0]!.vectors[0]!, 5)).toEqual([]);
  });

  it('replaces a document that is added again with the same docId', async () => {
    const random = seededRandom(4);
    const documents = sampleDocuments();
    const store = storeWith(documents);
    const replacement = makeDocument('a.md', 4, random, { version: 'v2' });
    store.addDocument(replacement.doc, replacement.passages, replacement.vectors);

    const check = (s: PassageStore) => {
      expect(s.documents()).toHaveLength(3);
      expect(s.document('a.md')?.hash).toBe('hash-a.md-v2');
      expect(s.document('a.md')?.passageIds).toEqual(replacement.passages.map((p) => p.id));
      expect(s.passages()).toHaveLength(4 + 7 + 12);
      for (const old of documents[0]!.passages) expect(s.passage(old.id)).toBeUndefined();
      for (const vector of documents[0]!.vectors) {
        expect(s.searchVectors(vector, 50).some((hit) => hit.passage.id.includes('#v1') && hit.passage.docId === 'a.md')).toBe(false);
      }
      replacement.passages.forEach((passage, i) => expect(s.searchVectors(replacement.vectors[i]!, 1)[0]?.passage.id).toBe(passage.id));
    };
    check(store);
    expect(store.manifest.hnsw.deletedCount).toBe(10);
    await store.save(dir);
    check(await PassageStore.load(dir, { model: MODEL, dimension: DIM }));
  });

  it('keeps labels unique when documents are added to a loaded index that has deleted slots', async () => {
    const random = seededRandom(5);
    const store = storeWith([makeDocument('a.md', 10, random), makeDocument('b.md', 10, random), makeDocument('c.md', 3, random)]);
    // c.md holds the highest labels: once deleted, only the graph still knows them.
    store.removeDocument('c.md');
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.manifest.hnsw.deletedCount).toBe(3);
    const added = [makeDocument('d.md', 20, random), makeDocument('e.md', 3, random)];
    for (const { doc, passages, vectors } of added) loaded.addDocument(doc, passages, vectors);
    const labels = loaded.passages().map((p) => p.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const { passages, vectors } of added) {
      passages.forEach((passage, i) => expect(loaded.searchVectors(vectors[i]!, 1)[0]?.passage.id).toBe(passage.id));
    }
    await loaded.save(dir);
    const again = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(again.passages()).toHaveLength(10 + 10 + 20 + 3);
    // The new generation and the one it replaced, kept one save longer for readers that opened it.
    expect(await generations(dir)).toHaveLength(2);
  });

  it('compacts the graph on save when a third or more of its slots are deleted', async () => {
    const random = seededRandom(6);
    const documents = Array.from({ length: 6 }, (_, d) => makeDocument(`doc-${d}.md`, 10, random));
    const store = storeWith(documents);
    for (let d = 0; d < 5; d++) store.removeDocument(`doc-${d}.md`);
    await store.save(dir);
    expect(store.manifest.hnsw.deletedCount).toBe(0);
    expect(store.manifest.hnsw.elementCount).toBe(10);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.passages()).toHaveLength(10);
    const last = documents[5]!;
    last.passages.forEach((passage, i) => expect(loaded.searchVectors(last.vectors[i]!, 1)[0]?.passage.id).toBe(passage.id));
    expect(loaded.passages().map((p) => p.label).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });

  it('adds a large document in steps, yielding between them, to the same store addDocument makes', () => {
    const random = seededRandom(5);
    const big = makeDocument('big.md', 25, random);
    const stepped = storeWith(sampleDocuments());
    const whole = storeWith(sampleDocuments());
    const yielded = [...stepped.addingDocument(big.doc, big.passages, big.vectors, 10)];
    whole.addDocument(big.doc, big.passages, big.vectors);
    // Vectors put in the graph before each pause: 10, then 20; the last 5 end the steps.
    expect(yielded).toEqual([10, 20]);
    expect(stepped.passages()).toEqual(whole.passages());
    expect(stepped.document('big.md')?.passageIds).toEqual(big.passages.map((p) => p.id));
    big.passages.forEach((passage, i) => expect(stepped.searchVectors(big.vectors[i] as Float32Array, 1)[0]?.passage.id).toBe(passage.id));
    // The checks come before the first step: bad input changes nothing.
    expect(() => [...stepped.addingDocument({ ...big.doc, docId: 'x.md' }, big.passages, big.vectors, 10)]).toThrow(/belongs to document/);
    expect(stepped.passages()).toEqual(whole.passages());
  });

  it('refuses invalid input and leaves the store unchanged', () => {
    const random = seededRandom(7);
    const store = storeWith(sampleDocuments());
    const before = store.passages();
    const good = makeDocument('x.md', 3, random);
    expect(() => store.addDocument(good.doc, good.passages, good.vectors.slice(1))).toThrow(/3 passages but 2 vectors/);
    expect(() => store.addDocument(good.doc, good.passages, good.vectors.map(() => new Float32Array(DIM + 1)))).toThrow(/dimensions/);
    expect(() => store.addDocument(good.doc, [good.passages[0]!, good.passages[0]!], good.vectors.slice(1))).toThrow(/twice/);
    const stolen = { ...good.passages[0]!, id: before[0]!.id };
    expect(() => store.addDocument(good.doc, [stolen], [good.vectors[0]!])).toThrow(/already used by document a\.md/);
    const nan = new Float32Array(DIM).fill(Number.NaN);
    expect(() => store.addDocument(good.doc, [good.passages[0]!], [nan])).toThrow(/not finite/);
    expect(() => store.addDocument({ ...good.doc, docId: 'other.md' }, good.passages, good.vectors)).toThrow(/belongs to document/);
    expect(store.passages()).toEqual(before);
    expect(store.document('x.md')).toBeUndefined();
  });

  it('saves an artifact handed over encoded as it is, and decodes it when read', async () => {
    const store = storeWith(sampleDocuments());
    const value = { figures: [{ value: 28, unit: 'percent', raw: '28%' }], version: 1 };
    const encoded = encodeArtifact(value);
    store.setEncodedArtifact('figures', encoded);
    expect(store.artifactNames()).toEqual(['figures']);
    expect(store.getArtifact('figures')).toEqual(value);
    await store.save(dir);
    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.getArtifact('figures')).toEqual(value);
    // The saved file is the bytes handed over, checked like every other file.
    expect(loaded.manifest.files['artifact-figures.bin']?.bytes).toBe(encoded.length);
    // A plain value set later replaces the encoded one.
    store.setArtifact('figures', { replaced: true });
    expect(store.getArtifact('figures')).toEqual({ replaced: true });
    expect(() => store.setEncodedArtifact('../escape', encoded)).toThrow(/Artifact name/);
  });

  it('rejects artifact names that are not plain', () => {
    const store = storeWith([]);
    expect(() => store.setArtifact('../escape', {})).toThrow(/Artifact name/);
    store.setArtifact('bm25', { a: 1 });
    store.setArtifact('bm25', undefined);
    expect(store.getArtifact('bm25')).toBeUndefined();
  });

  it('gives a manifest snapshot that does not change the store', () => {
    const store = storeWith(sampleDocuments());
    const snapshot = store.manifest;
    snapshot.documents['a.md']!.passageIds.length = 0;
    delete snapshot.documents['b.md'];
    expect(store.document('a.md')?.passageIds).toHaveLength(10);
    expect(store.manifest.documents['b.md']).toBeDefined();
    expect(snapshot.generation).toBe('');
  });
});

describe('PassageStore generations kept for readers', () => {
  it('keeps only the current generation and the one it replaced, over many saves', async () => {
    const store = storeWith(sampleDocuments());
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await store.save(dir);
      names.push(store.manifest.generation);
    }
    expect((await readdir(dir)).sort()).toEqual([names[2], names[3], 'manifest.json'].sort());
  });
});

describe('PassageStore exact search (for measuring recall)', () => {
  it('agrees with the graph on the nearest passage', () => {
    const store = storeWith(sampleDocuments());
    const target = store.passages()[7]!;
    const query = (store as unknown as { graph: { getPoint(label: number): number[] } }).graph.getPoint(target.label);
    const exact = store.exactSearch(Float32Array.from(query), 3);
    expect(exact[0]?.passage.id).toBe(target.id);
    expect(exact[0]?.similarity).toBeCloseTo(1, 5);
    expect(store.searchVectors(Float32Array.from(query), 1)[0]?.passage.id).toBe(target.id);
    expect(store.graphSettings).toMatchObject({ M: 16, efConstruction: 100, efSearch: 100 });
  });

  it('sees passages added and removed after an earlier exact search', () => {
    const documents = sampleDocuments();
    const store = storeWith(documents);
    const target = store.passages()[7]!;
    const query = Float32Array.from((store as unknown as { graph: { getPoint(label: number): number[] } }).graph.getPoint(target.label));
    expect(store.exactSearch(query, 1)[0]?.passage.id).toBe(target.id);
    store.removeDocument(target.docId);
    expect(store.exactSearch(query, 50).some((hit) => hit.passage.docId === target.docId)).toBe(false);
    const again = documents.find((document) => document.doc.docId === target.docId)!;
    store.addDocument(again.doc, again.passages, again.vectors);
    expect(store.exactSearch(query, 1)[0]?.passage.id).toBe(target.id);
  });
});
