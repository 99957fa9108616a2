/**
 * The Embedder over transformers.js feature extraction: a local model folder (the default,
 * models/glove-100d, works offline) or a Hugging Face model id (downloaded once into cacheDir).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import ort from 'onnxruntime-node';
import type { Embedder } from './types.js';

export interface EmbedderOptions {
  /** A local model folder (relative paths resolve against process.cwd()) or a Hugging Face model id. */
  model: string;
  /** Where hub downloads are cached. */
  cacheDir: string;
  /** Texts per model call (default 32). */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 32;
const LOCAL_MODEL_HINT = 'Set EMBEDDING_MODEL to a local model folder such as models/glove-100d (shipped with this project, works offline).';

type ModelSource = { kind: 'local'; folder: string } | { kind: 'hub'; id: string };

/**
 * A model string is a local folder when it exists as one, or when it can only be a path: absolute,
 * starting with "." or "~", with a backslash or more than one "/", or whose parent folder exists
 * (as "models/" does for "models/glove-100d"). Anything else ("owner/name") is a hub id. A path that
 * names a missing folder must fail here, with no network request.
 */
export function resolveModelSource(model: string, cwd = process.cwd()): ModelSource {
  const folder = resolve(cwd, model);
  if (isDirectory(folder)) return { kind: 'local', folder };
  const looksLikePath =
    isAbsolute(model) ||
    model.startsWith('.') ||
    model.startsWith('~') ||
    model.includes('\\') ||
    model.split('/').length > 2 ||
    (model.includes('/') && isDirectory(resolve(cwd, model.split('/')[0]!)));
  return looksLikePath ? { kind: 'local', folder } : { kind: 'hub', id: model };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * transformers.js keeps its settings in `env`, one object for the whole library, read while a model
 * loads. So it is set here, right before each load and never at import time (importing this module must
 * not change how anything else in the process loads models), and loads run one at a time so that two
 * embedders with different settings cannot interleave their settings.
 */
let loadQueue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

async function loadPipeline(source: ModelSource, cacheDir: string): Promise<FeatureExtractionPipeline> {
  return serialised(async () => {
    if (source.kind === 'local') {
      // A folder on disk: read its files straight from there; never fall back to the hub, and skip the
      // file cache, which could otherwise serve a cached download that happens to share the folder's name.
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.useFSCache = false;
      env.localModelPath = resolve(source.folder, '..');
      const name = source.folder.slice(env.localModelPath.length).replace(/^[\\/]+/, '');
      // transformers.js loads onnx/model_quantized.onnx by default and onnx/model.onnx with quantized: false.
      const quantized = existsSync(join(source.folder, 'onnx', 'model_quantized.onnx')) || !existsSync(join(source.folder, 'onnx', 'model.onnx'));
      const extractor = (await pipeline('feature-extraction', name, { quantized, local_files_only: true })) as FeatureExtractionPipeline;
      await useOneThread(extractor, join(source.folder, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx'));
      return extractor;
    }
    // A hub id: download once into cacheDir, then load from that cache (also offline).
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.useFSCache = true;
    env.cacheDir = cacheDir;
    return (await pipeline('feature-extraction', source.id, { cache_dir: cacheDir })) as FeatureExtractionPipeline;
  });
}

interface ModelTensor {
  dims: number[];
  data: ArrayLike<number | bigint>;
}

/**
 * Mean of each text's token vectors over its attention mask, scaled to unit length: what the
 * feature-extraction pipeline's `{ pooling: 'mean', normalize: true }` computes. A text with no known
 * word pools to the zero vector, whose 0/0 normalisation would be NaN: it stays zeros.
 */
export function meanPoolNormalised(hidden: ModelTensor, mask: ModelTensor): Float32Array[] {
  const [rows, length, dims] = hidden.dims as [number, number, number];
  const values = hidden.data as Float32Array;
  const maskValues = mask.data;
  const vectors: Float32Array[] = [];
  for (let row = 0; row < rows; row++) {
    const vector = new Float32Array(dims);
    let count = 0;
    for (let token = 0; token < length; token++) {
      if (Number(maskValues[row * length + token]) === 0) continue;
      count += 1;
      const offset = (row * length + token) * dims;
      for (let d = 0; d < dims; d++) vector[d]! += values[offset + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vector[d]! * vector[d]!;
    norm = Math.sqrt(norm);
    // The mean's 1/count cancels in the normalisation; count 0 or a zero sum leaves zeros.
    if (count > 0 && norm > 0 && Number.isFinite(norm)) for (let d = 0; d < dims; d++) vector[d]! /= norm;
    else vector.fill(0);
    vectors.push(vector);
  }
  return vectors;
}

/**
 * The model's session again, on one thread. onnxruntime's default pool takes every core and its idle
 * threads spin between calls: embedding used two cores' time for one core's work, starving the
 * worker that builds the search indexes during ingest. transformers.js takes no session options,
 * so the session it made is replaced by one made from the same file.
 */
async function useOneThread(extractor: FeatureExtractionPipeline, modelFile: string): Promise<void> {
  const session = await ort.InferenceSession.create(modelFile, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 });
  (extractor.model as unknown as { session: unknown }).session = session;
}

/** The files transformers.js needs from a local model folder; throws naming those missing. */
function assertModelFiles(folder: string): void {
  const missing = ['config.json', 'tokenizer.json'].filter((file) => !existsSync(join(folder, file)));
  if (!['model_quantized.onnx', 'model.onnx'].some((file) => existsSync(join(folder, 'onnx', file)))) missing.push('onnx/model_quantized.onnx');
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
}

export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const source = resolveModelSource(options.model);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  if (source.kind === 'local' && !isDirectory(source.folder)) {
    throw new Error(`Embedding model could not be loaded: the folder ${source.folder} does not exist. ${LOCAL_MODEL_HINT}`);
  }

  let extractor: FeatureExtractionPipeline;
  try {
    // Checked before transformers.js reads anything: it reads the files in parallel, and one missing
    // file fails the load while the other reads are still under way.
    if (source.kind === 'local') assertModelFiles(source.folder);
    extractor = await loadPipeline(source, options.cacheDir);
  } catch (error) {
    const cause = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
    const what =
      source.kind === 'local'
        ? `Embedding model could not be loaded from the local folder ${source.folder} (it needs config.json, tokenizer.json, tokenizer_config.json and onnx/model_quantized.onnx or onnx/model.onnx): ${cause}`
        : `Embedding model "${source.id}" could not be loaded or downloaded from the Hugging Face hub (no network, or no such model?): ${cause}`;
    throw new Error(`${what}. ${LOCAL_MODEL_HINT}`, { cause: error });
  }

  const runBatch = async (texts: string[]): Promise<Float32Array[]> => {
    // The pipeline's own tokenizer and model, pooled here: transformers.js's mean_pooling reads every
    // value through a Proxy and was over half of ingest time; this is the same arithmetic on the raw arrays.
    const inputs = extractor.tokenizer(texts, { padding: true, truncation: true });
    const outputs = await extractor.model(inputs);
    const hidden = (outputs.last_hidden_state ?? outputs.token_embeddings) as ModelTensor | undefined;
    if (!hidden) throw new Error(`Embedding model ${options.model} returned no last_hidden_state.`);
    return meanPoolNormalised(hidden, inputs.attention_mask as ModelTensor);
  };

  const embed = async (texts: readonly string[]): Promise<Float32Array[]> => {
    if (texts.length === 0) return [];
    // Batches of similar length waste less on padding; results go back in the caller's order.
    // (Padding is masked out, so a text's vector does not depend on its batch-mates.)
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const results = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const indices = order.slice(start, start + batchSize);
      const vectors = await runBatch(indices.map((i) => texts[i]!));
      indices.forEach((textIndex, k) => {
        results[textIndex] = vectors[k]!;
      });
    }
    return results;
  };

  const [probe] = await runBatch(['dimension probe']);
  const dimension = probe!.length;
  if (!(dimension > 0)) throw new Error(`Embedding model ${options.model} produced no vector. ${LOCAL_MODEL_HINT}`);

  return { model: options.model, dimension, embed };
}
