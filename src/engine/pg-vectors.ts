/**
 * Vector search from Postgres for the hybrid searcher, whose vector source is synchronous: the
 * searcher embeds its query through the embedder given here, which asks pgvector for the query's
 * nearest passages before handing the vector back; the vector source then returns those hits for that
 * very vector. Each question's hits are keyed by its own vector object, so questions in flight at once
 * never see each other's.
 */
import type { Embedder } from '../embed/types.js';
import type { VectorSource } from '../search/types.js';
import type { PgIndexStore } from '../store/postgres/index-store.js';

export function pgVectorSearch(store: PgIndexStore, embedder: Embedder, candidates: number): { embedder: Embedder; vectors: VectorSource } {
  const found = new WeakMap<Float32Array, { id: string; similarity: number }[]>();
  const searching: Embedder = {
    model: embedder.model,
    dimension: embedder.dimension,
    async embed(texts) {
      const vectors = await embedder.embed(texts);
      // A vector of zeros (no known word) has no direction: the searcher does not search with it.
      await Promise.all(vectors.map(async (vector) => (vector.some((value) => value !== 0) ? found.set(vector, await store.nearest(vector, candidates)) : undefined)));
      return vectors;
    },
  };
  const vectors: VectorSource = {
    searchVectors(query, k) {
      const hits = found.get(query);
      if (!hits) throw new Error('pgVectorSearch: a vector searched for that was not embedded through its embedder');
      found.delete(query);
      return hits.slice(0, k).flatMap((hit) => {
        const passage = store.passage(hit.id);
        return passage ? [{ passage, similarity: hit.similarity }] : [];
      });
    },
    passage: (id) => store.passage(id),
  };
  return { embedder: searching, vectors };
}
