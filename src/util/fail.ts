/** Throws an Error with `message`: for `value ?? fail('...')` where a missing value is a bug. */
export function fail(message: string): never {
  throw new Error(message);
}
