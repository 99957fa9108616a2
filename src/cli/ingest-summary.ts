import type { IngestSummary } from '../engine/types.js';

export function formatIngestSummary(summary: IngestSummary, indexDir: string): string {
  const lines = [
    `Indexed ${summary.documents} documents, ${summary.passages} passages into ${indexDir} in ${summary.seconds} s.`,
    `  added ${summary.added.length}, updated ${summary.updated.length}, removed ${summary.removed.length}, unchanged ${summary.unchanged.length}, skipped ${summary.skipped.length}`,
  ];
  for (const skipped of summary.skipped) lines.push(`  skipped ${skipped.path}: ${skipped.reason}`);
  return lines.join('\n');
}
