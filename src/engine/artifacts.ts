/**
 * The search artifacts saved beside the passages: the BM25 index and the figures index. Both derive
 * from the passages alone, so ingest can build them on a second core while the first embeds
 * (ingest-worker.ts). build-artifacts.ts builds them, in the worker or, for a small index, in-process.
 */
import type { PassageStore } from '../store/passage-store.js';
import { BundlerUnavailableError, bundledScript } from './bundled-script.js';

/**
 * A saved artifact that cannot be used, for an expected reason: the index holds none, or older code
 * built it (ARTIFACTS_VERSION). The engine rebuilds it in memory; any other error reading one is a
 * fault and is not caught.
 */
export class ArtifactUnavailableError extends Error {
  constructor(
    readonly artifact: string,
    readonly reason: 'missing' | 'outdated',
  ) {
    super(reason === 'missing' ? `The index holds no saved ${artifact} artifact.` : `The saved ${artifact} artifact was built by an older Citeline.`);
    this.name = 'ArtifactUnavailableError';
  }
}

/** The saved artifact, decoded; ArtifactUnavailableError when it is missing or `current` is false. */
export function savedArtifact(store: Pick<PassageStore, 'getArtifact'>, name: string, current: boolean): unknown {
  if (!current) throw new ArtifactUnavailableError(name, 'outdated');
  const saved = store.getArtifact<unknown>(name);
  if (saved === undefined) throw new ArtifactUnavailableError(name, 'missing');
  return saved;
}

/**
 * The code that builds the artifacts, for building them in-process: from its bundle (bundled-script.ts),
 * which imports in a quarter of the time its modules take through tsx, or, where esbuild is not
 * installed (it is a development dependency), from its modules. A bundle that fails otherwise is a
 * fault in our code or its bundling, and is reported rather than hidden behind the slower path.
 */
export async function importArtifactsBuilder(): Promise<typeof import('./build-artifacts.js')> {
  let bundle: URL;
  try {
    bundle = await bundledScript(new URL('./build-artifacts.ts', import.meta.url));
  } catch (error) {
    if (error instanceof BundlerUnavailableError) return import('./build-artifacts.js');
    throw error;
  }
  return (await import(bundle.href)) as typeof import('./build-artifacts.js');
}
