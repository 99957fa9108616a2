/**
 * passages.bin: a saved index's passages in blocks, each deflated on its own, so that opening an index
 * parses no passage and a question inflates only the blocks of the passages it reads. Parsing every
 * passage of a 100k-passage index (gunzip, then a JSON.parse a line) was half a second of each start.
 *
 * Layout (numbers are unsigned 32-bit little-endian):
 *   block 0 … block n-1   raw deflate; each holds up to `perBlock` passages, one JSON line each
 *   table                 passageCount, perBlock, blockCount, blockEnd[blockCount], label[passageCount]
 *   trailer               tableOffset, then the four bytes "CLP1"
 *
 * Rows are in the manifest's order (its documents, each one's passageIds), which names each row's
 * passage: the file holds no other list of ids.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import type { StoredPassage } from './types.js';

/**
 * Passages a block holds. Measured on 10k and 100k generated passages: 16 a block made the file 1.64
 * times the size of one gzip stream, 32 1.37 times, 64 1.20 times; inflating and parsing a block took
 * 0.08, 0.13 and 0.24 ms. A question reads tens of passages, mostly from different blocks.
 */
export const PASSAGES_PER_BLOCK = 32;
const MAGIC = 'CLP1';
const TRAILER_BYTES = 8;
const deflateRawAsync = promisify(deflateRaw);
const HEADER_NUMBERS = 3;

/** Blocks being deflated at once: enough to keep both cores busy, few enough to hold little. */
const BLOCKS_IN_FLIGHT = 8;

/**
 * The file's bytes, in order, for passages in the manifest's order. Blocks are deflated on libuv's
 * threads, a few at a time, while this thread writes the next blocks' JSON: deflating was most of
 * a save, on this thread alone.
 */
export async function* passageFileChunks(passages: Iterable<StoredPassage>, level: number, perBlock = PASSAGES_PER_BLOCK): AsyncGenerator<Buffer> {
  const blockEnds: number[] = [];
  const labels: number[] = [];
  const inFlight: Promise<Buffer>[] = [];
  let offset = 0;
  let lines: string[] = [];
  const startBlock = () => {
    const deflating = deflateRawAsync(Buffer.from(lines.join(''), 'utf8'), { level });
    deflating.catch(() => {}); // awaited in order below; one failing must not leave the others unhandled
    inFlight.push(deflating);
    lines = [];
  };
  const finishBlock = async () => {
    const bytes = await inFlight.shift()!;
    offset += bytes.length;
    blockEnds.push(offset);
    return bytes;
  };
  for (const passage of passages) {
    lines.push(`${JSON.stringify(passage)}\n`);
    labels.push(passage.label);
    if (lines.length === perBlock) {
      startBlock();
      if (inFlight.length >= BLOCKS_IN_FLIGHT) yield await finishBlock();
    }
  }
  if (lines.length > 0) startBlock();
  while (inFlight.length > 0) yield await finishBlock();
  const numbers = [labels.length, perBlock, blockEnds.length, ...blockEnds, ...labels];
  const table = Buffer.alloc(numbers.length * 4 + TRAILER_BYTES);
  numbers.forEach((value, i) => table.writeUInt32LE(value, i * 4));
  table.writeUInt32LE(offset, numbers.length * 4);
  table.write(MAGIC, numbers.length * 4 + 4, 'latin1');
  yield table;
}

/** A passage file opened: its table read and checked, its blocks inflated when first asked for. */
export class PassageFile {
  private constructor(
    private readonly bytes: Buffer,
    readonly count: number,
    readonly perBlock: number,
    private readonly blockEnds: Uint32Array,
    /** Each row's point in the vector graph. */
    readonly labels: Uint32Array,
  ) {}

  /** Reads the table; a file whose table does not hold together is described, not thrown. */
  static open(bytes: Buffer): PassageFile | { problem: string } {
    if (bytes.length < TRAILER_BYTES || bytes.toString('latin1', bytes.length - 4) !== MAGIC) return { problem: 'is not a passage file (no trailer)' };
    const tableOffset = bytes.readUInt32LE(bytes.length - TRAILER_BYTES);
    const tableEnd = bytes.length - TRAILER_BYTES;
    if (tableOffset + HEADER_NUMBERS * 4 > tableEnd) return { problem: 'its table lies outside the file' };
    const number = (i: number) => bytes.readUInt32LE(tableOffset + i * 4);
    const [count, perBlock, blockCount] = [number(0), number(1), number(2)];
    if (perBlock === 0 || blockCount !== Math.ceil(count / perBlock)) return { problem: `its table lists ${blockCount} blocks for ${count} passages of ${perBlock} a block` };
    if (tableEnd - tableOffset !== (HEADER_NUMBERS + blockCount + count) * 4) return { problem: 'its table is not the length it says' };
    const blockEnds = new Uint32Array(blockCount);
    let previous = 0;
    for (let b = 0; b < blockCount; b++) {
      const end = number(HEADER_NUMBERS + b);
      if (end <= previous || end > tableOffset) return { problem: `block ${b} ends outside its place` };
      blockEnds[b] = previous = end;
    }
    if (previous !== tableOffset) return { problem: 'its blocks do not reach its table' };
    const labels = new Uint32Array(count);
    for (let row = 0; row < count; row++) labels[row] = number(HEADER_NUMBERS + blockCount + row);
    return new PassageFile(bytes, count, perBlock, blockEnds, labels);
  }

  /** The passages of block `b`, in row order. Throws when a line is not a passage. */
  block(b: number): StoredPassage[] {
    const start = b === 0 ? 0 : this.blockEnds[b - 1]!;
    const end = this.blockEnds[b];
    if (end === undefined) throw new RangeError(`passage block ${b} of ${this.blockEnds.length}`);
    const text = inflateRawSync(this.bytes.subarray(start, end)).toString('utf8');
    const lines = text.split('\n');
    // Every line ends with '\n': the last piece is empty.
    if (lines.pop() !== '') throw new Error(`passage block ${b} does not end with a whole line`);
    return lines.map((line, i) => {
      const passage = JSON.parse(line) as StoredPassage;
      if (!isStoredPassage(passage)) throw new Error(`line ${i + 1} of passage block ${b} is not a passage`);
      return passage;
    });
  }
}

function isStoredPassage(value: unknown): value is StoredPassage {
  const passage = value as StoredPassage;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof passage.id === 'string' &&
    typeof passage.docId === 'string' &&
    typeof passage.text === 'string' &&
    Number.isInteger(passage.label) &&
    passage.label >= 0
  );
}
