/**
 * Checks of data read on the hot paths, written by hand rather than as zod schemas: what Citeline
 * wrote itself and reads back on start-up (the index manifest, the BM25 and figures artifacts), and
 * the stats vocabulary, which the ingest worker reads too.
 *
 * Why: opening an index parses each of these once per process, and zod's first parse of a schema
 * compiles it. Measured opening a 10k-passage index, these parses were about 20 of its 68 ms; the
 * loops here take under 1 ms. And the worker, with no zod to load, starts in 22 MB instead of 29.
 * zod stays for the rest (configuration, the search vocabulary, eval questions), read once, off
 * those paths.
 *
 * Each check returns the value typed, or throws a ShapeError naming where it failed ("hnsw.M: expected
 * a positive integer").
 */

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: expected ${expected}`);
    this.name = 'ShapeError';
  }
}

export function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path, 'an object');
  return value as Record<string, unknown>;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string');
  return value;
}

export function nonEmptyString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ShapeError(path, 'a non-empty string');
  return value;
}

export function matching(value: unknown, pattern: RegExp, path: string, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new ShapeError(path, what);
  return value;
}

export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number');
  return value;
}

export function count(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new ShapeError(path, 'a whole number, 0 or more');
  return value as number;
}

export function positive(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) throw new ShapeError(path, 'a positive integer');
  return value as number;
}

export function integer(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value)) throw new ShapeError(path, 'an integer');
  return value as number;
}

export function integers(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || !value.every((item) => Number.isSafeInteger(item))) throw new ShapeError(path, 'a list of integers');
  return value as number[];
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'true or false');
  return value;
}

export function literal<T extends string | number>(value: unknown, expected: T, path: string): T {
  if (value !== expected) throw new ShapeError(path, JSON.stringify(expected));
  return expected;
}

export function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  if (!options.includes(value as T)) throw new ShapeError(path, `one of ${options.join(', ')}`);
  return value as T;
}

export function bytes(value: unknown, path: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ShapeError(path, 'bytes');
  return value;
}

/** A list of strings, in one plain loop: an index's lists of passage ids run to hundreds of thousands. */
export function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'a list of strings');
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') throw new ShapeError(path, 'a list of strings');
  return value as string[];
}

export function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'a list');
  return value.map((entry, i) => item(entry, `${path}.${i}`));
}

export function optional<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T | undefined {
  return value === undefined ? undefined : check(value, path);
}

/**
 * An object used as a map, each key and value checked; the checked values replace the object's own.
 * In place, because building a new object of thousands of keys (a manifest's documents) took
 * milliseconds; and safe for a key such as "__proto__", which JSON.parse makes an own property, so
 * assigning it sets that property and never the prototype.
 */
export function record<T>(value: unknown, path: string, entry: (value: unknown, path: string, key: string) => T): Record<string, T> {
  const map = object(value, path);
  for (const key of Object.keys(map)) map[key] = entry(map[key], `${path}.${key}`, key);
  return map as Record<string, T>;
}
