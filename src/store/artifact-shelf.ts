/**
 * The named artifacts a store keeps with its index (the BM25 and figures indexes): values, and
 * values already encoded by `encodeArtifact`, which are decoded only when first read and saved as
 * they are. Both stores, the local files and Postgres, keep theirs on one of these.
 */
import { decodeArtifact, encodeArtifact } from './artifact-codec.js';
import { ARTIFACT_NAME_PATTERN } from './manifest.js';

export class ArtifactShelf {
  private readonly values: Map<string, unknown>;
  private readonly encoded = new Map<string, Buffer>();

  constructor(values: Map<string, unknown> = new Map()) {
    this.values = values;
  }

  /** `undefined` removes it. */
  set(name: string, data: unknown): void {
    checkArtifactName(name);
    this.encoded.delete(name);
    if (data === undefined) this.values.delete(name);
    else this.values.set(name, data);
  }

  setEncoded(name: string, bytes: Uint8Array): void {
    checkArtifactName(name);
    this.values.delete(name);
    this.encoded.set(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  get<T>(name: string): T | undefined {
    const bytes = this.encoded.get(name);
    if (bytes && !this.values.has(name)) this.values.set(name, decodeArtifact(bytes));
    return this.values.get(name) as T | undefined;
  }

  names(): string[] {
    return [...new Set([...this.values.keys(), ...this.encoded.keys()])];
  }

  /** Each artifact as the bytes to save: as it was handed in when it came encoded, else encoded now. */
  *toSave(): Generator<[string, Buffer]> {
    for (const name of this.names()) yield [name, this.encoded.get(name) ?? encodeArtifact(this.values.get(name), name)];
  }
}

function checkArtifactName(name: string): void {
  if (!ARTIFACT_NAME_PATTERN.test(name)) throw new Error(`Artifact name "${name}" must be letters, digits, '-' or '_' (at most 64).`);
}
