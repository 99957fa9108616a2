import type { Passage } from '../ingest/types.js';

/** Where a reader finds a passage: its page, else its section heading, else the start of the document. */
export function citationLocation(passage: Pick<Passage, 'page' | 'heading'>): string {
  if (passage.page !== undefined) return `p. ${passage.page}`;
  if (passage.heading) return passage.heading;
  return 'opening';
}
