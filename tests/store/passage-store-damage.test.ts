/** A damaged or half-saved index is refused with a clear error, never loaded half-written. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassageStore } from '../../src/store/passage-store.js';
import { INDEX_FORMAT_VERSION, IndexLoadError, type IndexLoadErrorKind } from '../../src/store/types.js';
import { DIM, MODEL, generations, makeDocument, sampleDocuments, seededRandom, storeWith, tempIndexDir } from './helpers.js';

const REBUILD = 'Run `npm run ingest -- --rebuild`.';

let dir: string;
beforeEach(async () => {
  dir = await tempIndexDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectLoadError(kind: IndexLoadErrorKind, expected: { model: string; dimension?: number } = { model: MODEL, dimension: DIM }) {
  const error = await PassageStore.load(dir, expected).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IndexLoadError);
  const loadError = error as IndexLoadError;
  expect(loadError.kind).toBe(kind);
  expect(loadError.message).toContain('npm run ingest -- --rebuild');
  expect(loadError.message.endsWith(REBUILD)).toBe(true);
  return loadError;
}

/** Changes one byte in the middle of a file, keeping its size. */
async function alterMiddleByte(path: string): Promise<void> {
  const bytes = await readFile(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at]! + 1) & 0xff;
  await writeFile(path, bytes);
}

