import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';

describe('parseFrontMatter', () => {
  it('reads the bare key: value header of the eval corpus', () => {
    const text =
      'title: A brave new world (Schools Improvement Net)\nsource: https://example.org/brave\nretrieved-via: seed file (000.txt)\n\nA brave new world\n\nBody text.';
    const result = parseFrontMatter(text);
    expect(result.present).toBe(true);
    expect(result.title).toBe('A brave new world (Schools Improvement Net)');
    expect(result.source).toBe('https://example.org/brave');
    expect(result.fields['retrieved-via']).toBe('seed file (000.txt)');
    expect(result.body).toBe('A brave new world\n\nBody text.');
    expect(text.slice(result.bodyOffset)).toBe(result.body);
  });

  it('reads publisher and date, and values that contain colons', () => {
    const result = parseFrontMatter('title: Report: part 2\npublisher: iMPOWER\ndate: 2015-04\n\n# Heading\n');
    expect(result).toMatchObject({ title: 'Report: part 2', publisher: 'iMPOWER', date: '2015-04', body: '# Heading\n' });
  });

  it('reads a --- delimited block, with quoted values', () => {
    const text = '---\ntitle: "Breaking the lock"\nsource: https://example.org/lock\ntags:\n  - a\n---\n\nBody starts here.\n';
    const result = parseFrontMatter(text);
    expect(result.present).toBe(true);
    expect(result.title).toBe('Breaking the lock');
    expect(result.source).toBe('https://example.org/lock');
    expect(result.body).toBe('Body starts here.\n');
    expect(text.slice(result.bodyOffset)).toBe(result.body);
  });

  it('copes with a BOM and Windows line ends', () => {
    const result = parseFrontMatter('\uFEFFtitle: T\r\nsource: S\r\n\r\nBody');
    expect(result).toMatchObject({ present: true, title: 'T', source: 'S', body: 'Body' });
  });

  it('leaves text without a header alone', () => {
    for (const text of ['# Title\n\nBody', 'Just a paragraph.\n', '', '---\nnot closed\n\nBody', '<html><body>x</body></html>']) {
      const result = parseFrontMatter(text);
      expect(result.present).toBe(false);
      expect(result.body).toBe(text);
      expect(result.bodyOffset).toBe(0);
      expect(result.fields).toEqual({});
    }
  });

  it('does not mistake an opening "Note:" line for a header', () => {
    const result = parseFrontMatter('Note: figures are provisional\n\nThe council said...');
    expect(result.present).toBe(false);
  });
});
