/** How a year and a split year are written, and the season pattern built from a vocabulary's seasons: shared by periods.ts, quarters.ts and vocabulary.ts. */

/** A year from 1950 to 2099. */
export const YEAR = '(?:19[5-9]\\d|20\\d\\d)';

/** A split year as written, "2025/26" or "2024-2025": its first year, then its second as written (two groups). */
export const SPLIT_YEAR_WRITTEN = `(${YEAR})\\s?[/\\-–]\\s?(\\d{2}|${YEAR})`;

/** The second year of a split year as written: "26" after 2025 is 2026. */
export function secondYearOf(first: number, written: string): number {
  return Number(written.length === 2 ? String(first).slice(0, 2) + written : written);
}

/** The label of the year of account that starts in `first`: "2025/26". */
export function splitYearLabel(first: number): string {
  return `${first}/${String(first + 1).slice(2)}`;
}

/** Whether a text is a year alone ("2024"). */
export function isYear(text: string): boolean {
  return YEAR_ALONE.test(text.trim());
}

const YEAR_ALONE = new RegExp(`^${YEAR}$`);

/** "autumn 2017", "spring of 2019": compiled when the vocabulary is built, with the seasons it names. */
export function seasonPatternFor(seasons: readonly string[]): RegExp {
  return new RegExp(`\\b(${seasons.join('|')})\\s+(?:of\\s+)?(${YEAR})\\b`, 'gi');
}
