/** The Embedder over the shipped offline model. No test here makes a network request. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tensor, mean_pooling } from '@xenova/transformers';
import { createEmbedder, meanPoolNormalised, resolveModelSource } from '../../src/embed/transformers-embedder.js';
import type { Embedder } from '../../src/embed/types.js';

const MODEL_DIR = fileURLToPath(new URL('../../models/glove-100d', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

let scratch: string;
let embedder: Embedder;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'embed-test-'));
  embedder = await createEmbedder({ model: MODEL_DIR, cacheDir: join(scratch, 'cache') });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function cosine(a: string, b: string): Promise<number> {
  const [va, vb] = await embedder.embed([a, b]);
  return dot(va!, vb!);
}

describe('createEmbedder with the shipped model', () => {
  it('reads dimension 100 from the model and reports the configured model string', () => {
    expect(embedder.dimension).toBe(100);
    expect(embedder.model).toBe(MODEL_DIR);
  });

  it('returns one unit-length Float32Array per text', async () => {
    const vectors = await embedder.embed(['The council was inspected.', 'Children in care', '2015']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(100);
      expect(norm(vector)).toBeCloseTo(1, 4);
    }
  });

  it('puts related words closer than unrelated ones', async () => {
    expect(await cosine('inadequate', 'poor')).toBeGreaterThan(await cosine('inadequate', 'banana'));
    expect(await cosine('council', 'authority')).toBeGreaterThan(await cosine('council', 'banana'));
  });

  it('places numbers: a year nearest itself, small numbers near their words', async () => {
    expect(await cosine('in 2015', '2015')).toBeGreaterThan(await cosine('in 2015', '2019'));
    expect(await cosine('42', 'forty-two')).toBeGreaterThan(await cosine('42', 'banana'));
  });

  it('puts paraphrases closer than an unrelated sentence', async () => {
    const a = "The inspection team concluded that the council was failing vulnerable children who needed protecting.";
    const b = "Ofsted judged the local authority's children's services to be inadequate after its inspection.";
    const unrelated = 'The recipe calls for two ripe bananas and a cup of flour.';
    const related = await cosine(a, b);
    expect(related).toBeGreaterThan(await cosine(a, unrelated));
    expect(related).toBeGreaterThan(await cosine(b, unrelated));
  });

  it('gives finite zero vectors for empty text and text with no known word', async () => {
    const vectors = await embedder.embed(['', 'zzqxvplorf qqxzvwmb', '   ', '!!! ... ???']);
    for (const vector of vectors) {
      expect(vector).toHaveLength(100);
      expect(vector.every((x) => x === 0)).toBe(true);
    }
    // Also when such a text shares a batch with ordinary ones.
    const [empty, text] = await embedder.embed(['', 'Services for children were judged good.']);
    expect(empty!.every((x) => x === 0)).toBe(true);
    expect(norm(text!)).toBeCloseTo(1, 4);
  });

  it('returns [] for no texts', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('preserves order: a batch equals embedding one by one, across batch boundaries', async () => {
    const texts = Array.from({ length: 75 }, (_, i) =>
      i % 5 === 0 ? '' : `Report ${i}: ${'the authority improved its services for children '.repeat((i * 7) % 9)}in ${2000 + i}.`,
    );
    const batched = await embedder.embed(texts);
    expect(batched).toHaveLength(texts.length);
    for (let i = 0; i < texts.length; i += 1) {
      const [single] = await embedder.embed([texts[i]!]);
      for (let d = 0; d < 100; d += 1) expect(batched[i]![d]).toBeCloseTo(single![d]!, 5);
    }
  });

  it('resolves a relative folder against the working directory', async () => {
    const relativePath = relative(REPO_ROOT, MODEL_DIR);
    expect(resolveModelSource(relativePath, REPO_ROOT)).toEqual({ kind: 'local', folder: MODEL_DIR });
  });
});

describe('meanPoolNormalised', () => {
  it("computes what transformers.js's mean pooling with normalisation computes, padding masked out", () => {
    const [rows, length, dims] = [3, 5, 7];
    const values = Float32Array.from({ length: rows * length * dims }, (_, i) => Math.sin(i * 1.7) * 3);
    // Row 0 full, row 1 padded after two tokens, row 2 all padding (a text with no tokens).
    const mask = BigInt64Array.from([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0].map(BigInt));
    const hidden = new Tensor('float32', values, [rows, length, dims]);
    const attention = new Tensor('int64', mask, [rows, length]);
    const expected = mean_pooling(hidden, attention).normalize(2, -1).data as Float32Array;
    const pooled = meanPoolNormalised(hidden, attention);
    expect(pooled).toHaveLength(rows);
    for (let row = 0; row < 2; row++) {
      for (let d = 0; d < dims; d++) expect(pooled[row]![d]).toBeCloseTo(expected[row * dims + d]!, 5);
    }
    // transformers.js gives NaN (0/0) for the empty row; Citeline gives zeros.
    expect(Array.from(pooled[2]!)).toEqual(new Array(dims).fill(0));
  });
});

describe('model sources and load errors', () => {
  it('treats an owner/name that is not a folder as a hub id, and paths as local folders', () => {
    expect(resolveModelSource('some-owner/some-model', scratch)).toEqual({ kind: 'hub', id: 'some-owner/some-model' });
    expect(resolveModelSource('./missing-model', scratch).kind).toBe('local');
    expect(resolveModelSource('a/b/c', scratch).kind).toBe('local');
    expect(resolveModelSource(join(scratch, 'missing'), scratch).kind).toBe('local');
  });

  it('fails clearly, with no download attempt, for a missing local folder', async () => {
    const missing = join(scratch, 'no-such-model');
    await expect(createEmbedder({ model: missing, cacheDir: join(scratch, 'cache') })).rejects.toThrow(
      /could not be loaded.*does not exist.*EMBEDDING_MODEL.*models\/glove-100d/s,
    );
  });

  it('fails clearly for a local folder without the model files', async () => {
    const broken = join(scratch, 'broken-model');
    mkdirSync(broken);
    writeFileSync(join(broken, 'config.json'), '{"model_type":"bert"}');
    await expect(createEmbedder({ model: broken, cacheDir: join(scratch, 'cache') })).rejects.toThrow(
      /could not be loaded from the local folder.*missing tokenizer\.json, onnx\/model_quantized\.onnx.*EMBEDDING_MODEL/s,
    );
  });
});
