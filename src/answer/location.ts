import type { Passage } from '../ingest/types.js';

/**
 * Where a reader finds a passage: its page or pages ("p. 3", "pp. 3-4", with "(OCR)" when the text
 * was read from a scanned page), else its section heading, else its paragraph ("para. 6"; the first
 * is the "opening"). A passage saved before paragraphs were counted is the opening only if it
 * starts the document.
 */
export function citationLocation(passage: Pick<Passage, 'page' | 'pageEnd' | 'ocr' | 'heading' | 'paragraph' | 'start'>): string {
  if (passage.page !== undefined) {
    const pages = passage.pageEnd !== undefined && passage.pageEnd > passage.page ? `pp. ${passage.page}-${passage.pageEnd}` : `p. ${passage.page}`;
    return passage.ocr ? `${pages} (OCR)` : pages;
  }
  if (passage.heading) return passage.heading;
  if (passage.paragraph !== undefined) return passage.paragraph <= 1 ? 'opening' : `para. ${passage.paragraph}`;
  return passage.start === 0 ? 'opening' : 'later in the document';
}
