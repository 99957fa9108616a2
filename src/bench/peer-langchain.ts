/**
 * The peer a user might pick instead of Citeline's store: LangChain.js's HNSWLib vector store, over
 * the same passages (Citeline's loaders and chunker) and the same embedding model, with its own
 * defaults (M 16, efConstruction 200, ef 10).
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Embeddings } from '@langchain/core/embeddings';
import { embeddingText } from '../embed/embedding-text.js';
import type { Embedder } from '../embed/types.js';
import { chunkDocument } from '../ingest/chunk.js';
import { findReportFiles } from '../ingest/discover.js';
import { loadDocuments } from '../ingest/load-document.js';
import type { Passage } from '../ingest/types.js';
import { nearestRows } from '../store/nearest-rows.js';
import type { VectorStoreUnderTest } from './vector-store.js';

/** Citeline's embedder behind LangChain's Embeddings interface: the same vectors for both stores. */
class CitelineEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.embedder.embed(documents)).map((vector) => Array.from(vector));
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedder.embed([document]);
    return Array.from(vector ?? []);
  }
}

export async function passagesOf(reportsDir: string): Promise<Passage[]> {
  const found = await findReportFiles([reportsDir]);
  const passages: Passage[] = [];
  for await (const outcome of loadDocuments(found.files, found.root)) {
    if ('error' in outcome) throw outcome.error;
    passages.push(...chunkDocument(outcome.document));
  }
  return passages;
}

/** hnswlib's default search depth, which LangChain's store keeps. */
const PEER_EF = 10;

const pointsOf = new WeakMap<HNSWLib, { matrix: Float32Array; ids: string[] }>();

export function langChainPeer(embedder: Embedder): VectorStoreUnderTest<HNSWLib> {
  const embeddings = new CitelineEmbeddings(embedder);
  const idOf = (store: HNSWLib, label: number) => String(store.docstore.search(String(label)).metadata.id);
  return {
    name: 'LangChain.js HNSWLib',
    ef: PEER_EF,
    // Timed like Citeline's ingest: from the report files to a saved index.
    async ingest(reportsDir, indexDir) {
      const passages = await passagesOf(reportsDir);
      const store = await HNSWLib.fromTexts(passages.map(embeddingText), passages.map((p) => ({ id: p.id, docId: p.docId })), embeddings);
      await store.save(indexDir);
      return passages.length;
    },
    load: (indexDir) => HNSWLib.load(indexDir, embeddings),
    async search(store, vector, ef) {
      store.index.setEf(ef);
      const hits = await store.similaritySearchVectorWithScore(Array.from(vector), 10);
      return hits.map(([document]) => String(document.metadata.id));
    },
    exact(store, vector) {
      // The vectors read out of the graph once per store: a recall run asks hundreds of times.
      let points = pointsOf.get(store);
      if (!points) {
        const count = store.index.getCurrentCount();
        const dimension = vector.length;
        const matrix = new Float32Array(count * dimension);
        for (let label = 0; label < count; label++) matrix.set(store.index.getPoint(label), label * dimension);
        points = { matrix, ids: Array.from({ length: count }, (_, label) => idOf(store, label)) };
        pointsOf.set(store, points);
      }
      const { matrix, ids } = points;
      return nearestRows(vector, matrix, vector.length, 10).map(({ row }) => ids[row] as string);
    },
  };
}
