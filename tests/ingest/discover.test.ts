import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonFolder, findReportFiles } from '../../src/ingest/discover.js';
import { loadDocument } from '../../src/ingest/load-document.js';
import { makeTempDir } from './fixtures.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
  await temp.write('reports/a.md', 'A.');
  await temp.write('reports/B.PDF', '%PDF-1.4');
  await temp.write('reports/sub/c.txt', 'C.');
  await temp.write('reports/sub/deeper/d.html', '<p>D.</p>');
  await temp.write('reports/sub/e.docx', 'not really');
  await temp.write('reports/notes.xyz', 'x');
  await temp.write('reports/README', 'no extension');
  await temp.write('reports/~$lock.docx', 'lock');
  await temp.write('reports/.hidden.md', 'hidden');
  await temp.write('reports/.git/config.md', 'hidden folder');
  await temp.write('other/f.md', 'F.');
  await mkdir(join(temp.dir, 'reports/empty-folder'));
  await symlink(join(temp.dir, 'reports/sub'), join(temp.dir, 'reports/sub/loop'));
});
afterAll(async () => {
  await temp.remove();
});

describe('findReportFiles', () => {
  it('walks a folder recursively, skipping dot files and dot folders, ids relative to the folder', async () => {
    const reports = join(temp.dir, 'reports');
    const found = await findReportFiles([reports]);
    expect(found.root).toBe(reports);
    expect(found.files.map((file) => file.slice(reports.length + 1))).toEqual(['B.PDF', 'a.md', 'sub/c.txt', 'sub/deeper/d.html', 'sub/e.docx']);
    expect(found.files.every((file) => file.startsWith('/'))).toBe(true);
    expect(found.skipped).toEqual(
      expect.arrayContaining([
        { path: 'notes.xyz', reason: expect.stringMatching(/^unsupported file type \(\.xyz/) },
        { path: 'README', reason: expect.stringMatching(/^unsupported file type \(no extension/) },
        { path: '~$lock.docx', reason: expect.stringContaining('lock file') },
        { path: 'sub/loop', reason: expect.stringMatching(/^symbolic link loop/) },
      ]),
    );
    expect(found.skipped).toHaveLength(4);
    const document = await loadDocument(found.files[3]!, found.root);
    expect(document.id).toBe('sub/deeper/d.html');
  });

  it('accepts single files, named dot files included, with ids relative to their folder', async () => {
    const found = await findReportFiles([join(temp.dir, 'reports/a.md'), join(temp.dir, 'reports/.hidden.md')]);
    expect(found.root).toBe(join(temp.dir, 'reports'));
    expect(found.files).toEqual([join(temp.dir, 'reports/.hidden.md'), join(temp.dir, 'reports/a.md')]);
    expect(found.skipped).toEqual([]);
  });

  it('makes ids relative to the common folder of several paths, and reports missing ones', async () => {
    const found = await findReportFiles([join(temp.dir, 'reports/sub'), join(temp.dir, 'other'), join(temp.dir, 'missing')]);
    expect(found.root).toBe(temp.dir);
    expect(found.files.map((file) => file.slice(temp.dir.length + 1))).toEqual([
      'other/f.md',
      'reports/sub/c.txt',
      'reports/sub/deeper/d.html',
      'reports/sub/e.docx',
    ]);
    expect(found.skipped).toEqual([
      { path: join(temp.dir, 'missing'), reason: 'no such file or folder' },
      { path: 'reports/sub/loop', reason: expect.stringMatching(/^symbolic link loop/) },
    ]);
  });

  it('reports symbolic link loops, in a folder and named directly, and broken links', async () => {
    const dir = join(temp.dir, 'links');
    await mkdir(dir);
    await temp.write('links/g.md', 'G.');
    await symlink(join(dir, 'self'), join(dir, 'self'));
    await symlink(join(dir, 'nowhere.md'), join(dir, 'broken.md'));
    const inFolder = await findReportFiles([dir]);
    expect(inFolder.files).toEqual([join(dir, 'g.md')]);
    expect(inFolder.skipped).toEqual(
      expect.arrayContaining([
        { path: 'self', reason: expect.stringMatching(/^symbolic link loop/) },
        { path: 'broken.md', reason: expect.stringMatching(/^broken symbolic link/) },
      ]),
    );
    const named = await findReportFiles([join(dir, 'self'), join(temp.dir, 'reports/sub/loop/loop')]);
    expect(named.skipped[0]).toEqual({ path: join(dir, 'self'), reason: expect.stringMatching(/^symbolic link loop/) });
    // A link into a folder that contains it, named directly, is a folder like another: its walk reports the loop inside.
    expect(named.skipped.some((entry) => /no such file/.test(entry.reason))).toBe(false);
  });

  it('lists the same file once however it is reached', async () => {
    const found = await findReportFiles([join(temp.dir, 'reports/sub'), join(temp.dir, 'reports/sub/c.txt')]);
    expect(found.files.filter((file) => file.endsWith('c.txt'))).toHaveLength(1);
  });
});

describe('commonFolder', () => {
  it('finds the deepest shared folder', () => {
    expect(commonFolder(['/a/b/c', '/a/b/d/e'])).toBe('/a/b');
    expect(commonFolder(['/a/b'])).toBe('/a/b');
    expect(commonFolder(['/a/bc', '/a/b'])).toBe('/a');
    expect(commonFolder(['/x', '/y'])).toBe('/');
  });
});
