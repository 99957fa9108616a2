/** Made-up documents with random unit vectors: the store needs no embedding model to be tested. */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Passage } from '../../src/ingest/types.js';
import { PassageStore } from '../../src/store/passage-store.js';
import type { StoredDocument } from '../../src/store/types.js';

export const DIM = 16;
export const MODEL = 'test/random-16d';

// Deterministic, so failures reproduce: the same generator the benchmark's corpus uses.
import { seededRandom } from '../../src/bench/synthetic-corpus.js';

export { seededRandom };

export function randomUnitVector(random: () => number, dimension = DIM): Float32Array {
  const vector = new Float32Array(dimension);
  let norm = 0;
  for (let i = 0; i < dimension; i++) {
    const value = random() * 2 - 1;
    vector[i] = value;
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dimension; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}

export interface MadeDocument {
  doc: Omit<StoredDocument, 'passageIds'>;
  passages: Passage[];
  vectors: Float32Array[];
}

export function makeDocument(docId: string, count: number, random: () => number, options: { dimension?: number; version?: string } = {}): MadeDocument {
  const version = options.version ?? 'v1';
  const passages: Passage[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const text = `Passage ${i} of ${docId} (${version}): councils reported ${i * 7 + 3} cases.`;
    passages.push({
      id: `${docId}#${version}-${i}`,
      docId,
      title: `Title of ${docId}`,
      source: `https://example.org/${docId}`,
      heading: `Section ${Math.floor(i / 3) + 1}`,
      text,
      start: offset,
      end: offset + text.length,
    });
    offset += text.length + 2;
  }
  return {
    doc: { docId, hash: `hash-${docId}-${version}`, title: `Title of ${docId}`, source: `https://example.org/${docId}`, format: 'markdown' },
    passages,
    vectors: passages.map(() => randomUnitVector(random, options.dimension ?? DIM)),
  };
}

export function tempIndexDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'citeline-store-'));
}

/** A new store holding the documents. */
export function storeWith(documents: MadeDocument[], options: { initialCapacity?: number } = {}): PassageStore {
  const store = PassageStore.create({ model: MODEL, dimension: DIM, ...options });
  for (const { doc, passages, vectors } of documents) store.addDocument(doc, passages, vectors);
  return store;
}

/** Three documents of 10, 7 and 12 passages. */
export function sampleDocuments(seed = 1): MadeDocument[] {
  const random = seededRandom(seed);
  return [makeDocument('a.md', 10, random), makeDocument('b.md', 7, random), makeDocument('c.md', 12, random)];
}

/** The generation folders in an index folder. */
export async function generations(indexDir: string): Promise<string[]> {
  return (await readdir(indexDir)).filter((name) => name.startsWith('gen-'));
}
