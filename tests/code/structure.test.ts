/**
 * The shape of src/: the pipeline's steps import only from steps before them, no module imports
 * itself through others, and files stay short enough to read. Each check lists every violation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/**
 * The pipeline, last step first: a folder imports only from its own step or a later one in this
 * list. src/bench and src/eval drive the engine as a surface does; config.ts and prompts.ts are
 * read by every step.
 */
const STEPS: readonly (readonly string[])[] = [
  ['cli', 'slack', 'bench', 'eval', 'train'],
  ['engine'],
  ['answer'],
  ['search', 'stats', 'store'],
  ['grades'],
  ['ingest', 'embed', 'util', 'config.ts', 'prompts.ts'],
];

const MAX_LINES = 400;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module of ours a file imports: static, type-only, re-exported, dynamic, and `typeof import(...)`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].map(
    (match) => (match[1] ?? match[2] ?? match[3]) as string,
  );
  return specifiers.map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

const name = (file: string) => relative(SRC, file);

function stepOf(file: string): number {
  const top = name(file).split('/')[0] as string;
  const step = STEPS.findIndex((folders) => folders.includes(top));
  if (step === -1) throw new Error(`${name(file)} is in no pipeline step: add its folder to STEPS`);
  return step;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => target.startsWith(SRC))]));

describe('src/', () => {
  it('imports only from its own pipeline step or an earlier one (surfaces → engine → answer → search, stats, store → grades → ingest, embed, util)', () => {
    const backwards = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => stepOf(target) < stepOf(file)).map((target) => `${name(file)} imports ${name(target)}, a later step`),
    );
    expect(backwards).toEqual([]);
  });

  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target].map(name).join(' → '));
        else if (!state.has(target)) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(circles).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => [name(file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
