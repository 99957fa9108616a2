import { describe, expect, it } from 'vitest';
import { citationLocation } from '../../src/answer/location.js';

describe('citationLocation without a page or heading', () => {
  it('names the paragraph a passage starts in, the first being the opening', () => {
    expect(citationLocation({ paragraph: 1, start: 0 })).toBe('opening');
    expect(citationLocation({ paragraph: 6, start: 1400 })).toBe('para. 6');
  });

  it('calls a passage saved before paragraphs were counted the opening only when it starts the document', () => {
    expect(citationLocation({ start: 0 })).toBe('opening');
    expect(citationLocation({ start: 1400 })).toBe('later in the document');
  });
});
