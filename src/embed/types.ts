/** Turns text into unit-length vectors; one model per index. */
export interface Embedder {
  /** What the manifest records: a Hugging Face id or a local folder path, as configured. */
  readonly model: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
