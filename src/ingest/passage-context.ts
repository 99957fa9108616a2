import type { Passage } from './types.js';

/** What a passage's words stand under: its document's title, its section's heading, and the header line of a table it opens inside of. */
export function passageContext(passage: Pick<Passage, 'title' | 'heading' | 'tableHeader'>): string {
  return [passage.title, passage.heading, passage.tableHeader].filter(Boolean).join('\n');
}
