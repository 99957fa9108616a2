/**
 * "Which councils were rated inadequate?" is answered by a sentence that names them ("Birmingham;
 * Buckinghamshire; Coventry ..."), not by one that counts them ("seven were inadequate"); and "what
 * share in the North East?" by evidence about the North East, not London.
 */
import type { AnalysedQuery } from '../search/query.js';
import type { Places } from '../search/places.js';

/**
 * Whether an extract names what a "which councils / which LA / which region" question asks for:
 * two or more places for `several`, one for `one`, other than those the question names itself.
 */
export function namesAskedPlaces(extract: string, query: AnalysedQuery, places: Places): boolean {
  if (!query.asksForPlaces) return false;
  const named = places.find(extract).filter((place) => !query.places.includes(place));
  return named.length >= (query.asksForPlaces.how === 'several' ? 2 : 1);
}

/**
 * Whether evidence is about the places the question names. Like a year, a place is often named
 * once for a whole passage (its title, "Manchester City Council"), so the passage counts; but an
 * extract that names places of its own must name one of those asked ("highest in London (85%)" is
 * no figure for the North East).
 */
export function aboutAskedPlaces(extract: string, around: string, query: AnalysedQuery, places: Places): boolean {
  if (query.places.length === 0) return true;
  const inExtract = places.find(extract);
  if (inExtract.length > 0 && !inExtract.some((place) => query.places.includes(place))) return false;
  return places.find(around).some((place) => query.places.includes(place));
}
