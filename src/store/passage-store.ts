/**
 * The on-disk index: passages, their vectors in an HNSW graph (cosine), and named JSON artifacts that
 * other modules keep beside them (the BM25 index, the figures index).
 *
 * Layout of an index folder:
 *   manifest.json            the commit point: names the current generation and every file's size and sha256
 *   gen-<time>-<random>/     one build: hnsw.bin, passages.bin (passage-file.ts), artifact-<name>.bin (artifact-codec.ts)
 *   ingest.lock              held while an ingest writes (see lock.ts)
 *
 * Loading checks every file before reading it (load-generation.ts); saving writes a new generation
 * and commits it atomically (save-generation.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Passage } from '../ingest/types.js';
import { ArtifactShelf } from './artifact-shelf.js';
import { loadIndex, type ExpectedIndex } from './load-generation.js';
import { MANIFEST_FILE } from './manifest.js';
import { VectorMatrix } from './nearest-rows.js';
import { checkNewDocument } from './check-document.js';
import { DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH, DEFAULT_INITIAL_CAPACITY, DEFAULT_M, newGraph } from './graph.js';
import { committedGeneration, manifestOf, removeStaleEntries, writeGeneration } from './save-generation.js';
import { readSavedPassage } from './saved-passages.js';
import type { PassageEntry, SavedPassages, SavedState, StoreState } from './store-state.js';
import { IndexLoadError, type IndexManifest, type StoredDocument, type StoredPassage } from './types.js';

export { GRAPH_DEFAULTS } from './graph.js';

export interface CreateOptions {
  model: string;
  dimension: number;
  /** HNSW out-degree (default 16). */
  M?: number;
  /** HNSW build-time candidate list (default 100). */
  efConstruction?: number;
  /** Graph slots allocated up front; the graph doubles when it is full (default 1024). */
  initialCapacity?: number;
}

export type { ExpectedIndex } from './load-generation.js';

export interface VectorHit {
  passage: StoredPassage;
  /** 1 - cosine distance: 1 for the same direction, 0 for orthogonal. */
  similarity: number;
}

export class PassageStore {
  readonly model: string;
  readonly dimension: number;
  private readonly M: number;
  private readonly efConstruction: number;
  private graph: HierarchicalNSW;
  /**
   * Graph slots marked deleted. They are not reused: hnswlib's replace-deleted insert repairs so many
   * links it is ~10x slower than a fresh insert. Instead save() compacts once they are a third of the graph.
   */
  private deletedCount: number;
  /** Labels are never reused (a deleted slot keeps its label), so they only grow, until compaction. */
  private nextLabel: number;
  private readonly docs: Map<string, StoredDocument>;
  /** Insertion order is document order: a document's passages are added together. */
  private readonly byId: Map<string, PassageEntry>;
  /** By graph label: labels run from 0 up (a save compacts them once half are deleted), so a list, not a Map. */
  private entriesByLabel: (PassageEntry | undefined)[];
  private readonly savedPassages: SavedPassages | undefined;
  private readonly artifacts: ArtifactShelf;
  /** Artifacts held as saved (artifact-codec.ts): set by setEncodedArtifact, decoded on first get. */
  private saved: SavedState;
  private saving = false;
  /** For exactSearch only; dropped whenever passages change. */
  private exactVectors: VectorMatrix<PassageEntry> | undefined;

  private constructor(state: StoreState) {
    this.model = state.model;
    this.dimension = state.dimension;
    this.M = state.M;
    this.efConstruction = state.efConstruction;
    this.graph = state.graph;
    this.deletedCount = state.deletedCount;
    this.nextLabel = state.nextLabel;
    this.docs = state.documents;
    this.byId = state.passages;
    this.entriesByLabel = state.entriesByLabel;
    this.savedPassages = state.savedPassages;
    this.artifacts = new ArtifactShelf(state.artifacts);
    this.saved = state.saved;
  }

