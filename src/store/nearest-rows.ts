/** Exact nearest-vector search over a plain matrix: no graph search, no store. */
import type { HierarchicalNSW } from 'hnswlib-node';
import { TopScores } from '../util/top-scores.js';

/**
 * The k rows of `matrix` (one vector of `dimension` values a row) most similar to `query` by cosine,
 * by scanning them all: what exact search, and the benchmark's recall of any graph, measure against.
 * Ties go to the earlier row. Only rows that enter the best k become objects: a recall run scans every
 * row hundreds of times, and an object a row was garbage enough to raise the benchmark's peak memory.
 */
export function nearestRows(query: Float32Array, matrix: Float32Array, dimension: number, k: number): { row: number; similarity: number }[] {
  const rows = Math.floor(matrix.length / dimension);
  const best = new TopScores<{ row: number; similarity: number }>(Math.max(0, Math.floor(k)), (a, b) => b.similarity - a.similarity || a.row - b.row);
  for (let row = 0; row < rows; row++) {
    let dot = 0;
    let norm = 0;
    for (let i = 0, at = row * dimension; i < dimension; i++, at++) {
      const value = matrix[at] as number;
      dot += value * (query[i] as number);
      norm += value * value;
    }
    const similarity = norm > 0 ? dot / Math.sqrt(norm) : 0;
    const worst = best.worst();
    if (worst === undefined || similarity > worst.similarity) best.offer({ row, similarity });
  }
  return best.sorted();
}

/** Every live vector of a graph read out once into a matrix, for exact search over it. */
export class VectorMatrix<E extends { label: number }> {
  private constructor(
    private readonly entries: readonly E[],
    private readonly matrix: Float32Array,
    private readonly dimension: number,
  ) {}

  static of<E extends { label: number }>(graph: HierarchicalNSW, entries: readonly E[], dimension: number): VectorMatrix<E> {
    const matrix = new Float32Array(entries.length * dimension);
    entries.forEach((entry, row) => matrix.set(graph.getPoint(entry.label), row * dimension));
    return new VectorMatrix(entries, matrix, dimension);
  }

  nearest(query: Float32Array, k: number): { entry: E; similarity: number }[] {
    return nearestRows(query, this.matrix, this.dimension, k).map(({ row, similarity }) => ({ entry: this.entries[row]!, similarity }));
  }
}
