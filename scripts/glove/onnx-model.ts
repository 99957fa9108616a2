/** The SIF-weighted, int8-quantised embedding matrix, and the ONNX graph that looks rows up in it. */
import onnxProto from 'onnx-proto';
import { SPECIAL_TOKENS, type Options, type VocabEntry } from './types.js';

const { onnx } = onnxProto;

/** Zipf estimate of a word's probability from its 1-based rank among `total` words. */
function zipfProbability(rank: number, harmonic: number): number {
  return 1 / (rank * harmonic);
}

function harmonicNumber(n: number): number {
  let sum = 0;
  for (let k = n; k >= 1; k -= 1) sum += 1 / k;
  return sum;
}

export interface Matrix {
  quantized: Int8Array;
  scales: Float32Array;
  rows: number;
  dims: number;
  commonDirection: Float64Array | null;
}

export function buildMatrix(entries: VocabEntry[], dims: number, totalWords: number, options: Options): Matrix {
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
export function buildOnnxModel(matrix: Matrix): Uint8Array {
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