  /** An empty store, in memory until `save`. */
  static create(options: CreateOptions): PassageStore {
    const { model, dimension } = options;
    if (!model) throw new Error('PassageStore.create: model is required');
    if (!Number.isInteger(dimension) || dimension <= 0) throw new Error(`PassageStore.create: invalid dimension ${dimension}`);
    const M = options.M ?? DEFAULT_M;
    const efConstruction = options.efConstruction ?? DEFAULT_EF_CONSTRUCTION;
    return new PassageStore({
      model,
      dimension,
      M,
      efConstruction,
      graph: newGraph(dimension, Math.max(1, options.initialCapacity ?? DEFAULT_INITIAL_CAPACITY), M, efConstruction),
      deletedCount: 0,
      nextLabel: 0,
      documents: new Map(),
      passages: new Map(),
      entriesByLabel: [],
      artifacts: new Map(),
      saved: { generation: '', builtAt: '', files: {} },
    });
  }

  /** Whether the folder holds a saved index (which may still fail to load if damaged). */
  static exists(indexDir: string): boolean {
    return existsSync(join(indexDir, MANIFEST_FILE));
  }

  /**
   * Loads the index saved in `indexDir`, verifying every file against the manifest first.
   * Throws IndexLoadError when there is no index, it has another format version, another model or
   * dimension, or any file is missing, truncated, altered or inconsistent with the others.
   */
  static async load(indexDir: string, expected: ExpectedIndex): Promise<PassageStore> {
    return new PassageStore(await loadIndex(indexDir, expected));
  }


  /** A copy of what the manifest records for the current state (generation and files: of the last save or load). */
  get manifest(): IndexManifest {
    return this.buildManifest(this.saved);
  }

  /** The indexed documents. Treat them as read-only. */
  documents(): StoredDocument[] {
    return [...this.docs.values()];
  }

  document(docId: string): StoredDocument | undefined {
    return this.docs.get(docId);
  }

  /** Every live passage, grouped by document in reading order. Treat them as read-only. */
  passages(): StoredPassage[] {
    return [...this.byId.values()].map((entry) => this.read(entry));
  }

  passage(id: string): StoredPassage | undefined {
    const entry = this.byId.get(id);
    return entry && this.read(entry);
  }

  byLabel(label: number): StoredPassage | undefined {
    const entry = this.entriesByLabel[label];
    return entry && this.read(entry);
  }

  /** A passage's document (its id and title), without reading the passage. */
  documentOf(id: string): StoredDocument | undefined {
    return this.docs.get(this.byId.get(id)?.docId ?? '');
  }

  /** The entry's passage, reading its block of the saved file (every passage of it) the first time. */
  private read(entry: PassageEntry): StoredPassage {
    return entry.passage ?? readSavedPassage(this.savedPassages, entry);
  }

  get passageCount(): number {
    return this.byId.size;
  }

  /**
   * Adds a document with its passages and their vectors (one per passage, in order), replacing any
   * document with the same docId. The graph grows as needed. Nothing changes if the input is invalid.
   */
  addDocument(doc: Omit<StoredDocument, 'passageIds'>, passages: readonly Passage[], vectors: readonly Float32Array[]): void {
    for (const _ of this.addingDocument(doc, passages, vectors)) continue;
  }

  /**
   * addDocument in steps: yields after every `step` vectors put in the graph (insertion is
   * synchronous, about a second per 15,000 vectors here), so a caller can turn the event loop between
   * them. Between steps the store holds part of the document: an ingest's store is its own until it
   * is saved, and one abandoned midway is not.
   */
  *addingDocument(doc: Omit<StoredDocument, 'passageIds'>, passages: readonly Passage[], vectors: readonly Float32Array[], step = 2000): Generator<number> {
    this.assertWritable('addDocument');
    checkNewDocument(doc, passages, vectors, this.dimension, (id) => this.byId.get(id)?.docId);
    this.exactVectors = undefined;
    this.removeDocument(doc.docId);

    this.ensureCapacity(passages.length);
    const passageIds: string[] = [];
    for (const [i, passage] of passages.entries()) {
      if (i > 0 && i % step === 0) yield i;
      const label = this.nextLabel;
      this.nextLabel += 1;
      this.graph.addPoint(Array.from(vectors[i] as Float32Array), label);
      const stored: StoredPassage = { ...passage, label };
      const entry: PassageEntry = { id: stored.id, docId: stored.docId, label, passage: stored, row: -1 };
      this.byId.set(stored.id, entry);
      this.entriesByLabel[label] = entry;
      passageIds.push(stored.id);
    }
    this.docs.set(doc.docId, {
      docId: doc.docId,
      hash: doc.hash,
      title: doc.title,
      source: doc.source,
      format: doc.format,
      passageIds,
    });
  }

