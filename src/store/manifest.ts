/** manifest.json: the commit point of a saved index, parsed strictly before any other file is read. */
import type { DocumentFormat } from '../ingest/types.js';
import * as shape from '../util/shape.js';
import { INDEX_FORMAT_VERSION, type HnswSettings, type IndexFile, type IndexManifest, type StoredDocument } from './types.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_TEMP_FILE = 'manifest.json.tmp';
export const HNSW_FILE = 'hnsw.bin';
/** The passages in blocks, each deflated on its own (passage-file.ts). */
export const PASSAGES_FILE = 'passages.bin';
export const GENERATION_PREFIX = 'gen-';

/** A generation folder's name: also guards against paths leaving the index folder. */
export const GENERATION_PATTERN = /^gen-[A-Za-z0-9_-]+$/;
/** A file inside a generation folder. */
const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
/** An artifact's name: it becomes part of a file name. */
export const ARTIFACT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Artifacts are JSON with their byte arrays kept as bytes (artifact-codec.ts). */
export function artifactFileName(name: string): string {
  return `artifact-${name}.bin`;
}

/** The artifact a file holds. */
export function artifactNameOf(fileName: string): string | undefined {
  const match = /^artifact-(.+)\.bin$/.exec(fileName);
  return match && ARTIFACT_NAME_PATTERN.test(match[1] ?? '') ? match[1] : undefined;
}

const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'pdf', 'docx'] as const satisfies readonly DocumentFormat[];
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

function storedDocument(value: unknown, path: string): StoredDocument {
  const document = shape.object(value, path);
  return {
    docId: shape.string(document.docId, `${path}.docId`),
    hash: shape.string(document.hash, `${path}.hash`),
    title: shape.string(document.title, `${path}.title`),
    source: shape.string(document.source, `${path}.source`),
    format: shape.oneOf(document.format, DOCUMENT_FORMATS, `${path}.format`),
    passageIds: shape.stringList(document.passageIds, `${path}.passageIds`),
  };
}

function indexFile(value: unknown, path: string, name: string): IndexFile {
  shape.matching(name, FILE_NAME_PATTERN, path, 'a plain file name');
  const file = shape.object(value, path);
  return { bytes: shape.count(file.bytes, `${path}.bytes`), sha256: shape.matching(file.sha256, SHA256_PATTERN, `${path}.sha256`, 'a sha256 in hex') };
}

function hnswSettings(value: unknown, path: string): HnswSettings {
  const hnsw = shape.object(value, path);
  return {
    space: shape.literal(hnsw.space, 'cosine', `${path}.space`),
    M: shape.positive(hnsw.M, `${path}.M`),
    efConstruction: shape.positive(hnsw.efConstruction, `${path}.efConstruction`),
    capacity: shape.positive(hnsw.capacity, `${path}.capacity`),
    elementCount: shape.count(hnsw.elementCount, `${path}.elementCount`),
    deletedCount: shape.count(hnsw.deletedCount, `${path}.deletedCount`),
  };
}

/** Checks the manifest's shape; returns the problem instead when it is malformed. */
export function parseManifest(value: unknown): { manifest: IndexManifest } | { problems: string[] } {
  try {
    const manifest = shape.object(value, 'manifest');
    return {
      manifest: {
        formatVersion: shape.literal(manifest.formatVersion, INDEX_FORMAT_VERSION, 'formatVersion'),
        model: shape.nonEmptyString(manifest.model, 'model'),
        dimension: shape.positive(manifest.dimension, 'dimension'),
        documentCount: shape.count(manifest.documentCount, 'documentCount'),
        passageCount: shape.count(manifest.passageCount, 'passageCount'),
        documents: shape.record(manifest.documents, 'documents', storedDocument),
        hnsw: hnswSettings(manifest.hnsw, 'hnsw'),
        files: shape.record(manifest.files, 'files', indexFile),
        generation: shape.matching(manifest.generation, GENERATION_PATTERN, 'generation', 'a generation folder name'),
        builtAt: shape.string(manifest.builtAt, 'builtAt'),
      },
    };
  } catch (error) {
    if (error instanceof shape.ShapeError) return { problems: [error.message] };
    throw error;
  }
}
