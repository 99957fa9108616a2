/**
 * Saving an index atomically: a new generation folder, its files flushed, then manifest.json
 * renamed into place (the commit point); afterwards, older generations and leftovers of interrupted
 * saves are removed. A crash at any moment leaves either the old manifest and its untouched
 * generation, or the new one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import { GZIP_LEVEL } from './artifact-codec.js';
import { describeFile, fsyncDir, fsyncFile, isCode, writeHashedBuffer, writeHashedBuffers, writeHashedFile } from './files.js';
import { GENERATION_PREFIX, HNSW_FILE, MANIFEST_FILE, MANIFEST_TEMP_FILE, PASSAGES_FILE, artifactFileName } from './manifest.js';
import { passageFileChunks } from './passage-file.js';
import type { SavedState, StoreState } from './store-state.js';
import { INDEX_FORMAT_VERSION, type IndexFile, type IndexManifest, type StoredDocument, type StoredPassage } from './types.js';

/** What a generation is written from. */
export interface GenerationContents {
  graph: HierarchicalNSW;
  /** Every live passage, in the manifest's order (the passage file's rows). */
  passages: Iterable<StoredPassage>;
  /** Each artifact by name, encoded (artifact-codec.ts); encoded one at a time as the save reaches it. */
  artifacts: Iterable<[string, Buffer]>;
  /** The manifest naming these files. */
  manifest(saved: SavedState): IndexManifest;
}

/**
 * Writes a new generation of `indexDir` and commits it. `onCommitted` is called once manifest.json
 * names it, before the last flush: from then on, the new generation is the index even if that fails.
 */
export async function writeGeneration(indexDir: string, contents: GenerationContents, onCommitted: (saved: SavedState) => void): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const generation = `${GENERATION_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  const genDir = join(indexDir, generation);
  await mkdir(genDir);
  let committed = false;
  try {
    const files: Record<string, IndexFile> = {};
    const hnswPath = join(genDir, HNSW_FILE);
    // hnswlib writes straight to this path: fine, nothing points at this folder yet.
    await contents.graph.writeIndex(hnswPath);
    await fsyncFile(hnswPath);
    files[HNSW_FILE] = await describeFile(hnswPath);
    files[PASSAGES_FILE] = await writeHashedBuffers(join(genDir, PASSAGES_FILE), passageFileChunks(contents.passages, GZIP_LEVEL));
    for (const [name, encoded] of contents.artifacts) {
      const fileName = artifactFileName(name);
      files[fileName] = await writeHashedBuffer(join(genDir, fileName), encoded);
    }
    await fsyncDir(genDir);
    // The generation folder's own entry, too, before anything points at it.
    await fsyncDir(indexDir);

    const saved: SavedState = { generation, builtAt: new Date().toISOString(), files };
    const tempPath = join(indexDir, MANIFEST_TEMP_FILE);
    await unlink(tempPath).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
    await writeHashedFile(tempPath, manifestChunks(contents.manifest(saved)));
    // The commit point.
    await rename(tempPath, join(indexDir, MANIFEST_FILE));
    committed = true;
    onCommitted(saved);
    await fsyncDir(indexDir);
    return generation;
  } catch (error) {
    // Before the commit nothing points at the new folder; after it, the folder is the index.
    if (!committed) await rm(genDir, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

/** The manifest, one document per line: readable, and no single giant string for large indexes. */
function* manifestChunks(manifest: IndexManifest): Generator<string> {
  const { documents, ...rest } = manifest;
  const head = JSON.stringify(rest);
  yield `${head.slice(0, -1)},"documents":{`;
  let first = true;
  for (const [docId, doc] of Object.entries(documents)) {
    yield `${first ? '' : ','}\n${JSON.stringify(docId)}:${JSON.stringify(doc)}`;
    first = false;
  }
  yield '\n}}\n';
}

/** The generation manifest.json points at now, if there is a readable one. */
export async function committedGeneration(indexDir: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(indexDir, MANIFEST_FILE), 'utf8')) as { generation?: unknown };
    return typeof manifest.generation === 'string' && manifest.generation.startsWith(GENERATION_PREFIX) ? manifest.generation : undefined;
  } catch {
    return undefined;
  }
}

/** Deletes every generation but those in `keep`, and temp files left by interrupted saves. */
export async function removeStaleEntries(indexDir: string, keep: readonly string[]): Promise<void> {
  const entries = await readdir(indexDir, { withFileTypes: true });
  for (const entry of entries) {
    if (keep.includes(entry.name)) continue;
    const path = join(indexDir, entry.name);
    if (entry.isDirectory() && entry.name.startsWith(GENERATION_PREFIX)) {
      await rm(path, { recursive: true, force: true }).catch(() => {});
    } else if (entry.isFile() && entry.name.endsWith('.tmp')) {
      await unlink(path).catch(() => {});
    }
  }
}

/** What a store holds that its manifest records: the store's own state, read only, and how many passages it holds. */
export type ManifestParts = Pick<StoreState, 'model' | 'dimension' | 'M' | 'efConstruction' | 'graph' | 'deletedCount'> & {
  documents: ReadonlyMap<string, StoredDocument>;
  passageCount: number;
};

/** The manifest of a store's state as of the save (or load) `saved`, its documents copied. */
export function manifestOf(parts: ManifestParts, saved: SavedState): IndexManifest {
  const documents: Record<string, StoredDocument> = {};
  for (const [docId, doc] of parts.documents) documents[docId] = { ...doc, passageIds: [...doc.passageIds] };
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    model: parts.model,
    dimension: parts.dimension,
    documentCount: parts.documents.size,
    passageCount: parts.passageCount,
    documents,
    hnsw: {
      space: 'cosine',
      M: parts.M,
      efConstruction: parts.efConstruction,
      capacity: parts.graph.getMaxElements(),
      elementCount: parts.graph.getCurrentCount(),
      deletedCount: parts.deletedCount,
    },
    files: Object.fromEntries(Object.entries(saved.files).map(([name, file]) => [name, { ...file }])),
    generation: saved.generation,
    builtAt: saved.builtAt,
  };
}
