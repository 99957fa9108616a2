/** What a passage is embedded as: the same for Citeline's ingest and for the benchmark's peer. */
import { passageContext } from '../ingest/passage-context.js';

/** The vector of a passage also carries its title and heading, which name its subject, and the header of a table it opens inside of. */
export function embeddingText(passage: { title: string; heading?: string; tableHeader?: string; text: string }): string {
  return [passageContext(passage), passage.text].filter(Boolean).join('\n');
}
