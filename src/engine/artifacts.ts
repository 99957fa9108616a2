/**
 * The search artifacts saved beside the passages: the BM25 index and the figures index. Both derive
 * from the passages alone, so ingest can build them on a second core while the first embeds
 * (ingest-worker.ts). build-artifacts.ts builds them, in the worker or, for a small index, in-process.
 */
import type { SavedLexicalIndex } from '../search/lexical-index.js';
import type { SavedFiguresIndex } from '../stats/index.js';
import { bundledScript } from './bundled-script.js';

export interface SearchArtifacts {
  bm25: SavedLexicalIndex;
  figures: SavedFiguresIndex;
}

/** The artifacts as saved (see encodeArtifact): what ingest hands the store. */
export interface EncodedArtifacts {
  bm25: Uint8Array;
  figures: Uint8Array;
}

/**
 * The code that builds the artifacts, for building them in-process: from its bundle (bundled-script.ts),
 * which imports in a quarter of the time its modules take through tsx, or, where no bundle can be made
 * (esbuild is a development dependency), from its modules.
 */
export async function importArtifactsBuilder(): Promise<typeof import('./build-artifacts.js')> {
  try {
    return (await import((await bundledScript(new URL('./build-artifacts.ts', import.meta.url))).href)) as typeof import('./build-artifacts.js');
  } catch {
    return import('./build-artifacts.js');
  }
}
