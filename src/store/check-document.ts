/** The checks a document must pass before the store changes at all (addDocument is all or nothing). */
import type { Passage } from '../ingest/types.js';
import type { StoredDocument } from './types.js';

/**
 * Throws naming the first problem: no id, passages and vectors that do not pair up, a passage of
 * another document or repeated, an id another document (`ownerOf`) already uses, a vector of the
 * wrong size or not finite.
 */
export function checkNewDocument(
  doc: Omit<StoredDocument, 'passageIds'>,
  passages: readonly Passage[],
  vectors: readonly Float32Array[],
  dimension: number,
  ownerOf: (passageId: string) => string | undefined,
): void {
  if (!doc.docId) throw new Error('addDocument: docId is required');
  if (passages.length !== vectors.length) {
    throw new Error(`addDocument(${doc.docId}): ${passages.length} passages but ${vectors.length} vectors`);
  }
  const ids = new Set<string>();
  passages.forEach((passage, i) => {
    if (passage.docId !== doc.docId) {
      throw new Error(`addDocument(${doc.docId}): passage ${passage.id} belongs to document ${passage.docId}`);
    }
    if (ids.has(passage.id)) throw new Error(`addDocument(${doc.docId}): passage id ${passage.id} appears twice`);
    ids.add(passage.id);
    const owner = ownerOf(passage.id);
    if (owner !== undefined && owner !== doc.docId) {
      throw new Error(`addDocument(${doc.docId}): passage id ${passage.id} is already used by document ${owner}`);
    }
    const vector = vectors[i] as Float32Array;
    if (vector.length !== dimension) {
      throw new Error(`addDocument(${doc.docId}): vector ${i} has ${vector.length} dimensions, the index has ${dimension}`);
    }
    for (const value of vector) {
      if (!Number.isFinite(value)) throw new Error(`addDocument(${doc.docId}): vector ${i} is not finite`);
    }
  });
}
