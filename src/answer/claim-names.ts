/**
 * A claim naming a council, a place or a person ("Westmere's deficit hit £38m") is backed by lines
 * of the reports that write the name: another council's line stating the same figure does not back it.
 */
import type { RankedWindow } from '../search/ranker.js';
import type { WrittenNames } from '../stats/index.js';

/** The windows of reports writing every name `text` gives first, in their order, and how many they are; all of them when it gives none. */
export function namingFirst(names: WrittenNames, text: string, ranked: readonly RankedWindow[]): { windows: RankedWindow[]; naming: number } {
  const documents = names.documentsNaming(names.namesIn(text));
  if (!documents) return { windows: [...ranked], naming: ranked.length };
  const writes = (item: RankedWindow) => documents.has(item.evidence.window.hit.passage.docId);
  const naming = ranked.filter(writes);
  return { windows: [...naming, ...ranked.filter((item) => !writes(item))], naming: naming.length };
}
