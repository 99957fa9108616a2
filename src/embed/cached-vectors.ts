/**
 * Vectors of short texts, cached: the words of questions and windows (to see that "shaky
 * neighbourhoods" and "unstable communities" say the same thing when they share no words), and the
 * sentences of the passages questions read, which the questions of one topic read again and again.
 */
import type { Embedder } from './types.js';

export class CachedVectors {
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    private readonly embedder: Embedder,
    /** Texts kept; those used longest ago are dropped first. */
    private readonly capacity: number,
  ) {}

  /** Each text's vector (the same text, the same vector), embedding only those not kept. */
  async get(texts: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    const missing = new Set<string>();
    for (const text of texts) {
      const vector = this.cache.get(text);
      if (!vector) missing.add(text);
      else if (!found.has(text)) {
        found.set(text, vector);
        // Used again: kept as the newest.
        this.cache.delete(text);
        this.cache.set(text, vector);
      }
    }
    if (missing.size > 0) {
      const vectors = await this.embedder.embed([...missing]);
      [...missing].forEach((text, index) => {
        const vector = vectors[index] as Float32Array;
        found.set(text, vector);
        this.remember(text, vector);
      });
    }
    return found;
  }

  private remember(text: string, vector: Float32Array): void {
    if (this.cache.size >= this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(text, vector);
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
