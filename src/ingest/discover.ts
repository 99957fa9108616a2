/**
 * Which files an ingest reads. Paths may be folders (walked recursively) or single files.
 *
 * Document ids are relative to `root`, the deepest folder that contains every path given: for one
 * folder that folder itself (`reports/a/b.md` -> `a/b.md` when ingesting `reports`), for one file its
 * folder (the id is the file name), for several paths their common ancestor. Ids therefore do not
 * depend on the current directory, only on what was asked for.
 *
 * Files and folders whose names start with a dot are not walked into (they are still read when named
 * directly). Files with an unsupported extension, Office lock files (`~$...`), paths that do not
 * exist, broken links and symbolic link loops (a link to a folder that contains it, or a link that
 * leads back to itself, found in a folder or named directly) are reported in `skipped` with a
 * reason, never thrown.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { formatOf, unsupportedReason } from './formats.js';
import { documentId } from './load-document.js';

export interface SkippedFile {
  /** Relative to `root` (like a document id) when inside it; as given otherwise. */
  path: string;
  reason: string;
}

export interface FoundReports {
  /** Absolute folder the document ids are relative to. */
  root: string;
  /** Absolute paths of the files to load, sorted by id. */
  files: string[];
  skipped: SkippedFile[];
}

export async function findReportFiles(paths: readonly string[]): Promise<FoundReports> {
  const skipped: SkippedFile[] = [];
  const existing: { path: string; folder: boolean }[] = [];
  for (const given of paths) {
    const absolute = resolve(given);
    try {
      const info = await stat(absolute);
      existing.push({ path: absolute, folder: info.isDirectory() });
    } catch (error) {
      skipped.push({ path: given, reason: await statFailureReason(absolute, error) });
    }
  }
  const root = commonFolder(existing.map((entry) => (entry.folder ? entry.path : dirname(entry.path))));

  const files = new Set<string>();
  const visited = new Set<string>();
  const consider = (file: string) => {
    const name = basename(file);
    if (name.startsWith('~$')) skipped.push({ path: documentId(file, root), reason: 'Office lock file (document open in Word?)' });
    else if (!formatOf(file)) skipped.push({ path: documentId(file, root), reason: unsupportedReason(file) });
    else files.add(file);
  };
  // `ancestors`: the real paths of the folders being walked into, for telling a loop from a second link.
  const walk = async (folder: string, ancestors: readonly string[] = []): Promise<void> => {
    const real = await realpath(folder).catch(() => folder);
    if (ancestors.includes(real)) {
      skipped.push({ path: documentId(folder, root), reason: 'symbolic link loop (links back to a folder that contains it)' });
      return;
    }
    if (visited.has(real)) {
      skipped.push({ path: documentId(folder, root), reason: 'symbolic link to a folder already read' });
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: documentId(folder, root), reason: code === 'EACCES' || code === 'EPERM' ? 'cannot read the folder (permission denied)' : `cannot read the folder (${code ?? 'error'})` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await stat(path);
        } catch (error) {
          skipped.push({ path: documentId(path, root), reason: await statFailureReason(path, error) });
          continue;
        }
        isFolder = target.isDirectory();
        isFile = target.isFile();
      }
      if (isFolder) await walk(path, [...ancestors, real]);
      else if (isFile) consider(path);
    }
  };

  for (const entry of existing) {
    if (entry.folder) await walk(entry.path);
    else consider(entry.path);
  }
  return {
    root,
    files: [...files].sort((a, b) => compare(documentId(a, root), documentId(b, root))),
    skipped,
  };
}

/** Why a path given, or a link found, cannot be read. */
async function statFailureReason(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ELOOP') return 'symbolic link loop (the link leads back to itself)';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read it (permission denied)';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const link = await lstat(path).then((info) => info.isSymbolicLink(), () => false);
    return link ? 'broken symbolic link (its target does not exist)' : 'no such file or folder';
  }
  return `cannot read it (${code ?? 'error'})`;
}

/** The deepest folder containing all of `folders` (the current directory when there are none). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd();
  const split = folders.map((folder) => resolve(folder).split(sep));
  const first = split[0]!;
  let length = first.length;
  for (const parts of split.slice(1)) {
    let same = 0;
    while (same < length && same < parts.length && parts[same] === first[same]) same += 1;
    length = same;
  }
  const common = first.slice(0, length).join(sep);
  return common === '' ? parse(resolve(folders[0]!)).root : common;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
