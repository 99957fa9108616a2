import { describe, expect, it } from 'vitest';
import { chunkDocument, countWords, DEFAULT_CHUNK_OPTIONS, documentText, passageId } from '../../src/ingest/chunk.js';
import type { DocumentBlock, LoadedDocument, Passage } from '../../src/ingest/types.js';

function doc(blocks: DocumentBlock[], extra: Partial<LoadedDocument> = {}): LoadedDocument {
  return { id: 'reports/doc.md', path: '/reports/doc.md', title: 'Doc', source: 'https://example.org/doc', format: 'markdown', hash: 'h', blocks, ...extra };
}

/** A sentence of exactly `words` words, numbered so every sentence is distinct. */
function sentence(n: number, words = 15): string {
  const filler = Array.from({ length: words - 2 }, (_, i) => `word${i}`).join(' ');
  return `Sentence${n} ${filler} end.`;
}

function paragraph(from: number, count: number, words = 15): string {
  return Array.from({ length: count }, (_, i) => sentence(from + i, words)).join(' ');
}

function expectExactOffsets(document: LoadedDocument, passages: Passage[]) {
  const text = documentText(document);
  for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
}

describe('documentText', () => {
  it('joins the blocks with a blank line', () => {
    expect(documentText(doc([{ text: 'One.' }, { text: 'Two.' }]))).toBe('One.\n\nTwo.');
  });
});