describe('PassageStore.load refuses a missing or damaged index', () => {
  async function saveSample(): Promise<{ generation: string; genDir: string }> {
    const store = storeWith(sampleDocuments());
    store.setArtifact('bm25', { terms: ['a', 'b'] });
    await store.save(dir);
    const generation = store.manifest.generation;
    return { generation, genDir: join(dir, generation) };
  }
  async function editManifest(edit: (manifest: Record<string, unknown>) => void): Promise<void> {
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    edit(manifest);
    await writeFile(path, JSON.stringify(manifest));
  }

  it('no index at all', async () => {
    expect(PassageStore.exists(dir)).toBe(false);
    const error = await expectLoadError('missing');
    expect(error.message).toContain(dir);
    const nowhere = join(dir, 'not', 'there');
    await expect(PassageStore.load(nowhere, { model: MODEL })).rejects.toMatchObject({ kind: 'missing' });
  });

  it('a truncated passages file', async () => {
    const { genDir } = await saveSample();
    const path = join(genDir, 'passages.bin');
    await truncate(path, (await stat(path)).size - 40);
    const error = await expectLoadError('corrupt');
    expect(error.message).toMatch(/passages\.bin.*truncated/);
  });

  it('one altered byte in hnsw.bin', async () => {
    const { genDir } = await saveSample();
    const path = join(genDir, 'hnsw.bin');
    await alterMiddleByte(path);
    const error = await expectLoadError('corrupt');
    expect(error.message).toMatch(/hnsw\.bin.*checksum/);
  });

  it('an altered passages file of the same size', async () => {
    const { genDir } = await saveSample();
    const path = join(genDir, 'passages.bin');
    await alterMiddleByte(path);
    await expectLoadError('corrupt');
  });

  it('an altered or missing artifact', async () => {
    const { genDir } = await saveSample();
    const path = join(genDir, 'artifact-bm25.bin');
    const bytes = await readFile(path);
    bytes[bytes.length - 9] = (bytes[bytes.length - 9]! + 1) % 256; // one byte altered
    await writeFile(path, bytes);
    await expectLoadError('corrupt');
    await rm(path);
    const error = await expectLoadError('corrupt');
    expect(error.message).toMatch(/artifact-bm25\.bin is missing/);
  });

  it('passages that do not match the graph, even with checksums to match (a faulty writer)', async () => {
    const { genDir } = await saveSample();
    const path = join(genDir, 'passages.bin');
    const original = await readFile(path);
    const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
    // The labels are the last numbers of the file's table, one a row, before the 8-byte trailer.
    const rows = (JSON.parse(manifestText) as { passageCount: number }).passageCount;
    const labelAt = (bytes: Buffer, row: number) => bytes.length - 8 - (rows - row) * 4;
    const rewrite = async (edit: (bytes: Buffer) => void) => {
      const bytes = Buffer.from(original);
      edit(bytes);
      await writeFile(path, bytes);
      await editManifest((manifest) => {
        (manifest.files as Record<string, unknown>)['passages.bin'] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      });
    };
    await rewrite((bytes) => bytes.writeUInt32LE(bytes.readUInt32LE(labelAt(bytes, 0)), labelAt(bytes, 1)));
    expect((await expectLoadError('corrupt')).message).toMatch(/has no vector of its own/);
    await rewrite((bytes) => bytes.writeUInt32LE(10_000, labelAt(bytes, 0)));
    expect((await expectLoadError('corrupt')).message).toMatch(/has no vector of its own/);
    await rewrite(() => {});
    await editManifest((manifest) => {
      const documents = manifest.documents as Record<string, { passageIds: string[] }>;
      documents['a.md']!.passageIds[1] = documents['a.md']!.passageIds[0]!;
    });
    expect((await expectLoadError('corrupt')).message).toMatch(/appears twice/);
    await writeFile(join(dir, 'manifest.json'), manifestText);
    expect((await PassageStore.load(dir, { model: MODEL, dimension: DIM })).passageCount).toBe(rows);
    // A block that holds another passage than its row's is found when it is read, and refused as damage.
    await writeFile(join(dir, 'manifest.json'), manifestText.replace(/"a\.md#v1-0"/g, '"a.md#elsewhere"'));
    const misfiled = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(() => misfiled.passage('a.md#elsewhere')).toThrow(/damaged: passages\.bin row 0 holds passage a\.md#v1-0/);
    expect(() => misfiled.passage('a.md#elsewhere')).toThrow(IndexLoadError);
    // The graph alone reads no passage: its ids come from the manifest.
    const query = sampleDocuments()[0]!.vectors[0]!;
    expect(misfiled.nearestIds(query, 3).map((hit) => hit.id)).toContain('a.md#elsewhere');
    expect(misfiled.exactIds(query, 1)[0]?.id).toBe('a.md#elsewhere');
    expect(() => misfiled.searchVectors(query, 3)).toThrow(/row 0 holds passage a\.md#v1-0/);
  });

  it('a manifest of a future format version', async () => {
    await saveSample();
    await editManifest((manifest) => {
      manifest.formatVersion = INDEX_FORMAT_VERSION + 1;
      manifest.somethingNew = { shape: 'unknown' };
    });
    const error = await expectLoadError('version');
    expect(error.message).toContain(`format version ${INDEX_FORMAT_VERSION + 1}`);
  });

  it('an index built with a different model or dimension', async () => {
    await saveSample();
    const byModel = await expectLoadError('model-mismatch', { model: 'other/model', dimension: DIM });
    expect(byModel.message).toContain(MODEL);
    expect(byModel.message).toContain('other/model');
    await expectLoadError('model-mismatch', { model: MODEL, dimension: DIM * 2 });
    // Without an expected dimension, the model alone decides.
    await expect(PassageStore.load(dir, { model: MODEL })).resolves.toBeInstanceOf(PassageStore);
  });

  it('a manifest pointing to a missing generation', async () => {
    const { genDir, generation } = await saveSample();
    await rm(genDir, { recursive: true });
    const error = await expectLoadError('corrupt');
    expect(error.message).toContain(generation);
  });

  it('a manifest with a generation outside the index folder', async () => {
    await saveSample();
    await editManifest((manifest) => {
      manifest.generation = '../elsewhere';
    });
    await expectLoadError('corrupt');
  });

  it('malformed manifest JSON', async () => {
    await saveSample();
    const path = join(dir, 'manifest.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    const error = await expectLoadError('corrupt');
    expect(error.message).toMatch(/manifest\.json is not valid JSON/);
    await writeFile(path, `{"formatVersion": ${INDEX_FORMAT_VERSION}, "model": 5}`);
    await expectLoadError('corrupt');
    await writeFile(path, '');
    await expectLoadError('corrupt');
  });

  it('passage counts that disagree between manifest, passages file and graph', async () => {
    await saveSample();
    await editManifest((manifest) => {
      manifest.passageCount = 28;
    });
    const error = await expectLoadError('corrupt');
    expect(error.message).toMatch(/29 passages, the manifest says 28/);
  });

  it('a generation whose files were swapped for another build', async () => {
    // Two saves of different content: point the new manifest's hnsw.bin entry at the old build's file.
    const { genDir: oldGen } = await saveSample();
    const oldBytes = await readFile(join(oldGen, 'hnsw.bin'));
    const store = storeWith(sampleDocuments(2).slice(0, 2));
    await store.save(dir);
    const newGen = join(dir, store.manifest.generation);
    await writeFile(join(newGen, 'hnsw.bin'), oldBytes);
    await expectLoadError('corrupt');
  });
});

describe('PassageStore crash safety (leftovers of an interrupted save)', () => {
  it('ignores a half-written generation and a manifest.json.tmp, and the next save removes them', async () => {
    const store = storeWith(sampleDocuments());
    await store.save(dir);
    const committed = store.manifest.generation;

    // What a save killed before its commit leaves behind.
    const halfWritten = join(dir, 'gen-2999-01-01T00-00-00-000Z-deadbeef');
    await mkdir(halfWritten);
    await writeFile(join(halfWritten, 'hnsw.bin'), Buffer.alloc(1000, 7));
    await writeFile(join(halfWritten, 'passages.bin'), '{"id":"x","docId":"a.md","te');
    await writeFile(join(dir, 'manifest.json.tmp'), '{"formatVersion":1,"model":"tes');

    const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
    expect(loaded.manifest.generation).toBe(committed);
    expect(loaded.passages()).toEqual(store.passages());

    const added = makeDocument('new.md', 2, seededRandom(8));
    loaded.addDocument(added.doc, added.passages, added.vectors);
    await loaded.save(dir);
    const entries = (await readdir(dir)).sort();
    expect(entries).toEqual([committed, loaded.manifest.generation, 'manifest.json'].sort());
    expect(existsSync(halfWritten)).toBe(false);
    expect((await PassageStore.load(dir, { model: MODEL, dimension: DIM })).passages()).toHaveLength(31);
  });

  it('removes the new generation folder when a save fails before its commit', async () => {
    const store = storeWith(sampleDocuments());
    await store.save(dir);
    const committed = store.manifest.generation;
    store.setArtifact('broken', { toJSON: () => undefined });
    await expect(store.save(dir)).rejects.toThrow(/not JSON-serialisable/);
    expect(await generations(dir)).toEqual([committed]);
    expect((await PassageStore.load(dir, { model: MODEL, dimension: DIM })).manifest.generation).toBe(committed);
  });

  it('refuses changes while a save is running', async () => {
    const store = storeWith(sampleDocuments());
    const saving = store.save(dir);
    expect(() => store.removeDocument('a.md')).toThrow(/being saved/);
    await saving;
    expect(store.removeDocument('a.md')).toBe(10);
  });

  it('a reader racing a save loads a complete index', async () => {
    const writer = storeWith(sampleDocuments());
    await writer.save(dir);
    const random = seededRandom(11);
    let stop = false;
    const saves = (async () => {
      for (let round = 0; !stop && round < 40; round++) {
        const doc = makeDocument('a.md', 10, random, { version: `r${round}` });
        writer.addDocument(doc.doc, doc.passages, doc.vectors);
        await writer.save(dir);
      }
    })();
    try {
      for (let i = 0; i < 30; i++) {
        const loaded = await PassageStore.load(dir, { model: MODEL, dimension: DIM });
        expect(loaded.passages()).toHaveLength(29);
      }
    } finally {
      stop = true;
      await saves;
    }
  });
});
