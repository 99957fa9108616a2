/** Zod schemas shared by the saved formats (the manifest, the BM25 and figures artifacts). */
import { z } from 'zod';

/**
 * A list of strings, checked in one plain loop: zod's element-by-element parse of the lists of
 * passage ids an index holds (the manifest's, the BM25 index's, the figures') was a measurable part
 * of opening it.
 */
export const stringList = z.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'expected a list of strings');

/** Bytes kept by the artifact codec. */
export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
