/**
 * A worker thread's TypeScript entry as one plain JavaScript file, so the worker boots without tsx.
 *
 * Why: a TypeScript worker has to register tsx itself, and in Node 20 that starts one more loader
 * thread that compiles every module again: measured at 10k passages, about 1.2 s of CPU and 45 MB of
 * peak memory per ingest. esbuild (tsx's own compiler) bundles our modules in tens of milliseconds.
 * Packages stay imports, so the file is written where they resolve, under node_modules/.cache; each
 * module's `import.meta.url` is replaced by its source file's URL, so the data files it reads are
 * found where they are. Named by a hash of its text: an unchanged bundle is written once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Older bundles of the same entry are removed once this old: another ingest may still be starting one. */
const STALE_MS = 60 * 60 * 1000;

export async function bundledWorkerScript(entry: URL): Promise<URL> {
  const { build } = await import('esbuild');
  const entryPath = fileURLToPath(entry);
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(bundler) {
          bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
            contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced no bundle for ${entryPath}`);

  const name = basename(entryPath, '.ts');
  const folder = join(nodeModulesOf(entryPath), '.cache', 'citeline');
  const file = join(folder, `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(folder, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
    await removeStale(folder, name, file);
  }
  return pathToFileURL(file);
}

/** The node_modules folder the entry's packages resolve from: the nearest one above it. */
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