describe('chunkDocument', () => {
  it('exports its defaults', () => {
    expect(DEFAULT_CHUNK_OPTIONS).toEqual({ minWords: 60, targetWords: 120, maxWords: 200, overlapSentences: 1 });
  });

  it('makes passages within the word range, on sentence boundaries, with exact offsets', () => {
    const document = doc([{ text: paragraph(0, 20) }, { text: paragraph(20, 20) }, { text: paragraph(40, 13, 17) }]);
    const passages = chunkDocument(document);
    expect(passages.length).toBeGreaterThan(4);
    for (const passage of passages) {
      const words = countWords(passage.text);
      expect(words).toBeGreaterThanOrEqual(60);
      expect(words).toBeLessThanOrEqual(200);
      expect(passage.text).toMatch(/^Sentence\d+ /);
      expect(passage.text).toMatch(/ end\.$/);
    }
    expectExactOffsets(document, passages);
    // Every sentence is in some passage.
    const all = passages.map((passage) => passage.text).join(' ');
    for (let n = 0; n < 53; n++) expect(all).toContain(`Sentence${n} `);
  });

  it('carries the citation fields of the document and its blocks', () => {
    const document = doc([{ text: paragraph(0, 3), heading: 'Findings' }], { publisher: 'iMPOWER', date: '2015-04' });
    expect(chunkDocument(document)).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        docId: 'reports/doc.md',
        title: 'Doc',
        source: 'https://example.org/doc',
        publisher: 'iMPOWER',
        date: '2015-04',
        heading: 'Findings',
        text: paragraph(0, 3),
        paragraph: 1,
        start: 0,
        end: paragraph(0, 3).length,
      },
    ]);
  });

  it('numbers each passage by the block it starts in, a block cut in two giving both halves its number', () => {
    const document = doc([{ text: paragraph(0, 2) }, { text: paragraph(2, 30) }, { text: paragraph(32, 6) }]);
    const passages = chunkDocument(document, { overlapSentences: 0 });
    const text = documentText(document);
    const blockOf = (offset: number) => text.slice(0, offset).split('\n\n').length;
    expect(passages.length).toBeGreaterThan(3);
    expect(passages.map((passage) => passage.paragraph)).toEqual(passages.map((passage) => blockOf(passage.start)));
    expect(new Set(passages.map((passage) => passage.paragraph))).toEqual(new Set([1, 2, 3]));
  });

  it('keeps a short whole document as one passage', () => {
    const passages = chunkDocument(doc([{ text: 'Only one short sentence.' }]));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toBe('Only one short sentence.');
  });

  it('never lets a passage cross a heading, but merges small blocks under one heading', () => {
    const document = doc([
      { text: paragraph(0, 2), heading: 'A' },
      { text: paragraph(2, 2), heading: 'A' },
      { text: paragraph(4, 2), heading: 'B' },
    ]);
    const passages = chunkDocument(document);
    expect(passages.map((passage) => passage.heading)).toEqual(['A', 'B']);
    expect(passages[0]!.text).toBe(`${paragraph(0, 2)}\n\n${paragraph(2, 2)}`);
    expectExactOffsets(document, passages);
  });

  it('lets a passage run across a page break, giving the pages it starts and ends on', () => {
    const cut = paragraph(9, 3);
    const document = doc([
      { text: paragraph(6, 3), page: 1 },
      // A paragraph that starts on page 2 and runs on to page 3 part-way through.
      { text: cut, page: 2, pageStarts: [{ offset: cut.length - 20, page: 3 }] },
      { text: paragraph(12, 1), page: 3 },
    ]);
    const passages = chunkDocument(document, { minWords: 1, targetWords: 1000, maxWords: 1000 });
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ page: 1, pageEnd: 3 });
    const bySentence = chunkDocument(document, { minWords: 1, targetWords: 1, maxWords: 1000, overlapSentences: 0 });
    expect(bySentence[0]).toMatchObject({ page: 1 });
    expect(bySentence[0]!.pageEnd).toBeUndefined();
    expect(bySentence[bySentence.length - 1]).toMatchObject({ page: 3 });
    expectExactOffsets(document, passages);
  });

  it('repeats the last sentence of a passage at the start of the next', () => {
    const passages = chunkDocument(doc([{ text: paragraph(0, 30) }]));
    expect(passages.length).toBeGreaterThan(2);
    for (let i = 1; i < passages.length; i++) {
      const previous = passages[i - 1]!.text;
      const lastSentence = previous.slice(previous.lastIndexOf('Sentence'));
      expect(passages[i]!.text.startsWith(lastSentence)).toBe(true);
    }
  });

  it('has no overlap when asked for none', () => {
    const document = doc([{ text: paragraph(0, 30) }]);
    const passages = chunkDocument(document, { overlapSentences: 0 });
    for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeGreaterThan(passages[i - 1]!.end);
    expect(passages.map((passage) => passage.text).join(' ')).toBe(paragraph(0, 30));
  });

  it('merges a tiny trailing piece into the passage before it', () => {
    // 8 sentences of 15 words fill one passage; the ninth alone would be a 15-word tail.
    const passages = chunkDocument(doc([{ text: paragraph(0, 9) }]), { overlapSentences: 0 });
    expect(passages).toHaveLength(1);
    expect(countWords(passages[0]!.text)).toBe(135);
  });

  it('splits a sentence longer than maxWords on word boundaries', () => {
    const long = `${Array.from({ length: 450 }, (_, i) => `w${i}`).join(' ')}.`;
    const document = doc([{ text: `Short opening sentence here. ${long} Short closing sentence.` }]);
    const passages = chunkDocument(document);
    expectExactOffsets(document, passages);
    for (const passage of passages) expect(countWords(passage.text)).toBeLessThanOrEqual(200);
    const covered = passages.map((passage) => passage.text).join(' ');
    for (const word of ['w0 ', 'w225 ', 'w449.']) expect(covered).toContain(word);
    // Pieces start and end on whole words.
    for (const passage of passages) expect(passage.text).toMatch(/^\S.*\S$/s);
    expect(passages.some((passage) => /^w\d+ /.test(passage.text))).toBe(true);
  });

  it('splits a run of lines longer than maxWords (a long table) between lines, never inside a row', () => {
    const rows = Array.from({ length: 90 }, (_, i) => `Quay ${i} | ${100 + i} | ${i % 7} | fee band ${i % 3}`);
    const table = ['Quay | Berths | Boats | Fee', ...rows].join('\n');
    const document = doc([{ text: 'Berths by quay are listed below.' }, { text: table }]);
    const passages = chunkDocument(document);
    expectExactOffsets(document, passages);
    expect(passages.length).toBeGreaterThan(2);
    const lines = new Set(table.split('\n'));
    for (const passage of passages) {
      expect(countWords(passage.text)).toBeLessThanOrEqual(200);
      // Every line of a passage's table part is a whole row of the table.
      for (const line of passage.text.split('\n').filter((l) => l.includes(' | '))) expect(lines.has(line)).toBe(true);
    }
    const covered = passages.map((passage) => passage.text).join('\n');
    for (const row of [rows[0]!, rows[45]!, rows[89]!]) expect(covered).toContain(row);
    // A passage that starts inside the table keeps its header line; the others have none.
    for (const passage of passages) expect(passage.tableHeader).toBe(passage.text.startsWith('Quay ') ? 'Quay | Berths | Boats | Fee' : undefined);
  });

  it('gives ids that are stable across runs and change when the text changes', () => {
    const blocks = [{ text: paragraph(0, 20) }, { text: paragraph(20, 5), heading: 'Later' }];
    const first = chunkDocument(doc(blocks)).map((passage) => passage.id);
    const second = chunkDocument(doc(structuredClone(blocks))).map((passage) => passage.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);

    const edited = chunkDocument(doc([{ text: paragraph(0, 20).replace('Sentence1 ', 'Sentence1 edited ') }, blocks[1]!]));
    expect(edited[0]!.id).not.toBe(first[0]);
    const other = chunkDocument(doc(blocks, { id: 'reports/other.md' }));
    expect(other[0]!.id).not.toBe(first[0]);
    expect(first[0]).toBe(passageId('reports/doc.md', 0, chunkDocument(doc(blocks))[0]!.text));
  });

  it('respects custom sizes', () => {
    const passages = chunkDocument(doc([{ text: paragraph(0, 40, 10) }]), { minWords: 20, targetWords: 40, maxWords: 50, overlapSentences: 0 });
    for (const passage of passages) {
      expect(countWords(passage.text)).toBeGreaterThanOrEqual(20);
      expect(countWords(passage.text)).toBeLessThanOrEqual(50);
    }
  });
});

describe('chunkDocument progress', () => {
  it('tells a rising share of the document cut, through each section, and cuts as it does without a listener', () => {
    // A long section without a blank line (split in windows), then a short one under a heading.
    const long = Array.from({ length: 400 }, (_, i) => paragraph(i * 10, 10)).join('\n');
    const document = doc([{ text: long }, { text: paragraph(9_000, 12), heading: 'Later' }]);
    const shares: number[] = [];
    const passages = chunkDocument(document, { onProgress: (share) => shares.push(share) });
    expect(passages).toEqual(chunkDocument(document));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(1);
    expect(shares[shares.length - 1]).toBeGreaterThan(0.99);
    // Splitting the long section into sentences is told window by window, before any passage is made.
    const longShare = long.length / documentText(document).length;
    expect(shares.filter((share) => share < 0.8 * longShare).length).toBeGreaterThan(5);
  });
});
