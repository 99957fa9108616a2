/**
 * Unsigned integers as LEB128 varints: a posting list's gaps between passage numbers are mostly small,
 * so most take one byte; the artifact codec keeps the bytes as they are.
 */

export function encodeVarints(values: ArrayLike<number>, count = values.length): Uint8Array {
  const bytes = new Uint8Array(count * 5);
  let at = 0;
  for (let i = 0; i < count; i++) at = writeVarint(bytes, at, values[i]!);
  return bytes.subarray(0, at);
}

/** Writes `value` as a varint into `bytes` at `at`; returns where the next one goes. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  if (!(value >= 0 && value <= 0xffffffff && Number.isInteger(value))) throw new RangeError(`varint out of range: ${value}`);
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  bytes[at++] = value;
  return at;
}

/**
 * Runs of values one after another (run i is `values[offsets[i]..offsets[i+1])`) as varints, each
 * value of an `ascending` run as its gap from the one before, with each run's byte count: what lets
 * a reader find one run's bytes and decode that run alone (decodeVarintRun).
 */
export function encodeVarintRuns(offsets: ArrayLike<number>, values: ArrayLike<number>, ascending: boolean): { bytes: Uint8Array; runBytes: Uint32Array } {
  const count = offsets.length - 1;
  const bytes = new Uint8Array(values.length * 5);
  const runBytes = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const runStart = at;
    let previous = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      at = writeVarint(bytes, at, values[k]! - previous);
      if (ascending) previous = values[k]!;
    }
    runBytes[i] = at - runStart;
  }
  return { bytes: bytes.subarray(0, at), runBytes };
}

/** Reads exactly `count` varints; throws on a truncated or over-long input, so damage is not read as data. */
export function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const values = new Uint32Array(count);
  decodeVarintRun(bytes, 0, bytes.length, values, 0, count);
  return values;
}

/**
 * Ascending lists one after another (list i is `values[offsets[i]..offsets[i+1])`: a term's
 * passages, a sentence's stems), saved as the varints of each list's length and of the gaps within
 * each list, which are mostly one byte; with each list's byte count (`listBytes`), not saved here.
 */
export function encodeAscendingLists(offsets: ArrayLike<number>, values: ArrayLike<number>): { lengths: Uint8Array; gaps: Uint8Array; listBytes: Uint32Array } {
  const lengths = Uint32Array.from({ length: offsets.length - 1 }, (_, i) => offsets[i + 1]! - offsets[i]!);
  const { bytes, runBytes } = encodeVarintRuns(offsets, values, true);
  return { lengths: encodeVarints(lengths), gaps: bytes, listBytes: runBytes };
}

/**
 * Reads `count` lists written by `encodeAscendingLists`; every value must be below `bound` (a
 * value past the end of what it numbers would be read out of bounds), else `outOfRange()` is thrown.
 */
export function decodeAscendingLists(
  lengths: Uint8Array,
  gaps: Uint8Array,
  count: number,
  bound: number,
  outOfRange: () => Error,
): { offsets: Uint32Array; values: Uint32Array } {
  const perList = decodeVarints(lengths, count);
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + perList[i]!;
  const values = decodeVarints(gaps, offsets[count]!);
  for (let i = 0; i < count; i++) {
    let previous = 0;
    for (let at = offsets[i]!; at < offsets[i + 1]!; at++) {
      previous = values[at] = previous + values[at]!;
      if (previous >= bound) throw outOfRange();
    }
  }
  return { offsets, values };
}

/**
 * Decodes the `count` varints of `bytes[from..to)` into `target` from `into`; throws unless they fill
 * that range exactly, as `decodeVarints` does its whole input (a list's bytes and its length are
 * saved apart). `ascending`: they are gaps of an ascending list, each value below `bound`.
 */
export function decodeVarintRun(
  bytes: Uint8Array,
  from: number,
  to: number,
  target: Uint32Array,
  into: number,
  count: number,
  ascending?: { bound: number; outOfRange: () => Error },
): void {
  let previous = 0;
  let at = from;
  for (let i = into; i < into + count; i++) {
    if (at >= to) throw new RangeError('varints end early');
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
      if (at >= to) throw new RangeError('varints end early, inside a varint');
      // A 32-bit value takes at most five bytes: a sixth would be read as 2^35 and up, then wrapped.
      if (scale >= 2 ** 35) throw new RangeError('varint too long');
    }
    if (ascending) {
      value = previous += value;
      if (value >= ascending.bound) throw ascending.outOfRange();
    }
    target[i] = value;
  }
  if (at !== to) throw new RangeError('bytes left after the last varint');
}
