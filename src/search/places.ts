/**
 * The places reports and questions name: England's regions and its councils with children's
 * services (data/places.txt). A question about the North East is not answered by a figure for
 * London, and "which councils ...?" is answered by an extract that names some.
 */
import { readFile } from 'node:fs/promises';

export interface Places {
  /**
   * The places a text names, by their first-listed name, in order of first mention. `anyCase`
   * reads names however they are written, as people type questions ("north east"), except the
   * names that are everyday words too, which count only with their capital.
   */
  find(text: string, options?: { anyCase?: boolean }): string[];
}

interface PlaceName {
  written: string;
  place: string;
  /** An everyday word too ("Reading"): a place only as written, with its capital. */
  asWritten: boolean;
}

export function parsePlaces(text: string): Places {
  const names: PlaceName[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    // Each name may be marked as an everyday word on its own ("Wiltshire | =Wilts").
    const marked = trimmed.split('|').map((name) => name.trim()).filter(Boolean);
    const written = marked.map((name) => ({ name: name.replace(/^=\s*/, ''), asWritten: name.startsWith('=') }));
    const place = written[0]?.name;
    if (place === undefined) continue;
    for (const { name, asWritten } of written) names.push({ written: name, place, asWritten });
  }
  // Longest first, so "North East Lincolnshire" is one place, not the North East and another word.
  names.sort((a, b) => b.written.length - a.written.length);
  const placeOf = new Map(names.map((name) => [name.written.toLowerCase(), name]));
  const pattern = (flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((name) => escape(name.written)).join('|')})(?![\\p{L}\\p{N}])`, flags);
  const exact = pattern('gu');
  const anyCase = pattern('giu');
  return {
    find(text, options = {}) {
      const found: string[] = [];
      for (const match of text.matchAll(options.anyCase ? anyCase : exact)) {
        const written = match[0].replace(/\s+/g, ' ');
        const name = placeOf.get(written.toLowerCase());
        if (!name || (name.asWritten && written !== name.written)) continue;
        if (!found.includes(name.place)) found.push(name.place);
      }
      return found;
    },
  };
}

export async function loadPlaces(path: string): Promise<Places> {
  return parsePlaces(await readFile(path, 'utf8'));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
