import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints, fromBase64, toBase64 } from '../../src/search/varint.js';

describe('varints', () => {
  it('round-trip small and large unsigned integers, small ones in one byte', () => {
    const values = [0, 1, 127, 128, 300, 65535, 2 ** 31, 2 ** 32 - 1];
    const bytes = encodeVarints(values);
    expect(Array.from(decodeVarints(fromBase64(toBase64(bytes)), values.length))).toEqual(values);
    expect(encodeVarints([5, 127]).length).toBe(2);
  });

  it('refuse negative or fractional values, and input that ends early or runs over', () => {
    expect(() => encodeVarints([-1])).toThrow(RangeError);
    expect(() => encodeVarints([1.5])).toThrow(RangeError);
    const bytes = encodeVarints([300, 5]);
    expect(() => decodeVarints(bytes.subarray(0, 1), 2)).toThrow(/early/);
    expect(() => decodeVarints(bytes, 1)).toThrow(/left/);
  });
});
