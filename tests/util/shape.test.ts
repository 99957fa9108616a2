import { describe, expect, it } from 'vitest';
import * as shape from '../../src/util/shape.js';
import { parseManifest } from '../../src/store/manifest.js';
import { INDEX_FORMAT_VERSION } from '../../src/store/types.js';

describe('shape checks', () => {
  it('return the value typed, and name the path and what was expected when it is wrong', () => {
    expect(shape.count(3, 'a')).toBe(3);
    expect(() => shape.count(-1, 'hnsw.deletedCount')).toThrow('hnsw.deletedCount: expected a whole number, 0 or more');
    expect(() => shape.positive(1.5, 'dimension')).toThrow(/dimension: expected a positive integer/);
    expect(() => shape.number(Number.NaN, 'x')).toThrow(/x: expected a number/);
    expect(() => shape.oneOf('pdfx', ['pdf', 'docx'], 'format')).toThrow('format: expected one of pdf, docx');
    expect(() => shape.literal(2, 3, 'version')).toThrow('version: expected 3');
    expect(() => shape.object([], 'manifest')).toThrow(/expected an object/);
    expect(() => shape.bytes([1, 2], 'column')).toThrow(/column: expected bytes/);
  });

  it('check every item of a list, and say which item of a list of records failed', () => {
    expect(shape.stringList(['a', 'b'], 'ids')).toEqual(['a', 'b']);
    expect(() => shape.stringList(['a', 5, 'c'], 'ids')).toThrow(/ids: expected a list of strings/);
    expect(() => shape.list([1, 'two'], 'years', shape.number)).toThrow('years.1: expected a number');
    expect(shape.optional(undefined, 'x', shape.string)).toBeUndefined();
    expect(() => shape.optional(4, 'x', shape.string)).toThrow(/x: expected a string/);
  });

  it('check a map in place, keeping a "__proto__" key an own entry rather than the prototype', () => {
    const parsed = JSON.parse('{"a": 1, "__proto__": 2}') as unknown;
    const checked = shape.record(parsed, 'counts', (value, path) => shape.number(value, path) * 10);
    expect(Object.getPrototypeOf(checked)).toBe(Object.prototype);
    expect(Object.entries(checked)).toEqual([
      ['a', 10],
      ['__proto__', 20],
    ]);
    expect(() => shape.record({ a: 'x' }, 'counts', shape.number)).toThrow('counts.a: expected a number');
  });
});

describe('parseManifest', () => {
  const valid = () => ({
    formatVersion: INDEX_FORMAT_VERSION,
    model: 'models/glove-100d',
    dimension: 100,
    documentCount: 1,
    passageCount: 2,
    documents: { 'a.md': { docId: 'a.md', hash: 'h', title: 'A', source: 's', format: 'markdown', passageIds: ['p1', 'p2'], extra: true } },
    hnsw: { space: 'cosine', M: 16, efConstruction: 100, capacity: 1024, elementCount: 2, deletedCount: 0 },
    files: { 'hnsw.bin': { bytes: 10, sha256: 'a'.repeat(64) } },
    generation: 'gen-1',
    builtAt: '2026-12-02T00:00:00Z',
  });

  it('returns the manifest, each document holding only what a stored document has', () => {
    const parsed = parseManifest(valid());
    if (!('manifest' in parsed)) throw new Error(parsed.problems.join('; '));
    expect(parsed.manifest.documents['a.md']).toEqual({ docId: 'a.md', hash: 'h', title: 'A', source: 's', format: 'markdown', passageIds: ['p1', 'p2'] });
    expect(parsed.manifest.hnsw.M).toBe(16);
  });

  it.each([
    ['a passage id that is not a string', (m: ReturnType<typeof valid>) => ((m.documents['a.md'] as { passageIds: unknown[] }).passageIds = ['p1', 2]), 'documents.a.md.passageIds'],
    ['an unknown document format', (m: ReturnType<typeof valid>) => ((m.documents['a.md'] as { format: string }).format = 'rtf'), 'documents.a.md.format'],
    ['a file name that leaves the folder', (m: ReturnType<typeof valid>) => ((m.files as Record<string, unknown>)['../x'] = { bytes: 1, sha256: 'a'.repeat(64) }), 'files.../x: expected a plain file name'],
    ['a checksum that is not sha256', (m: ReturnType<typeof valid>) => (m.files['hnsw.bin'].sha256 = 'abc'), 'files.hnsw.bin.sha256'],
    ['a generation that is a path', (m: ReturnType<typeof valid>) => (m.generation = '../elsewhere'), 'generation: expected a generation folder name'],
    ['a negative count', (m: ReturnType<typeof valid>) => (m.hnsw.deletedCount = -1), 'hnsw.deletedCount'],
  ])('names the problem: %s', (_, damage, problem) => {
    const manifest = valid();
    damage(manifest);
    const parsed = parseManifest(manifest);
    expect('problems' in parsed && parsed.problems.join('; ')).toContain(problem);
  });
});
