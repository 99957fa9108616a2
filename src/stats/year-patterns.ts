/** How a year is written, and the season pattern built from a vocabulary's seasons: shared by periods.ts and vocabulary.ts. */

/** A year from 1950 to 2099. */
export const YEAR = '(?:19[5-9]\\d|20\\d\\d)';

/** Whether a text is a year alone ("2024"). */
export function isYear(text: string): boolean {
  return YEAR_ALONE.test(text.trim());
}

const YEAR_ALONE = new RegExp(`^${YEAR}$`);

/** "autumn 2017", "spring of 2019": compiled when the vocabulary is built, with the seasons it names. */
export function seasonPatternFor(seasons: readonly string[]): RegExp {
  return new RegExp(`\\b(${seasons.join('|')})\\s+(?:of\\s+)?(${YEAR})\\b`, 'gi');
}
