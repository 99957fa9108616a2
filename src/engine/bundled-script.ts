/**
 * A TypeScript entry and every module of ours it imports as one plain JavaScript file; packages
 * stay imports, resolved from node_modules when the bundle runs. Most are imported on first use
 * (pdfjs-dist, mammoth, htmlparser2: the loaders' parsers): bundled, they made the file 2.2 MB to
 * parse at every start, and pdfjs finds its own files beside its module.
 * Two uses, both in ingest:
 * - the ingest worker thread boots from it without tsx. A TypeScript worker has to register
 *   tsx itself, and in Node 20 that starts one more loader thread that compiles every module again:
 *   measured at 10k passages, about 1.2 s of CPU and 45 MB of peak memory per ingest;
 * - a small ingest, which builds the search indexes in-process, imports that code from it: through
 *   tsx its modules, each resolved and read apart, take several times as long to import as one file.
 * esbuild (tsx's own compiler) bundles it in tens of milliseconds. The file is written under
 * node_modules/.cache; each module's `import.meta.url` is replaced by its source file's URL, so the
 * data files it reads are found where they are. Named by a hash of its text: an unchanged bundle is
 * written once.
 *
 * Beside each bundle a small record lists the source files it was made from, each with its sha256.
 * While every one of them is unchanged the bundle is used as it is, without esbuild: loading and
 * running esbuild was 40–60 ms of every worker's start, on the critical path of a mid-sized ingest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the bundling itself changes (2: packages left as imports), so that bundles made before are made again. */
const BUNDLE_FORMAT = 2;

/** Older bundles of the same entry are removed once this old: another ingest may still be starting one. */
const STALE_MS = 60 * 60 * 1000;

/** What a bundle was made from: each source file (absolute path) with the sha256 of its text. */
interface BundleRecord {
  /** How it was bundled (BUNDLE_FORMAT): a bundle made another way is made again. */
  format: number;
  bundle: string;
  sources: Record<string, string>;
}

/** esbuild is not installed (an install without development dependencies): the one expected reason a bundle cannot be made. */
export class BundlerUnavailableError extends Error {
  constructor(cause: unknown) {
    super('esbuild is not installed, so no bundle can be made', { cause });
    this.name = 'BundlerUnavailableError';
  }
}

export async function bundledScript(entry: URL): Promise<URL> {
  const entryPath = fileURLToPath(entry);
  const name = basename(entryPath, '.ts');
  const folder = join(nodeModulesOf(entryPath), '.cache', 'citeline');
  const recordFile = join(folder, `${name}.sources.json`);
  const cached = await unchangedBundle(recordFile, entryPath);
  if (cached) return pathToFileURL(cached);

  const { text, sources } = await bundle(entryPath);
  const file = join(folder, `${name}-${sha256(text).slice(0, 16)}.mjs`);
  await mkdir(folder, { recursive: true });
  if (!existsSync(file)) {
    await writeAtomically(file, text);
    await removeStale(folder, name, file);
  }
  await writeAtomically(recordFile, JSON.stringify({ format: BUNDLE_FORMAT, bundle: file, sources } satisfies BundleRecord));
  return pathToFileURL(file);
}

/** The recorded bundle, if it exists and none of the files it was made from has changed since. */
async function unchangedBundle(recordFile: string, entryPath: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as BundleRecord;
    const sources = Object.entries(record.sources ?? {});
    if (record.format !== BUNDLE_FORMAT || !(entryPath in record.sources) || !existsSync(record.bundle)) return undefined;
    const hashes = await Promise.all(sources.map(async ([path]) => sha256(await readFile(path))));
    return sources.every(([, hash], i) => hashes[i] === hash) ? record.bundle : undefined;
  } catch {
    // No record yet, or one that cannot be read (a source removed, a torn file): bundle again.
    return undefined;
  }
}

async function bundle(entryPath: string): Promise<{ text: string; sources: Record<string, string> }> {
  const { build } = await import('esbuild').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new BundlerUnavailableError(error);
    throw error;
  });
  // Hashed as esbuild reads them, so the record describes exactly the text that was bundled.
  const sources: Record<string, string> = {};
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(bundler) {
          bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
            const source = await readFile(path, 'utf8');
            sources[path] = sha256(source);
            return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' };
          });
        },
      },
    ],
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced no bundle for ${entryPath}`);
  // Any other JavaScript bundled, not read above, is hashed as it is now.
  for (const input of Object.keys(result.metafile.inputs).map((relative) => resolve(relative))) sources[input] ??= sha256(await readFile(input));
  return { text, sources };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function writeAtomically(file: string, text: string): Promise<void> {
  // Unique to this writer: two ingests, or two threads of one process, may write the same bundle at once.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

/** The node_modules folder nearest above the entry, whose .cache holds the bundles. */
function nodeModulesOf(path: string): string {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) throw new Error(`no node_modules folder above ${path}`);
  }
}

async function removeStale(folder: string, name: string, keep: string): Promise<void> {
  for (const entry of await readdir(folder)) {
    const path = join(folder, entry);
    if (path === keep || !entry.startsWith(`${name}-`)) continue;
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_MS) await rm(path, { force: true });
  }
}
