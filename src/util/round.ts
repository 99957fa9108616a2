/** `value` rounded to `digits` decimal places: confidences to 3, benchmark figures to 0–3. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
