/**
 * A lookup naming a place ("good or outstanding south west 2019") is not answered by a line about
 * other places: a figure whose sentence names places, none of them the one asked, is another place's.
 * A sentence naming no place may be about any (a report on the place asked states its figures bare).
 */
import type { Figure, StatsMatches } from './types.js';

/** Whether a figure may be about the places `asked` (every figure, when none is asked). */
export function placeAgreement(asked: readonly string[], placesIn: (text: string) => string[]): (figure: Pick<Figure, 'sentence'>) => boolean {
  if (asked.length === 0) return () => true;
  return (figure) => {
    const named = placesIn(figure.sentence.text);
    return named.length === 0 || named.some((place) => asked.includes(place));
  };
}

/** What reading places needs of data/places.txt (src/search/places.ts): the places a text names. */
export interface PlaceReader {
  find(text: string, options?: { anyCase?: boolean }): string[];
}

/** Whether a figure may be about the places a lookup names (in any case, as people type them). */
export function placeAgreementOf(queryText: string, places: PlaceReader): (figure: Pick<Figure, 'sentence'>) => boolean {
  return placeAgreement(places.find(queryText, { anyCase: true }), (text) => places.find(text));
}

/** A lookup's list without the figures `agrees` leaves out (placeAgreement), its closest (`partly`, the last listed) counted again. */
export function placesAgree(found: StatsMatches, agrees: (figure: Figure) => boolean): StatsMatches {
  const closest = found.figures.slice(found.figures.length - found.partly).filter(agrees);
  return { ...found, figures: found.figures.filter(agrees), partly: closest.length };
}
