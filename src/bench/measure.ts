/** Small measuring helpers for the benchmark: percentiles, elapsed time, peak memory, size on disk, medians of runs. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakMemoryMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function sizeOnDiskBytes(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOnDiskBytes(join(path, entry));
  return total;
}

/**
 * Results of the same measurement run several times, as one: each number the median of its runs
 * (objects and lists of the same shape taken field by field), anything else as in the first run.
 */
export function medianOfRuns<T>(runs: readonly T[]): T {
  const [first] = runs;
  if (first === undefined) throw new Error('medianOfRuns: no runs');
  if (typeof first === 'number') return median(runs as readonly number[]) as T;
  if (Array.isArray(first)) return first.map((_, i) => medianOfRuns(runs.map((run) => (run as unknown[])[i]))) as T;
  if (typeof first === 'object' && first !== null) {
    return Object.fromEntries(Object.keys(first).map((key) => [key, medianOfRuns(runs.map((run) => (run as Record<string, unknown>)[key]))])) as T;
  }
  return first;
}

/** The lowest and highest of a number across runs. */
export function rangeOfRuns<T>(runs: readonly T[], value: (run: T) => number): [number, number] {
  const values = runs.map(value);
  return [Math.min(...values), Math.max(...values)];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
