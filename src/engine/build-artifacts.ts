/**
 * Building the search artifacts from the passages. A module of its own, imported by the ingest
 * worker, and by ingest itself only when it builds them in-process: the BM25 and figures code is then
 * not loaded beside the embedding model while the worker does the work.
 */
import type { Passage } from '../ingest/types.js';
import { LexicalIndex } from '../search/lexical-index.js';
import type { TermNormaliser } from '../search/text-analysis.js';
import { FiguresIndex, extractFigures } from '../stats/index.js';
import type { SavedLexicalIndex } from '../search/lexical-index.js';
import type { SavedFiguresIndex, Vocabulary } from '../stats/index.js';
import { encodeArtifact } from '../store/artifact-codec.js';

export interface SearchArtifacts {
  bm25: SavedLexicalIndex;
  figures: SavedFiguresIndex;
}

/** The artifacts as saved (see encodeArtifact): what ingest hands the store. */
export interface EncodedArtifacts {
  bm25: Uint8Array;
  figures: Uint8Array;
}

const savedLexicalIndex = (passages: readonly Passage[], normaliser: TermNormaliser) => LexicalIndex.build(passages, normaliser).toSaved();
const savedFiguresIndex = (passages: readonly Passage[], vocabulary: Vocabulary) => new FiguresIndex(extractFigures(passages, vocabulary), vocabulary).toSaved();

export function buildArtifacts(passages: readonly Passage[], normaliser: TermNormaliser, statsVocabulary: Vocabulary): SearchArtifacts {
  return { bm25: savedLexicalIndex(passages, normaliser), figures: savedFiguresIndex(passages, statsVocabulary) };
}

export function buildEncodedArtifacts(passages: readonly Passage[], normaliser: TermNormaliser, statsVocabulary: Vocabulary): EncodedArtifacts {
  // Each encoded as soon as it is built, so that its index and saved form are garbage before the next is built.
  const bm25 = encodeArtifact(savedLexicalIndex(passages, normaliser), 'bm25');
  return { bm25, figures: encodeArtifact(savedFiguresIndex(passages, statsVocabulary), 'figures') };
}