  /** Removes a document and its passages (their vectors leave search at once). Returns how many passages went. */
  removeDocument(docId: string): number {
    this.assertWritable('removeDocument');
    const doc = this.docs.get(docId);
    if (!doc) return 0;
    this.exactVectors = undefined;
    let removed = 0;
    for (const id of doc.passageIds) {
      const passage = this.byId.get(id);
      if (!passage) continue;
      this.graph.markDelete(passage.label);
      this.deletedCount += 1;
      this.byId.delete(id);
      this.entriesByLabel[passage.label] = undefined;
      removed += 1;
    }
    this.docs.delete(docId);
    return removed;
  }

  /** The k passages nearest to `query` (fewer when the index holds fewer), most similar first. */
  searchVectors(query: Float32Array, k: number, ef?: number): VectorHit[] {
    return this.nearestEntries(query, k, ef).map(({ entry, similarity }) => ({ passage: this.read(entry), similarity }));
  }

  /**
   * `searchVectors`, the passages' ids only: the graph alone, no passage read (a saved index reads its
   * passages a block at a time, when a reply first needs them). What the benchmark times as a vector store.
   */
  nearestIds(query: Float32Array, k: number, ef?: number): { id: string; similarity: number }[] {
    return this.nearestEntries(query, k, ef).map(({ entry, similarity }) => ({ id: entry.id, similarity }));
  }

  private nearestEntries(query: Float32Array, k: number, ef?: number): { entry: PassageEntry; similarity: number }[] {
    if (query.length !== this.dimension) {
      throw new Error(`searchVectors: query has ${query.length} dimensions, the index has ${this.dimension}`);
    }
    const live = this.byId.size;
    const wanted = Math.min(Math.floor(k), live);
    if (!(wanted > 0)) return [];
    this.graph.setEf(Math.max(wanted, Math.floor(ef ?? DEFAULT_EF_SEARCH)));
    const { distances, neighbors } = this.graph.searchKnn(Array.from(query), wanted);
    const hits: { entry: PassageEntry; similarity: number }[] = [];
    neighbors.forEach((label, i) => {
      const entry = this.entriesByLabel[label];
      if (entry) hits.push({ entry, similarity: 1 - (distances[i] ?? 1) });
    });
    return hits;
  }

  /**
   * The exact nearest passages by scanning every live vector: slow, for measuring the graph's recall
   * (npm run bench), never for answering.
   */
  exactSearch(query: Float32Array, k: number): VectorHit[] {
    return this.exactEntries(query, k).map(({ entry, similarity }) => ({ passage: this.read(entry), similarity }));
  }

  /** `exactSearch`, the passages' ids only. */
  exactIds(query: Float32Array, k: number): { id: string; similarity: number }[] {
    return this.exactEntries(query, k).map(({ entry, similarity }) => ({ id: entry.id, similarity }));
  }

  private exactEntries(query: Float32Array, k: number): { entry: PassageEntry; similarity: number }[] {
    // The vectors read out of the graph once, until the store changes: a recall run asks hundreds of times.
    this.exactVectors ??= VectorMatrix.of(this.graph, [...this.byId.values()], this.dimension);
    return this.exactVectors.nearest(query, k);
  }

