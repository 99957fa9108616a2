/**
 * Vectors of single words, cached: used to see that "shaky neighbourhoods" and "unstable
 * communities" say the same thing when a question and a report share no words.
 */
import type { Embedder } from './types.js';

export class WordVectors {
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    private readonly embedder: Embedder,
    /** Words kept; the oldest are dropped first. A static model makes recomputing cheap anyway. */
    private readonly capacity = 50_000,
  ) {}

  async get(words: readonly string[]): Promise<Map<string, Float32Array>> {
    const missing = [...new Set(words.filter((word) => !this.cache.has(word)))];
    if (missing.length > 0) {
      const vectors = await this.embedder.embed(missing);
      missing.forEach((word, index) => this.remember(word, vectors[index] as Float32Array));
    }
    const found = new Map<string, Float32Array>();
    for (const word of words) {
      const vector = this.cache.get(word);
      if (vector) found.set(word, vector);
    }
    return found;
  }

  private remember(word: string, vector: Float32Array): void {
    if (this.cache.size >= this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(word, vector);
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
