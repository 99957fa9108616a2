/** What a passage is embedded as: the same for Citeline's ingest and for the benchmark's peer. */

/** The vector of a passage also carries its title and heading, which name its subject. */
export function embeddingText(passage: { title: string; heading?: string; text: string }): string {
  return [passage.title, passage.heading, passage.text].filter(Boolean).join('\n');
}