  /** The graph's build settings and search depth, for reports. */
  get graphSettings(): { M: number; efConstruction: number; efSearch: number } {
    return { M: this.M, efConstruction: this.efConstruction, efSearch: DEFAULT_EF_SEARCH };
  }

  /** Keeps a value with the index (JSON, whose Uint8Arrays are kept as bytes), saved and loaded with it. `undefined` removes it. */
  setArtifact(name: string, data: unknown): void {
    this.assertWritable('setArtifact');
    this.artifacts.set(name, data);
  }

  /**
   * Keeps an artifact already encoded by `encodeArtifact` (artifact-codec.ts), saved as it is: ingest
   * encodes its large artifacts on a worker thread, so the main thread neither copies nor re-encodes them.
   */
  setEncodedArtifact(name: string, encoded: Uint8Array): void {
    this.assertWritable('setEncodedArtifact');
    this.artifacts.setEncoded(name, encoded);
  }

  getArtifact<T>(name: string): T | undefined {
    return this.artifacts.get<T>(name);
  }

  artifactNames(): string[] {
    return this.artifacts.names();
  }

  /**
   * Saves atomically into `indexDir`: a new generation folder, flushed, then the manifest renamed into
   * place; older generations and leftovers of interrupted saves are removed afterwards. Do not change
   * the store while a save runs.
   */
  async save(indexDir: string): Promise<void> {
    this.assertWritable('save');
    this.saving = true;
    let generation: string;
    // The generation being replaced stays one save longer: a reader that opened it just before this
    // commit can finish reading it (a reader that is slower still retries from the new manifest).
    const replaced = await committedGeneration(indexDir);
    try {
      if (this.deletedCount > 0 && this.deletedCount * 2 >= this.byId.size) this.compact();
      generation = await this.writeGeneration(indexDir);
    } finally {
      this.saving = false;
    }
    // Committed: what follows only tidies up, and a failure there must not fail the save.
    await removeStaleEntries(indexDir, [generation, ...(replaced ? [replaced] : [])]).catch(() => {});
  }

  private writeGeneration(indexDir: string): Promise<string> {
    const contents = {
      graph: this.graph,
      passages: this.passagesInManifestOrder(),
      artifacts: this.artifacts.toSave(),
      manifest: (saved: SavedState) => this.buildManifest(saved),
    };
    return writeGeneration(indexDir, contents, (saved) => {
      this.saved = saved;
    });
  }



  /** Rebuilds the graph with only live points, relabelled 0..n-1 in passage order. All or nothing. */
  private compact(): void {
    this.exactVectors = undefined;
    const live = [...this.byId.values()];
    const graph = newGraph(this.dimension, Math.max(live.length, DEFAULT_INITIAL_CAPACITY), this.M, this.efConstruction);
    live.forEach((entry, label) => graph.addPoint(this.graph.getPoint(entry.label), label));
    this.graph = graph;
    this.deletedCount = 0;
    this.nextLabel = live.length;
    this.entriesByLabel = live;
    live.forEach((entry, label) => {
      entry.label = label;
      if (entry.passage) entry.passage.label = label;
    });
  }

  /** Every live passage, document by document as the manifest lists them: the saved file's row order. */
  private *passagesInManifestOrder(): Generator<StoredPassage> {
    for (const document of this.docs.values()) {
      for (const id of document.passageIds) yield this.read(this.byId.get(id)!);
    }
  }

  private ensureCapacity(count: number): void {
    const needed = this.graph.getCurrentCount() + count;
    const capacity = this.graph.getMaxElements();
    if (needed > capacity) this.graph.resizeIndex(Math.max(needed, capacity * 2));
  }

  private assertWritable(operation: string): void {
    if (this.saving) throw new Error(`PassageStore.${operation}: the store is being saved; wait for save() to finish.`);
  }

  private buildManifest(saved: SavedState): IndexManifest {
    const { model, dimension, M, efConstruction, graph, deletedCount, docs } = this;
    return manifestOf({ model, dimension, M, efConstruction, graph, deletedCount, documents: docs, passageCount: this.byId.size }, saved);
  }

}

