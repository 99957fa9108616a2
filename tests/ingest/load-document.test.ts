import { chmod, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { loadDocument, loadDocuments } from '../../src/ingest/load-document.js';
import { isSiteChrome } from '../../src/ingest/site-chrome.js';
import { READING_VERSION } from '../../src/ingest/source-file.js';
import { UnreadableDocumentError } from '../../src/ingest/types.js';
import { junkBytes, makeDocx, makeEncryptedPdf, makePdf, makePdfWithoutText, makeTempDir } from './fixtures.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

/** The reason a file is refused, or a failure when it loads. */
async function reasonFor(name: string, data: string | Uint8Array): Promise<string> {
  const path = await temp.write(name, data);
  const error = await loadDocument(path, temp.dir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  const unreadable = error as UnreadableDocumentError;
  expect(unreadable.path).toBe(name);
  return unreadable.reason;
}

describe('loadDocument: Markdown', () => {
  it('reads front matter, headings and inline markup', async () => {
    const markdown = [
      'title: Breaking the lock (summary)',
      'source: https://example.org/lock',
      'publisher: iMPOWER',
      'date: 2015-04',
      '',
      '# Breaking the lock',
      '',
      'An **Inadequate** judgement can start a [spiral](https://example.org/spiral).',
      '',
      '## The spiral',
      '',
      '- Work volumes rise by up to 50%.',
      '- Staff turnover goes up &amp; agency costs rise.',
      '',
      'A `code` span and *emphasis* stay as text.',
      '',
    ].join('\n');
    const path = await temp.write('notes/lock.md', markdown);
    const document = await loadDocument(path, temp.dir);
    expect(document).toMatchObject({
      id: 'notes/lock.md',
      path,
      title: 'Breaking the lock (summary)',
      source: 'https://example.org/lock',
      publisher: 'iMPOWER',
      date: '2015-04',
      format: 'markdown',
      // The bytes and the way they are read: a new way of reading reads every report again.
      hash: createHash('sha256').update(`citeline-reading-${READING_VERSION}\n`).update(markdown).digest('hex'),
    });
    expect(document.blocks).toEqual([
      { text: 'An Inadequate judgement can start a spiral.', heading: 'Breaking the lock' },
      { text: 'Work volumes rise by up to 50%.\nStaff turnover goes up & agency costs rise.', heading: 'The spiral' },
      { text: 'A code span and emphasis stay as text.', heading: 'The spiral' },
    ]);
  });

  it('takes the title from the first # heading, else the file name; source defaults to the path', async () => {
    const withHeading = await loadDocument(await temp.write('h.markdown', 'Intro line.\n\nSetext title\n=====\n\nBody.\n'), temp.dir);
    expect(withHeading.title).toBe('Setext title');
    expect(withHeading.source).toBe('h.markdown');
    expect(withHeading.blocks).toEqual([{ text: 'Intro line.' }, { text: 'Body.', heading: 'Setext title' }]);

    const bare = await loadDocument(await temp.write('bare.md', 'Only a paragraph.\n'), temp.dir);
    expect(bare.title).toBe('bare');
    expect(bare.publisher).toBeUndefined();
  });

  it('keeps fenced code as text and does not read headings inside it', async () => {
    const document = await loadDocument(await temp.write('code.md', '# Real\n\n```\n# not a heading\n```\n'), temp.dir);
    expect(document.blocks).toEqual([{ text: '# not a heading', heading: 'Real' }]);
  });

  it('keeps a table as one block of its rows as written, so a quote of it is the file\'s own lines', async () => {
    const markdown = ['# Moorings', '', '| Harbour | Moorings let |', '| --- | ---: |', '| **Eastpoint** | 140 |', '| Westreach | 95 |', ''].join('\n');
    const document = await loadDocument(await temp.write('moorings.md', markdown), temp.dir);
    expect(document.blocks).toEqual([{ text: 'Harbour | Moorings let\nEastpoint | 140\nWestreach | 95', heading: 'Moorings' }]);
  });

  it("keeps the author's spaces, so a quote is the file's own text; a tab reads as a space", async () => {
    const document = await loadDocument(await temp.write('spaces.md', '# Spaces\n\nCan the harbour’s  master tell whether\tthe budget holds?\n'), temp.dir);
    expect(document.blocks[0]?.text).toBe('Can the harbour’s  master tell whether the budget holds?');
  });
});

describe('loadDocument: a page saved from the web', () => {
  it('drops the site chrome around the article, and nothing of the article', async () => {
    const markdown = [
      'title: Poor ratings driving decline',
      'source: https://example.org/news',
      '',
      'Skip to main content',
      '',
      'Your browser is no longer supported',
      '',
      'To get the most from these pages we recommend you update to a recent version or switch browser.',
      '',
      'Your browser appears to block cookies. Some parts of this site need cookies enabled to work.',
      '',
      'Councils say poor Ofsted ratings drive decline, and the watchdog says the ratings are fair.',
      '',
      '  • 1 Comment',
      '',
      'Why not sign up for our weekly email newsletter? We keep your address to ourselves, and you may unsubscribe whenever you like.',
      '',
      'Got a view on harbour life? Send us a piece. Follow this link to learn how, near the foot of the page.',
      '',
      'Our articles are written by experts in their field.\nA day in the life Of...\nRead on',
    ].join('\n');
    const document = await loadDocument(await temp.write('web-page.md', markdown), temp.dir);
    expect(document.blocks.map((block) => block.text)).toEqual(['Councils say poor Ofsted ratings drive decline, and the watchdog says the ratings are fair.']);
    // A long passage of the report is its text, whatever it mentions.
    expect(isSiteChrome(`${'The council reviewed how its website uses cookies and how families find help. '.repeat(6)}`)).toBe(false);
    // A report may discuss browsers; a notice to the reader is chrome, not that.
    expect(isSiteChrome('Families reported that the council website did not work in an older browser, so referrals were made by phone.')).toBe(false);
    expect(isSiteChrome('Families had to use a different browser to complete the online referral form, staff told inspectors.')).toBe(false);
    expect(isSiteChrome('Click here to read the full report.')).toBe(true);
    // A teaser's "Read on" is its last line; one before a code block's blank lines is not.
    expect(isSiteChrome(`Read on${'\n'.repeat(40_000)}x`)).toBe(false);
    // Reading on, or more, is the article's to say in the middle of a block.
    expect(isSiteChrome('Read more about how the framework changed in 2018, and what it means for councils.')).toBe(false);
  });

  it('keeps a page that is nothing but chrome as it is, rather than lose it', async () => {
    const document = await loadDocument(await temp.write('only-chrome.md', 'Skip to main content\n\nPlease share this article on Twitter.\n'), temp.dir);
    expect(document.blocks).toHaveLength(2);
  });
});

describe('loadDocument: plain text', () => {
  it('reads paragraphs, with or without front matter', async () => {
    const document = await loadDocument(
      await temp.write('report.txt', 'title: Plain report\nsource: https://example.org/plain\n\nFirst   paragraph\nwraps here.\r\n\r\nSecond paragraph.\n'),
      temp.dir,
    );
    expect(document).toMatchObject({ title: 'Plain report', source: 'https://example.org/plain', format: 'text' });
    expect(document.blocks).toEqual([{ text: 'First paragraph\nwraps here.' }, { text: 'Second paragraph.' }]);

    const bare = await loadDocument(await temp.write('bare.text', 'Just text.'), temp.dir);
    expect(bare).toMatchObject({ title: 'bare', source: 'bare.text', blocks: [{ text: 'Just text.' }] });
  });

  it('reads Windows-1252 text that is not UTF-8', async () => {
    const bytes = Uint8Array.from([...Buffer.from('Cost: '), 0xa3, ...Buffer.from('30m, ')].concat([0x93, 0x66, 0x61, 0x69, 0x6c, 0x65, 0x64, 0x94]));
    const document = await loadDocument(await temp.write('latin.txt', bytes), temp.dir);
    expect(document.blocks[0]!.text).toBe('Cost: £30m, “failed”');
  });
});

describe('loadDocument: HTML', () => {
  const html = `<!doctype html>
<html><head>
  <title>Ofsted ratings &amp; councils | News</title>
  <meta property="og:site_name" content="Example News">
  <link rel="canonical" href="https://news.example.org/ratings">
  <style>p { color: red; } .secret { }</style>
  <script>var secretScript = "SCRIPT TEXT";</script>
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News menu</a></nav>
  <h1>Ofsted ratings fall</h1>
  <p>Councils rated &lsquo;Inadequate&rsquo; rose to 28%&nbsp;by 2015 &ndash; up from none.</p>
  <script>document.write("INLINE SCRIPT")</script>
  <noscript>Enable JavaScript</noscript>
  <h2>Costs</h2>
  <p>The cost was around <b>&pound;30 million</b>.<br>Per council: &#163;1m.</p>
  <ul><li>One</li><li>Two &amp; three</li></ul>
  <div hidden>Hidden text</div>
  <footer>Copyright footer text</footer>
</body></html>`;

  it('keeps the visible text under its headings, with entities decoded and scripts dropped', async () => {
    const document = await loadDocument(await temp.write('page.html', html), temp.dir);
    expect(document).toMatchObject({
      title: 'Ofsted ratings & councils | News',
      source: 'https://news.example.org/ratings',
      publisher: 'Example News',
      format: 'html',
    });
    expect(document.blocks).toEqual([
      { text: 'Councils rated ‘Inadequate’ rose to 28% by 2015 – up from none.', heading: 'Ofsted ratings fall' },
      { text: 'The cost was around £30 million.\nPer council: £1m.', heading: 'Costs' },
      { text: 'One', heading: 'Costs' },
      { text: 'Two & three', heading: 'Costs' },
    ]);
    const all = JSON.stringify(document);
    for (const hidden of ['SCRIPT TEXT', 'INLINE SCRIPT', 'color: red', 'Enable JavaScript', 'News menu', 'Hidden text', 'Copyright footer']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('prefers front matter, then <title>, then <h1>, then the file name', async () => {
    const withFrontMatter = await loadDocument(
      await temp.write('fm.htm', 'title: Saved copy\nsource: https://example.org/saved\n\n<html><head><title>Page</title></head><body><p>Text.</p></body></html>'),
      temp.dir,
    );
    expect(withFrontMatter).toMatchObject({ title: 'Saved copy', source: 'https://example.org/saved' });
    const h1Only = await loadDocument(await temp.write('h1.html', '<h1>Heading title</h1><p>Text.</p>'), temp.dir);
    expect(h1Only.title).toBe('Heading title');
    const bare = await loadDocument(await temp.write('bare.html', '<p>Text.</p>'), temp.dir);
    expect(bare).toMatchObject({ title: 'bare', source: 'bare.html' });
  });
});

describe('loadDocument: PDF', () => {
  it("keeps each block's page, rebuilds paragraphs, drops page numbers and uses the metadata title", async () => {
    const bytes = await makePdf(
      [
        [
          ['The report found a steep fall in inspection', 'grades over eight years.'],
          ['A second paragraph on page one.'],
        ],
        [['Page two says 28% of councils were rated', 'Inadequate by 2015 after inspec-', 'tion.'], ['2']],
        [['Page three has the conclusions.'], ['• A bulleted point.'], ['3']],
      ],
      { title: 'A harbour review' },
    );
    const document = await loadDocument(await temp.write('brave.pdf', bytes), temp.dir);
    expect(document).toMatchObject({ id: 'brave.pdf', title: 'A harbour review', source: 'brave.pdf', format: 'pdf' });
    expect(document.blocks).toEqual([
      { text: 'The report found a steep fall in inspection grades over eight years.', page: 1 },
      { text: 'A second paragraph on page one.', page: 1 },
      { text: 'Page two says 28% of councils were rated Inadequate by 2015 after inspection.', page: 2 },
      { text: 'Page three has the conclusions.', page: 3 },
      { text: '• A bulleted point.', page: 3 },
    ]);
    // The pages are one flow: a short document is one passage, from page 1 to page 3.
    const pages = chunkDocument(document).map((passage) => [passage.page, passage.pageEnd]);
    expect(pages).toEqual([[1, 3]]);
  });

  it('falls back to the file name, less its extension, without a Title or a title line', async () => {
    const document = await loadDocument(await temp.write('untitled.pdf', await makePdf([[['Some text.']]])), temp.dir);
    expect(document.title).toBe('untitled');
  });
});

describe('loadDocument: DOCX', () => {
  it('keeps Heading 1 paragraphs as headings', async () => {
    const bytes = await makeDocx([
      { text: 'Inspection findings', style: 'Heading1' },
      { text: 'Councils rated Inadequate rose to 28% by 2015.' },
      { text: 'Costs & consequences', style: 'Heading2' },
      { text: 'Failed inspections cost around £30 million.' },
    ]);
    const document = await loadDocument(await temp.write('findings.docx', bytes), temp.dir);
    expect(document).toMatchObject({ title: 'Inspection findings', source: 'findings.docx', format: 'docx' });
    expect(document.blocks).toEqual([
      { text: 'Councils rated Inadequate rose to 28% by 2015.', heading: 'Inspection findings' },
      { text: 'Failed inspections cost around £30 million.', heading: 'Costs & consequences' },
    ]);
  });
});

describe('loadDocument: files it cannot read', () => {
  it('refuses an empty file', async () => {
    expect(await reasonFor('empty.md', '')).toBe('empty file');
    expect(await reasonFor('empty.pdf', '')).toBe('empty file');
  });

  it('refuses an unsupported extension, naming it', async () => {
    expect(await reasonFor('notes.xyz', 'text')).toMatch(/^unsupported file type \(\.xyz/);
    expect(await reasonFor('old.doc', 'text')).toMatch(/^unsupported file type \(\.doc/);
  });

  it('refuses a corrupt PDF', async () => {
    expect(await reasonFor('random.pdf', junkBytes(4096))).toMatch(/^not a readable PDF \(.+\)$/);
    const truncated = (await makePdf([[['Hello.']]])).slice(0, 200);
    expect(await reasonFor('truncated.pdf', truncated)).toMatch(/^not a readable PDF/);
  });

  it('refuses an encrypted PDF', async () => {
    expect(await reasonFor('locked.pdf', makeEncryptedPdf())).toBe('encrypted PDF (needs a password)');
  });

  it('refuses a PDF without a text layer', async () => {
    expect(await reasonFor('scan.pdf', await makePdfWithoutText())).toBe('no text layer, and OCR found no text (scanned PDF?)');
  });

  it('refuses a corrupt DOCX', async () => {
    expect(await reasonFor('broken.docx', junkBytes(1024))).toBe('not a readable DOCX (not a zip archive)');
    expect(await reasonFor('renamed.docx', 'plain text pretending')).toMatch(/^not a readable DOCX/);
  });

  it('refuses HTML that is only scripts and styles', async () => {
    expect(await reasonFor('scripts.html', '<html><head><script>var a = "x";</script><style>p{}</style></head><body><script>go()</script></body></html>')).toBe(
      'no text found',
    );
  });

  it('refuses text that is only whitespace or front matter, and binary content', async () => {
    expect(await reasonFor('blank.txt', '  \n\n \t\n')).toBe('no text found');
    expect(await reasonFor('header-only.md', 'title: Nothing else\nsource: x\n\n')).toBe('no text found');
    expect(await reasonFor('binary.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]))).toBe('not a text file (binary content)');
  });

  it('refuses a folder named like a report', async () => {
    await mkdir(join(temp.dir, 'folder.md'));
    const error = await loadDocument(join(temp.dir, 'folder.md'), temp.dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).reason).toBe('is a folder, not a file');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it has no permission to read', async () => {
    const path = await temp.write('secret.md', 'Secret.');
    await chmod(path, 0o000);
    try {
      const error = await loadDocument(path, temp.dir).catch((caught: unknown) => caught);
      expect((error as UnreadableDocumentError).reason).toBe('cannot read the file (permission denied)');
    } finally {
      await chmod(path, 0o644);
    }
  });
});

describe('loadDocuments', () => {
  it('gives every file its document or its reason, in order, reading a few ahead', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `many/r${String(i).padStart(2, '0')}.md`);
    const files: string[] = [];
    for (const [i, name] of names.entries()) {
      files.push(await temp.write(name, i === 4 ? '' : `# Report ${i}\n\nIn 2015, ${i}% of councils were rated inadequate.\n`));
    }
    files.splice(7, 0, join(temp.dir, 'many', 'missing.md'));
    const outcomes = [];
    for await (const outcome of loadDocuments(files, temp.dir, 3)) outcomes.push(outcome);
    expect(outcomes.map((o) => o.file)).toEqual(files);
    expect(outcomes.map((o) => ('error' in o ? o.error.reason : o.document.title))).toEqual(
      files.map((file) => (file.endsWith('r04.md') ? 'empty file' : file.endsWith('missing.md') ? expect.stringMatching(/not found|no such/i) : expect.stringMatching(/^Report \d+$/))),
    );
  });
});
