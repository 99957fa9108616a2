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

/** A lookup's list without the figures of other places than those `asked`, its closest (`partly`, the last listed) counted again. */
export function placesAgree(found: StatsMatches, asked: readonly string[], placesIn: (text: string) => string[]): StatsMatches {
  if (asked.length === 0) return found;
  const agrees = placeAgreement(asked, placesIn);
  const closest = found.figures.slice(found.figures.length - found.partly).filter(agrees);
  return { ...found, figures: found.figures.filter(agrees), partly: closest.length };
}
