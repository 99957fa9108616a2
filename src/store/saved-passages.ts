/** A saved index's passages, read a block at a time when a question first needs one of them. */
import { PASSAGES_FILE } from './manifest.js';
import type { PassageEntry, SavedPassages } from './store-state.js';
import { IndexLoadError, type StoredPassage } from './types.js';

/**
 * The entry's passage from the saved file: its whole block is read, checked against the table the
 * store was loaded with, and every passage of it kept on its entry.
 */
export function readSavedPassage(saved: SavedPassages | undefined, entry: PassageEntry): StoredPassage {
  if (!saved || entry.row < 0) throw new Error(`PassageStore: passage ${entry.id} was never read`);
  const block = Math.floor(entry.row / saved.file.perBlock);
  const damaged = (problem: string) => new IndexLoadError('corrupt', saved.indexDir, `The index in ${saved.indexDir} is damaged: ${PASSAGES_FILE} ${problem}.`);
  let passages: StoredPassage[];
  try {
    passages = saved.file.block(block);
  } catch (error) {
    throw damaged(`cannot be read (${(error as Error).message})`);
  }
  const first = block * saved.file.perBlock;
  if (passages.length !== Math.min(saved.file.perBlock, saved.file.count - first)) throw damaged(`block ${block} holds ${passages.length} passages`);
  passages.forEach((passage, k) => {
    const row = first + k;
    const owner = saved.rows[row]!;
    if (passage.id !== owner.id || passage.docId !== owner.docId || passage.label !== saved.file.labels[row]) {
      throw damaged(`row ${row} holds passage ${passage.id}, not ${owner.id}`);
    }
    // A compacting save may have given it another point in the graph since.
    passage.label = owner.label;
    owner.passage ??= passage;
  });
  return entry.passage!;
}
