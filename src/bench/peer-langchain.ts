/**
 * The peer a user might pick instead of Citeline's store: LangChain.js's HNSWLib vector store, over
 * the same passages (Citeline's loaders and chunker) and the same embedding model. Run in its own
 * process by the benchmark, so its peak memory is its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Embeddings } from '@langchain/core/embeddings';
import { embeddingText } from '../engine/build-index.js';
import type { Embedder } from '../embed/types.js';
import { chunkDocument } from '../ingest/chunk.js';
import { findReportFiles } from '../ingest/discover.js';
import { loadDocument } from '../ingest/load-document.js';
import type { Passage } from '../ingest/types.js';
import { peakMemoryMiB, percentile, round, sizeOnDiskBytes, timed } from './measure.js';

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

export interface PeerResult {
  name: string;
  passages: number;
  ingestSeconds: number;
  passagesPerSecond: number;
  loadMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  indexMiB: number;
  peakMemoryMiB: number;
}

export async function passagesOf(reportsDir: string): Promise<Passage[]> {
  const found = await findReportFiles([reportsDir]);
  const passages: Passage[] = [];
  for (const file of found.files) passages.push(...chunkDocument(await loadDocument(file, found.root)));
  return passages;
}

export async function runLangChainPeer(name: string, reportsDir: string, embedder: Embedder, questions: readonly string[]): Promise<PeerResult> {
  const work = await mkdtemp(join(tmpdir(), 'citeline-peer-'));
  try {
    const embeddings = new CitelineEmbeddings(embedder);
    // Timed like Citeline's ingest: from the report files to a saved index.
    const ingest = await timed(async () => {
      const passages = await passagesOf(reportsDir);
      const store = await HNSWLib.fromTexts(passages.map(embeddingText), passages.map((p) => ({ id: p.id, docId: p.docId })), embeddings);
      await store.save(work);
      return passages.length;
    });
    const load = await timed(() => HNSWLib.load(work, embeddings));
    const store = load.value;
    for (const question of questions.slice(0, 3)) await store.similaritySearch(question, 10);
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) latencies.push((await timed(() => store.similaritySearch(questions[i % questions.length] as string, 10))).ms);
    return {
      name,
      passages: ingest.value,
      ingestSeconds: round(ingest.ms / 1000, 2),
      passagesPerSecond: round(ingest.value / (ingest.ms / 1000), 0),
      loadMs: round(load.ms, 0),
      queryP50Ms: round(percentile(latencies, 50)),
      queryP95Ms: round(percentile(latencies, 95)),
      indexMiB: round((await sizeOnDiskBytes(work)) / 1024 / 1024, 2),
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
