import { describe, expect, it } from 'vitest';
import { decodeAscendingLists, decodeVarintRun, decodeVarints, encodeAscendingLists, encodeVarintRuns, encodeVarints } from '../../src/util/varint.js';

const varintLength = (value: number) => encodeVarints([value]).length;

describe('varints', () => {
  it('round-trip small and large unsigned integers, small ones in one byte', () => {
    const values = [0, 1, 127, 128, 300, 65535, 2 ** 31, 2 ** 32 - 1];
    const bytes = encodeVarints(values);
    expect(Array.from(decodeVarints(bytes, values.length))).toEqual(values);
    expect(encodeVarints([5, 127]).length).toBe(2);
  });

  it('refuse negative or fractional values, and input that ends early or runs over', () => {
    expect(() => encodeVarints([-1])).toThrow(RangeError);
    expect(() => encodeVarints([1.5])).toThrow(RangeError);
    const bytes = encodeVarints([300, 5]);
    expect(() => decodeVarints(bytes.subarray(0, 1), 2)).toThrow(/early/);
    expect(() => decodeVarints(bytes, 1)).toThrow(/left/);
  });

  it('round-trip ascending lists as lengths and gaps, an empty list included, and refuse a value past the bound', () => {
    const offsets = [0, 3, 3, 5];
    const values = [2, 40, 41, 0, 900];
    const { lengths, gaps } = encodeAscendingLists(offsets, values);
    expect(Array.from(decodeVarints(gaps, values.length))).toEqual([2, 38, 1, 0, 900]);
    const decoded = decodeAscendingLists(lengths, gaps, 3, 901, () => new Error('past the end'));
    expect(Array.from(decoded.offsets)).toEqual(offsets);
    expect(Array.from(decoded.values)).toEqual(values);
    expect(() => decodeAscendingLists(lengths, gaps, 3, 900, () => new Error('past the end'))).toThrow('past the end');
  });

  it('decode one list of many on its own, from where its bytes start', () => {
    const offsets = [0, 3, 3, 5];
    const values = [2, 40, 4000, 0, 900];
    const { gaps } = encodeAscendingLists(offsets, values);
    // 2, 38, 3960 (two bytes); none; 0, 900 (two bytes).
    expect([2, 38, 3960, 0, 900].map(varintLength)).toEqual([1, 1, 2, 1, 2]);
    expect(gaps.length).toBe(7);
    // Each list's byte count comes with them, so one list can be found and decoded alone.
    expect(Array.from(encodeAscendingLists(offsets, values).listBytes)).toEqual([4, 0, 3]);
    const plain = encodeVarintRuns(offsets, values, false);
    expect(Array.from(plain.runBytes)).toEqual([4, 0, 3]);
    expect(Array.from(decodeVarints(plain.bytes, 5))).toEqual(values);
    const target = new Uint32Array(5);
    decodeVarintRun(gaps, 4, 7, target, 3, 2, { bound: 901, outOfRange: () => new Error('past the end') });
    expect(Array.from(target)).toEqual([0, 0, 0, 0, 900]);
    decodeVarintRun(gaps, 0, 4, target, 0, 3, { bound: 4001, outOfRange: () => new Error('past the end') });
    expect(Array.from(target)).toEqual(values);
    expect(() => decodeVarintRun(gaps, 0, 4, target, 0, 3, { bound: 4000, outOfRange: () => new Error('past the end') })).toThrow('past the end');
    // A run that stops inside a varint is refused, and so is a varint longer than 32 bits can need.
    expect(() => decodeVarintRun(gaps, 0, 3, target, 0, 3)).toThrow(/end early, inside a varint/);
    expect(() => decodeVarints(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), 1)).toThrow(/too long/);
    // So is one holding more or fewer values than its list's length says, and nothing past the list is written.
    const guarded = new Uint32Array(5);
    expect(() => decodeVarintRun(gaps, 0, 4, guarded, 0, 2)).toThrow(/left/);
    expect(guarded[2]).toBe(0);
    expect(() => decodeVarintRun(gaps, 4, 7, guarded, 3, 3)).toThrow(/early/);
    expect([0, 127, 128, 2 ** 32 - 1].map(varintLength)).toEqual([1, 1, 2, 5]);
  });
});
