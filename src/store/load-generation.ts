/**
 * Loading a saved index: the manifest, then the generation it names, every file checked against
 * the manifest (size, then sha256) before anything is read from it, and the files checked against
 * each other. Any problem is an IndexLoadError saying what is wrong.
 */
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { HierarchicalNSW } from 'hnswlib-node';
import { decodeArtifact } from './artifact-codec.js';
import { isCode } from './files.js';
import { HNSW_FILE, MANIFEST_FILE, PASSAGES_FILE, artifactNameOf, parseManifest } from './manifest.js';
import { PassageFile } from './passage-file.js';
import type { PassageEntry, StoreState } from './store-state.js';
import { INDEX_FORMAT_VERSION, IndexLoadError, type IndexManifest, type StoredDocument } from './types.js';

/** What the index's embedding model must be for its vectors to be compared with new ones. */
export interface ExpectedIndex {
  model: string;
  /** Checked too when given (the embedder knows it; tools reading an index may not). */
  dimension?: number;
}

type Corrupt = (problem: string) => IndexLoadError;

/** Loading retries this often when a concurrent save replaces the generation it was reading. */
const LOAD_ATTEMPTS = 10;

/** The state of the index saved in `indexDir`, every file checked; IndexLoadError if it cannot be used. */
export async function loadIndex(indexDir: string, expected: ExpectedIndex): Promise<StoreState> {
  for (let attempt = 1; ; attempt += 1) {
    const manifestText = await readManifestText(indexDir);
    try {
      return await loadGeneration(indexDir, manifestText, expected);
    } catch (error) {
      // A save that committed while we read may have deleted the generation we were reading: start over.
      if (attempt < LOAD_ATTEMPTS && error instanceof IndexLoadError && error.kind === 'corrupt') {
        const now = await readFile(join(indexDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
        if (now !== undefined && now !== manifestText) continue;
      }
      throw error;
    }
  }
}

async function readManifestText(indexDir: string): Promise<string> {
  try {
    return await readFile(join(indexDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) {
      throw new IndexLoadError('missing', indexDir, `No index in ${indexDir} (no ${MANIFEST_FILE}).`);
    }
    throw new IndexLoadError('corrupt', indexDir, `Cannot read ${join(indexDir, MANIFEST_FILE)}: ${(error as Error).message}.`);
  }
}

async function loadGeneration(indexDir: string, manifestText: string, expected: ExpectedIndex): Promise<StoreState> {
  const corrupt: Corrupt = (problem) => new IndexLoadError('corrupt', indexDir, `The index in ${indexDir} is damaged: ${problem}.`);
  const manifest = parseManifestText(indexDir, manifestText, corrupt);
  checkModel(indexDir, manifest, expected);
  try {
    return await readGeneration(indexDir, manifest, corrupt);
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    // A file vanishing or failing to read after the checks above (a concurrent save deleting this generation, a disk error).
    throw corrupt(`${manifest.generation} cannot be read (${(error as Error).message})`);
  }
}

/** The manifest, if it is JSON of this format version and well formed. */
function parseManifestText(indexDir: string, manifestText: string, corrupt: Corrupt): IndexManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(manifestText);
  } catch {
    throw corrupt(`${MANIFEST_FILE} is not valid JSON`);
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof version !== 'number') throw corrupt(`${MANIFEST_FILE} has no format version`);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new IndexLoadError(
      'version',
      indexDir,
      `The index in ${indexDir} has format version ${version}, which this version of Citeline does not read (it reads version ${INDEX_FORMAT_VERSION}).`,
    );
  }
  const parsed = parseManifest(raw);
  if ('problems' in parsed) throw corrupt(`${MANIFEST_FILE} is malformed (${parsed.problems.join('; ')})`);
  return parsed.manifest;
}

function checkModel(indexDir: string, manifest: IndexManifest, expected: ExpectedIndex): void {
  if (manifest.model === expected.model && (expected.dimension === undefined || manifest.dimension === expected.dimension)) return;
  const wanted = expected.dimension !== undefined ? `${expected.model} (${expected.dimension} dimensions)` : expected.model;
  throw new IndexLoadError(
    'model-mismatch',
    indexDir,
    `The index in ${indexDir} was built with the embedding model ${manifest.model} (${manifest.dimension} dimensions), but the configured model is ${wanted}; their vectors cannot be compared.`,
  );
}

