/**
 * A lookup naming a place ("good or outstanding south west 2019") is not answered by a line about
 * other places: a figure whose sentence names places, none of them the one asked, is another place's.
 * A sentence naming no place may be about any (a report on the place asked states its figures bare).
 */
import type { Figure } from './types.js';

export function placesAgree(figures: readonly Figure[], asked: readonly string[], placesIn: (text: string) => string[]): Figure[] {
  if (asked.length === 0) return [...figures];
  return figures.filter((figure) => {
    const named = placesIn(figure.sentence.text);
    return named.length === 0 || named.some((place) => asked.includes(place));
  });
}
