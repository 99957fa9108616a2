/** manifest.json: the commit point of a saved index, parsed strictly before any other file is read. */
import { z } from 'zod';
import { stringList } from '../util/schemas.js';
import { INDEX_FORMAT_VERSION, type IndexManifest } from './types.js';

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

const count = z.number().int().nonnegative();
const positive = z.number().int().positive();

const documentSchema = z.object({
  docId: z.string(),
  hash: z.string(),
  title: z.string(),
  source: z.string(),
  format: z.enum(['markdown', 'text', 'html', 'pdf', 'docx']),
  passageIds: stringList,
});

const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  model: z.string().min(1),
  dimension: positive,
  documentCount: count,
  passageCount: count,
  documents: z.record(z.string(), documentSchema),
  hnsw: z.object({
    space: z.literal('cosine'),
    M: positive,
    efConstruction: positive,
    capacity: positive,
    elementCount: count,
    deletedCount: count,
  }),
  files: z.record(z.string().regex(FILE_NAME_PATTERN, 'is not a plain file name'), z.object({ bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  generation: z.string().regex(GENERATION_PATTERN, 'is not a generation folder name'),
  builtAt: z.string(),
});

/** Parses the manifest's shape; returns the list of problems instead when it is malformed. */
export function parseManifest(value: unknown): { manifest: IndexManifest } | { problems: string[] } {
  const result = manifestSchema.safeParse(value);
  if (result.success) return { manifest: result.data };
  return { problems: result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`) };
}