/** The generation's files, checked, read and cross-checked, as the store's state. */
async function readGeneration(indexDir: string, manifest: IndexManifest, corrupt: Corrupt): Promise<StoreState> {
  const genDir = join(indexDir, manifest.generation);
  await checkFilesPresent(genDir, manifest, corrupt);
  const files = new GenerationFiles(genDir, manifest, corrupt);
  // The graph is checked and read on libuv's threads while this one reads the passages and artifacts.
  const graphRead = readGraph(genDir, manifest, files, corrupt);
  graphRead.catch(() => {}); // awaited once the other files are read; a failure meanwhile is not unhandled
  // The passages: the file's table now, its blocks when a question reads them.
  const file = PassageFile.open(await files.read(PASSAGES_FILE));
  if (!(file instanceof PassageFile)) throw corrupt(`${PASSAGES_FILE} ${file.problem}`);
  const artifacts = await readArtifacts(manifest, files, corrupt);
  const { documents, passages, rows } = passageRows(manifest, file, corrupt);
  const graph = await graphRead;
  const { entriesByLabel, nextLabel } = checkAgainstGraph(manifest, file, graph, rows, documents, corrupt);
  return {
    model: manifest.model,
    dimension: manifest.dimension,
    M: manifest.hnsw.M,
    efConstruction: manifest.hnsw.efConstruction,
    graph,
    deletedCount: manifest.hnsw.deletedCount,
    nextLabel,
    documents,
    passages,
    entriesByLabel,
    savedPassages: { file, rows, indexDir },
    artifacts,
    saved: { generation: manifest.generation, builtAt: manifest.builtAt, files: manifest.files },
  };
}

