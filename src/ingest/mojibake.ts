/**
 * UTF-8 text printed by a producer that reads it as Latin-1: enscript prints "’" as "â\200\231"
 * (the bytes E2 80 99, the first as a Latin-1 letter, the others, unprintable, as octal escapes),
 * and "£" as "Â£". A run that spells a whole UTF-8 sequence this way is decoded back; anything
 * else is left as it is (a real "Â" before a letter is no valid sequence).
 */
const RUN = /[\u00c2-\u00f4](?:\\[23][0-7]{2}|[\u0080-\u00bf]){1,3}/g;
const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(RUN, (run) => {
    const bytes: number[] = [];
    for (const match of run.matchAll(/\\([0-3][0-7]{2})|([\s\S])/g)) {
      bytes.push(match[1] !== undefined ? parseInt(match[1], 8) : match[2]!.charCodeAt(0));
    }
    try {
      return decoder.decode(new Uint8Array(bytes));
    } catch {
      return run;
    }
  });
}
