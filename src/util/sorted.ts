/** Searching numbers kept ascending in typed arrays: posting lists, a text's word numbers. */

/** Whether `values[start..end)`, ascending, holds `value`: a binary search. */
export function includesSorted(values: ArrayLike<number>, start: number, end: number, value: number): boolean {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = values[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle;
  }
  return false;
}