/** Cheap checks of every file first: the folder, the files the manifest must list, each file's size. */
async function checkFilesPresent(genDir: string, manifest: IndexManifest, corrupt: Corrupt): Promise<void> {
  try {
    if (!(await stat(genDir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw corrupt(`${MANIFEST_FILE} points to the folder ${manifest.generation}, which is missing`);
  }
  for (const required of [HNSW_FILE, PASSAGES_FILE]) {
    if (!manifest.files[required]) throw corrupt(`${MANIFEST_FILE} lists no ${required}`);
  }
  for (const [name, file] of Object.entries(manifest.files)) {
    let size: number;
    try {
      size = (await stat(join(genDir, name))).size;
    } catch {
      throw corrupt(`${manifest.generation}/${name} is missing`);
    }
    if (size !== file.bytes) throw corrupt(`${manifest.generation}/${name} is ${size} bytes, the manifest says ${file.bytes} (truncated or altered)`);
  }
}

/**
 * The generation's files but the graph, all read at once so that waiting for one overlaps checking
 * another; each handed over whole once its checksum matches the manifest's.
 */
class GenerationFiles {
  private readonly reads = new Map<string, Promise<Buffer>>();

  constructor(
    genDir: string,
    private readonly manifest: IndexManifest,
    private readonly corrupt: Corrupt,
  ) {
    for (const name of Object.keys(manifest.files)) {
      if (name === HNSW_FILE) continue;
      const read = readFile(join(genDir, name));
      read.catch(() => {}); // each is awaited when asked for; one failing must not leave the others unhandled
      this.reads.set(name, read);
    }
  }

  async read(name: string): Promise<Buffer> {
    const bytes = await this.reads.get(name)!;
    this.checkHash(name, createHash('sha256').update(bytes).digest('hex'));
    return bytes;
  }

  checkHash(name: string, sha256: string): void {
    if (sha256 !== this.manifest.files[name]?.sha256) throw this.corrupt(`${this.manifest.generation}/${name} does not match its checksum (altered)`);
  }
}

/** The graph: its sha256 checked first, so hnswlib never reads a damaged file. */
async function readGraph(genDir: string, manifest: IndexManifest, files: GenerationFiles, corrupt: Corrupt): Promise<HierarchicalNSW> {
  const hnswPath = join(genDir, HNSW_FILE);
  const graph = new hnswlib.HierarchicalNSW('cosine', manifest.dimension);
  // Read whole here: promises' readFile reads in 512 KiB pieces, each waiting for this thread, which
  // is busy reading the other files (54 MB at 100k passages took 250 ms that way, 30 ms so).
  const digest = await webcrypto.subtle.digest('SHA-256', readFileSync(hnswPath));
  files.checkHash(HNSW_FILE, Buffer.from(digest).toString('hex'));
  try {
    await graph.readIndex(hnswPath, false);
  } catch (error) {
    throw corrupt(`${HNSW_FILE} cannot be read (${(error as Error).message})`);
  }
  return graph;
}

async function readArtifacts(manifest: IndexManifest, files: GenerationFiles, corrupt: Corrupt): Promise<Map<string, unknown>> {
  const artifacts = new Map<string, unknown>();
  for (const name of Object.keys(manifest.files)) {
    const artifact = artifactNameOf(name);
    if (artifact === undefined) continue;
    const bytes = await files.read(name);
    try {
      artifacts.set(artifact, decodeArtifact(bytes));
    } catch {
      throw corrupt(`${name} is not a readable artifact`);
    }
  }
  return artifacts;
}

/** Rows are the manifest's passages in its order (passage-file.ts): the ids are the manifest's. */
function passageRows(manifest: IndexManifest, file: PassageFile, corrupt: Corrupt) {
  const passages = new Map<string, PassageEntry>();
  const rows: PassageEntry[] = [];
  const documents = new Map<string, StoredDocument>();
  for (const [key, doc] of Object.entries(manifest.documents)) {
    if (key !== doc.docId) throw corrupt(`document ${doc.docId} is filed under ${key}`);
    for (const id of doc.passageIds) {
      const row = rows.length;
      if (row >= file.count) throw corrupt(`the documents list more passages than ${PASSAGES_FILE} holds (${file.count})`);
      if (passages.has(id)) throw corrupt(`passage ${id} appears twice`);
      const entry: PassageEntry = { id, docId: doc.docId, label: file.labels[row]!, passage: undefined, row };
      passages.set(id, entry);
      rows.push(entry);
    }
    documents.set(key, doc);
  }
  return { documents, passages, rows };
}

/** Counts and cross-references between manifest, passages file and graph; each passage's entry by its graph label. */
function checkAgainstGraph(
  manifest: IndexManifest,
  file: PassageFile,
  graph: HierarchicalNSW,
  rows: readonly PassageEntry[],
  documents: ReadonlyMap<string, StoredDocument>,
  corrupt: Corrupt,
): { entriesByLabel: (PassageEntry | undefined)[]; nextLabel: number } {
  if (file.count !== manifest.passageCount) {
    throw corrupt(`${PASSAGES_FILE} holds ${file.count} passages, the manifest says ${manifest.passageCount}`);
  }
  const elementCount = graph.getCurrentCount();
  if (elementCount !== manifest.hnsw.elementCount || elementCount !== manifest.passageCount + manifest.hnsw.deletedCount) {
    throw corrupt(
      `${HNSW_FILE} holds ${elementCount} points, the manifest says ${manifest.passageCount} passages and ${manifest.hnsw.deletedCount} deleted`,
    );
  }
  if (graph.getNumDimensions() !== manifest.dimension) throw corrupt(`${HNSW_FILE} has ${graph.getNumDimensions()} dimensions`);
  const labels = graph.getIdsList();
  let maxLabel = -1;
  for (const label of labels) if (label > maxLabel) maxLabel = label;
  // Labels run from 0 up (a save compacts them once half are deleted): two Sets of 100k numbers were
  // a tenth of a load, a list is a few milliseconds.
  const inGraph = new Uint8Array(maxLabel + 1);
  for (const label of labels) inGraph[label] = 1;
  const entriesByLabel = new Array<PassageEntry | undefined>(maxLabel + 1);
  for (const entry of rows) {
    if (inGraph[entry.label] !== 1 || entriesByLabel[entry.label]) throw corrupt(`passage ${entry.id} has no vector of its own`);
    entriesByLabel[entry.label] = entry;
  }
  if (documents.size !== manifest.documentCount) throw corrupt(`the manifest lists ${documents.size} documents but counts ${manifest.documentCount}`);
  if (rows.length !== file.count) throw corrupt(`the documents list ${rows.length} passages, ${PASSAGES_FILE} holds ${file.count}`);
  return { entriesByLabel, nextLabel: maxLabel + 1 };
}
