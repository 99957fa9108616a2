import type { Passage } from '../../src/ingest/types.js';

/** A passage as the chunker would make it, with only what a test cares about given. */
export function passage(text: string, fields: Partial<Passage> = {}): Passage {
  const docId = fields.docId ?? 'reports/example.md';
  const start = fields.start ?? 0;
  return {
    id: `${docId}#${start}`,
    docId,
    title: fields.title ?? 'An example report',
    source: fields.source ?? 'https://example.org/report',
    text,
    start,
    end: start + text.length,
    ...fields,
  };
}
