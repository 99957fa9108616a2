/**
 * PDFs as real producers make them: text running across page breaks, browser and enscript headers
 * and footers, line-end hyphens, titles printed on page 1, table rows, and scanned pages.
 * Every fixture is made here from text written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationLocation } from '../../src/answer/location.js';
import { chunkDocument, documentText } from '../../src/ingest/chunk.js';
import { loadDocument } from '../../src/ingest/load-document.js';
import { splitSentences } from '../../src/ingest/sentences.js';
import { bodyLines, makePdf, makePlacedPdf, makeScannedPdf, makeTempDir } from './fixtures.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

const load = async (name: string, bytes: Uint8Array) => loadDocument(await temp.write(name, bytes), temp.dir);

describe('PDF text as one flow', () => {
  it('runs a sentence cut by a page break on into the next page, and cites both pages', async () => {
    const bytes = await makePdf([
      [['The harbour board met in spring.'], ['Its survey found the quietest berths were on the', 'eastern quay']],
      [['(about 12% of moorings).', 'Repairs start next year.']],
    ]);
    const document = await load('harbour.pdf', bytes);
    const sentences = splitSentences(documentText(document)).map((sentence) => sentence.text);
    expect(sentences).toContain('Its survey found the quietest berths were on the eastern quay (about 12% of moorings).');
    const passages = chunkDocument(document);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ page: 1, pageEnd: 2 });
    expect(citationLocation(passages[0]!)).toBe('pp. 1-2');
  });

  it('keeps a paragraph that ends its page with a full stop apart from the next page', async () => {
    const bytes = await makePdf([[['The first page ends here.']], [['The second page starts afresh.']]]);
    const document = await load('apart.pdf', bytes);
    expect(document.blocks).toEqual([
      { text: 'The first page ends here.', page: 1 },
      { text: 'The second page starts afresh.', page: 2 },
    ]);
  });

  it('gives a passage on one page its page alone', () => {
    expect(citationLocation({ page: 4, start: 900 })).toBe('p. 4');
    expect(citationLocation({ page: 4, pageEnd: 5, start: 900 })).toBe('pp. 4-5');
    expect(citationLocation({ page: 2, ocr: true, start: 900 })).toBe('p. 2 (OCR)');
    expect(citationLocation({ heading: 'Costs', paragraph: 7, start: 900 })).toBe('Costs');
  });
});

describe('PDF headers and footers', () => {
  // What Chromium prints around each page by default: date, time and title at the top; the file's
  // address and the page count at the bottom.
  const chromePage = (page: number, of: number, body: string[]) => [
    { text: '12/6/26, 12:18 PM', x: 20, y: 825, size: 8 },
    { text: 'Harbour survey', x: 270, y: 825, size: 8 },
    ...bodyLines(body),
    { text: 'file:///tmp/harbour-survey.html', x: 20, y: 12, size: 8 },
    { text: `${page}/${of}`, x: 560, y: 12, size: 8 },
  ];

  it('drops a browser header and footer from a one-page document', async () => {
    const document = await load('one.pdf', await makePlacedPdf([chromePage(1, 1, ['Boats wait longer in winter.'])]));
    expect(document.blocks.map((block) => block.text)).toEqual(['Boats wait longer in winter.']);
  });

  it('drops them from a two-page document, and the sentence across the break stays whole', async () => {
    const document = await load(
      'two.pdf',
      await makePlacedPdf([chromePage(1, 2, ['Boats wait longer in winter, when the', 'tides are low']), chromePage(2, 2, ['and the pilots few.'])]),
    );
    expect(document.blocks.map((block) => block.text)).toEqual(['Boats wait longer in winter, when the tides are low and the pilots few.']);
  });

  it("drops enscript's header line and a page number repeated on every page", async () => {
    const header = (page: number) => ({ text: `notes.txt          Sun Dec 06 13:39:19 2026          ${page}`, x: 40, y: 810, size: 10 });
    const document = await load(
      'enscript.pdf',
      await makePlacedPdf([
        [header(1), ...bodyLines(['Ferries ran on time.'])],
        [header(2), ...bodyLines(['Cargo volumes rose.']), { text: '- 2 -', x: 290, y: 30 }],
      ]),
    );
    expect(document.blocks.map((block) => block.text)).toEqual(['Ferries ran on time.', 'Cargo volumes rose.']);
  });

  it('reads a table typed as its Markdown source as the Markdown loader does, a line a row, joining the rest of a row the printer wrapped', async () => {
    const document = await load(
      'typed-table.pdf',
      await makePlacedPdf([
        bodyLines([
          'The harbour board counted berths in the spring.',
          '',
          'Berths let by quay this season:',
          '| Quay | Berths let | Boats waiting |',
          '| --- | --- | --- |',
          '| Eastpoint | 140 | 35 |',
          '| Westreach, the old fishing harbour beyond the sea wall | 96 |',
          '12 |',
          '| Northgate | 210 | 48 |',
        ]),
      ]),
    );
    expect(document.blocks.map((block) => block.text).slice(-2)).toEqual([
      'Berths let by quay this season:',
      // As the Markdown loader writes a table: outer pipes off, the divider line dropped.
      ['Quay | Berths let | Boats waiting', 'Eastpoint | 140 | 35', 'Westreach, the old fishing harbour beyond the sea wall | 96 | 12', 'Northgate | 210 | 48'].join('\n'),
    ]);
  });

  it('runs a typed table on over a page break, its rows still a line each', async () => {
    const document = await load(
      'typed-pages.pdf',
      await makePlacedPdf([
        bodyLines(['The harbour board counted berths in the spring.', '', '| Quay | Berths let |', '| --- | --- |', '| Eastpoint | 140 |'], 200),
        bodyLines(['| Westreach | 96 |', '| Northgate | 210 |', '', 'Repairs start next year.']),
      ]),
    );
    const table = document.blocks.find((block) => block.text.startsWith('Quay'))!;
    expect(table.text).toBe(['Quay | Berths let', 'Eastpoint | 140', 'Westreach | 96', 'Northgate | 210'].join('\n'));
    expect(table.pageStarts).toEqual([{ offset: table.text.indexOf('Westreach'), page: 2 }]);
  });

  it("drops enscript's header cut short by a long path at the page's edge, and takes the title from the text", async () => {
    const header = { text: '/home/ann/work/reports/harbour-survey-2026.txt Mon Dec', x: 40, y: 810, size: 10 };
    const document = await load('cut.pdf', await makePlacedPdf([[header, ...bodyLines(['Harbour survey', 'Ferries ran on time.'])]]));
    expect(document.blocks.map((block) => block.text).join(' ')).not.toContain('harbour-survey-2026.txt');
    expect(document.title).not.toContain('.txt');
    // Cut before its extension: a path alone on the line.
    const bare = { ...header, text: '/home/ann/work/reports/harbour-survey-2026-final-version-for-the-board-meeting-in-sprin' };
    const other = await load('bare.pdf', await makePlacedPdf([[bare, ...bodyLines(['Harbour survey', 'Ferries ran on time.'])]]));
    expect(other.blocks.map((block) => block.text).join(' ')).not.toContain('/home/ann');
    expect(other.title).not.toContain('/home/ann');
  });

  it('keeps a first line that only looks like a margin because the page is short', async () => {
    const document = await load('short.pdf', await makePlacedPdf([bodyLines(['Quay 4 reopened on 3 May.', 'Nobody was hurt.'])]));
    expect(document.blocks.map((block) => block.text)).toEqual(['Quay 4 reopened on 3 May. Nobody was hurt.']);
  });
});

describe('PDF line-end hyphens', () => {
  it('rejoins a word the typesetter broke, keeps a compound the document writes with its hyphen', async () => {
    const bytes = await makePdf([
      [
        ['The board agreed a multi-agency plan. Every', 'multi-', 'agency meeting was minuted after a long', 'consul-', 'tation.'],
        ['A re-survey was set for May, and the', 're-', 'survey team named.'],
      ],
    ]);
    const text = documentText(await load('hyphens.pdf', bytes));
    expect(text).toContain('Every multi-agency meeting');
    expect(text).toContain('a long consultation.');
    expect(text).toContain('and the re-survey team');
  });

  it('rejoins a word the document writes whole elsewhere, and capitals broken at a line end', async () => {
    const bytes = await makePdf([[['Berths need reinspection yearly; the', 're-', 'inspection of quay 2 is due.'], ['AREAS FOR IMPROV-', 'ING NEXT']]]);
    const text = documentText(await load('joined.pdf', bytes));
    expect(text).toContain('the reinspection of quay 2');
    expect(text).toContain('AREAS FOR IMPROVING NEXT');
  });

  it('keeps the hyphen of a known prefix or number word when the document says nothing more', async () => {
    const bytes = await makePdf([[['A one-', 'dimensional view and a cross-', 'border route.']]]);
    expect(documentText(await load('prefix.pdf', bytes))).toContain('A one-dimensional view and a cross-border route.');
  });
});

describe('PDF titles', () => {
  it('takes the title printed large at the top of page 1 when the metadata has none', async () => {
    const bytes = await makePlacedPdf([
      [
        { text: 'Harbour Survey', x: 60, y: 790, size: 22 },
        { text: 'of the Eastern Quay', x: 60, y: 764, size: 22 },
        ...bodyLines(['The survey counted every berth.', 'It took three weeks.'], 720),
      ],
    ]);
    expect((await load('survey-2026.pdf', bytes)).title).toBe('Harbour Survey of the Eastern Quay');
  });

  it("takes a short first line as the title, passing over a web page's chrome", async () => {
    const bytes = await makePlacedPdf([bodyLines(['Skip to main content', 'Night ferries return to the harbour', 'The board voted to restore the night ferry.'])]);
    expect((await load('saved-page.pdf', bytes)).title).toBe('Night ferries return to the harbour');
  });

  it('keeps the whole of a long title set large over several lines, a hyphen at a line end settled from the page', async () => {
    const bytes = await makePlacedPdf([
      [
        ...['Harbour Board:', 'Re-', 'inspection of the', 'eastern and western', 'quays and moorings', '(survey, 3 May 2026)'].map((text, i) => ({ text, x: 60, y: 800 - i * 26, size: 22 })),
        ...bodyLines(['The re-inspection counted every berth on both quays and', 'every mooring in the outer harbour, and it took three', 'weeks, longer than planned because of the spring storms.'], 620),
      ],
    ]);
    expect((await load('long-title.pdf', bytes)).title).toBe('Harbour Board: Re-inspection of the eastern and western quays and moorings (survey, 3 May 2026)');
  });

  it('joins a title in the body font that was wrapped onto a second line, and only then', async () => {
    const body = ['The board met on the quay to count the berths that were', 'still free after the storm and to agree on the repairs it', 'would ask the council to pay for before the summer came.'];
    // The title's first line is as full as the body's: its next word would not have fitted on it.
    const wrapped = [...bodyLines(['Harbour board survey of berths, moorings and the old quay', 'walls (spring 2026)']), ...bodyLines(body, 710)];
    expect((await load('wrapped.pdf', await makePlacedPdf([wrapped]))).title).toBe('Harbour board survey of berths, moorings and the old quay walls (spring 2026)');
    // A short first line followed at once by body text stays a title of its own.
    const short = [...bodyLines(['Harbour board survey', ...body])];
    expect((await load('short.pdf', await makePlacedPdf([short]))).title).toBe('Harbour board survey');
  });

  it('reads a short line set larger than the body as the heading of the blocks below it, not as text', async () => {
    const body = (lines: string[], top: number) => bodyLines(lines, top);
    const bytes = await makePlacedPdf([
      [
        { text: 'Quay repairs', x: 60, y: 780, size: 16 },
        ...body(['The board agreed to mend the eastern quay walls', 'before the summer and to pay for it from reserves.'], 750),
        { text: 'Moorings', x: 60, y: 700, size: 16 },
        ...body(['Forty moorings were let in the spring, ten more', 'than a year before, and the waiting list is closed.'], 670),
      ],
    ]);
    const document = await load('sections.pdf', bytes);
    expect(document.blocks.map((block) => [block.heading, block.text])).toEqual([
      ['Quay repairs', 'The board agreed to mend the eastern quay walls before the summer and to pay for it from reserves.'],
      ['Moorings', 'Forty moorings were let in the spring, ten more than a year before, and the waiting list is closed.'],
    ]);
    expect(chunkDocument(document).map((passage) => passage.heading)).toEqual(['Quay repairs', 'Moorings']);
  });

  it('does not keep the title printed in the body font as a passage of its own', async () => {
    // The title, a blank line, then the body, all in one font.
    const bytes = await makePlacedPdf([[...bodyLines(['Harbour board survey'], 760), ...bodyLines(['The board counted every berth on the quay.', 'It took three weeks.'], 732)]]);
    const document = await load('titled.pdf', bytes);
    expect(document.title).toBe('Harbour board survey');
    expect(document.blocks.map((block) => block.text)).toEqual(['The board counted every berth on the quay. It took three weeks.']);
  });

  it('falls back to the file name without its extension', async () => {
    expect((await load('plain-notes.pdf', await makePdf([[['Some text here.']]]))).title).toBe('plain-notes');
  });

  it('prefers the metadata title', async () => {
    expect((await load('meta.pdf', await makePdf([[['Some text here.']]], { title: 'Quay Review' }))).title).toBe('Quay Review');
  });
});

describe('PDF tables', () => {
  it('reads each table row as a sentence: first cell, colon, the others', async () => {
    const row = (left: string, right: string, y: number) => [
      { text: left, x: 60, y },
      { text: right, x: 360, y },
    ];
    const bytes = await makePlacedPdf([
      [...bodyLines(['Judgements at the last visit.']), ...row('Overall safety', 'Requires work', 700), ...row('Quay maintenance', 'Good', 686)],
    ]);
    const document = await load('table.pdf', bytes);
    expect(document.blocks.map((block) => block.text)).toEqual(['Judgements at the last visit.', 'Overall safety: Requires work', 'Quay maintenance: Good']);
    const sentences = splitSentences(documentText(document)).map((sentence) => sentence.text);
    expect(sentences).toContain('Overall safety: Requires work');
  });

  it('names each figure of a row by its column when the table opens with a header row', async () => {
    const row = (cells: string[], y: number) => cells.map((text, i) => ({ text, x: 60 + i * 150, y }));
    const bytes = await makePlacedPdf([
      [...bodyLines(['Moorings by harbour.']), ...row(['Harbour', 'Moorings', 'Waiting list'], 700), ...row(['Eastpoint', '140', '35'], 686), ...row(['Westreach', '95', '12'], 672), ...bodyLines(['Both harbours are full.'], 640)],
    ]);
    const document = await load('moorings.pdf', bytes);
    expect(document.blocks.map((block) => block.text)).toEqual([
      'Moorings by harbour.',
      'Harbour: Moorings, Waiting list',
      'Eastpoint: Moorings 140, Waiting list 35',
      'Westreach: Moorings 95, Waiting list 12',
      'Both harbours are full.',
    ]);
  });
});

describe('scanned PDF pages', () => {
  it('reads a page without a text layer by OCR, with its page number, marked as OCR', { timeout: 120_000 }, async () => {
    const bytes = await makeScannedPdf(['The lighthouse keeper logged', 'forty storms in one winter.'], [['A typed cover page.']]);
    const document = await load('scan.pdf', bytes);
    const scanned = document.blocks.filter((block) => block.ocr);
    expect(scanned.length).toBeGreaterThan(0);
    expect(scanned.every((block) => block.page === 2)).toBe(true);
    const text = scanned.map((block) => block.text).join(' ');
    expect(text).toMatch(/lighthouse keeper logged/);
    expect(text).toMatch(/forty storms in one winter/);
    const passage = chunkDocument(document).find((candidate) => candidate.text.includes('lighthouse'))!;
    expect(citationLocation(passage)).toMatch(/^pp?\. .*2 \(OCR\)$/);
  });

  it('does not read it when OCR is off', async () => {
    const bytes = await makeScannedPdf(['A page with nothing typed.']);
    await expect(loadDocument(await temp.write('off.pdf', bytes), temp.dir, { ocr: false })).rejects.toThrow(/no text layer/);
  });
});

describe('DOCX and HTML tables', () => {
  it('reads each row of a Word table as one sentence', async () => {
    const { makeDocx } = await import('./fixtures.js');
    const bytes = await makeDocx([
      { text: 'Judgements at the last visit.' },
      { table: [['Area', 'Judgement'], ['Overall safety', 'Requires work'], ['Quay maintenance', 'Good']] },
      { text: 'The next visit is due in spring.' },
    ]);
    const document = await load('table.docx', bytes);
    expect(document.blocks.map((block) => block.text)).toEqual([
      'Judgements at the last visit.',
      'Area: Judgement',
      'Overall safety: Requires work',
      'Quay maintenance: Good',
      'The next visit is due in spring.',
    ]);
  });

  it('reads an HTML table row the same way, each figure named by its column under a header row', async () => {
    const html = '<p>Berths by quay.</p><table><tr><th>Quay</th><th>Berths</th><th>Depth</th></tr><tr><td><p>East</p></td><td>12</td><td>9 m</td></tr></table>';
    const document = await load('table.html', new TextEncoder().encode(html));
    expect(document.blocks.map((block) => block.text)).toEqual(['Berths by quay.', 'Quay: Berths, Depth', 'East: Berths 12, Depth 9 m']);
  });

  it('names figures under a two-level HTML header by both its levels, a spanning cell naming each column it covers', async () => {
    const html =
      '<table><tr><th rowspan="2">Harbour</th><th colspan="2">2024</th><th colspan="2">2025</th></tr>' +
      '<tr><th>Berths</th><th>Boats</th><th>Berths</th><th>Boats</th></tr>' +
      '<tr><td>Eastpoint</td><td>140</td><td>95</td><td>150</td><td>101</td></tr></table>';
    const document = await load('levels.html', new TextEncoder().encode(html));
    expect(document.blocks.map((block) => block.text)).toEqual([
      'Harbour: 2024, 2025',
      'Berths: Boats, Berths, Boats',
      'Eastpoint: 2024 Berths 140, 2024 Boats 95, 2025 Berths 150, 2025 Boats 101',
    ]);
  });

  it('names the figures of a Word table by their column, years heading columns included, each table by its own header', async () => {
    const { makeDocx } = await import('./fixtures.js');
    const bytes = await makeDocx([
      { table: [['Harbour', 'Moorings', 'Waiting list'], ['Eastpoint', '140', '35'], ['Westreach', '95', 'none']] },
      { text: 'Costs by year.' },
      { table: [['Item', '2024-25', '2025-26'], ['Dredging', '£1.2m', '£1.5m']] },
      { table: [['Eastpoint', '140'], ['Westreach', '95']] },
    ]);
    const document = await load('figures.docx', bytes);
    expect(document.blocks.map((block) => block.text)).toEqual([
      'Harbour: Moorings, Waiting list',
      'Eastpoint: Moorings 140, Waiting list 35',
      'Westreach: Moorings 95, none',
      'Costs by year.',
      'Item: 2024-25, 2025-26',
      'Dredging: 2024-25 £1.2m, 2025-26 £1.5m',
      'Eastpoint: 140',
      'Westreach: 95',
    ]);
  });
});
