/** Whole-word phrase matching for the figures index's vocabulary. */
/** A phrase found in text: which entry it belongs to and where. */
export interface PhraseHit {
  key: string;
  start: number;
  end: number;
  text: string;
}

/** Finds any of a set of phrases as whole words, longest first, without overlaps. */
export class PhraseMatcher {
  private readonly patterns: RegExp[] = [];
  private readonly keyOf = new Map<string, string>();

  constructor(entries: Array<{ key: string; phrases: string[] }>, caseSensitive: ReadonlySet<string> = new Set()) {
    const folded: string[] = [];
    const exact: string[] = [];
    for (const { key, phrases } of entries) {
      for (const phrase of phrases) {
        const pinned = [...caseSensitive].find((c) => c.toLowerCase() === phrase.toLowerCase());
        if (pinned) {
          this.keyOf.set(pinned, key);
          exact.push(pinned);
        } else {
          this.keyOf.set(normalisePhrase(phrase), key);
          folded.push(phrase);
        }
      }
    }
    if (folded.length > 0) this.patterns.push(compile(folded, 'gi'));
    // Aliases such as "RI" are only safe to read in their exact case.
    if (exact.length > 0) this.patterns.push(compile(exact, 'g'));
  }

  find(text: string): PhraseHit[] {
    const plain = foldQuotes(text);
    const hits: PhraseHit[] = [];
    for (const pattern of this.patterns) {
      for (const match of plain.matchAll(pattern)) {
        const found = match[0];
        const key = this.keyOf.get(found) ?? this.keyOf.get(normalisePhrase(found));
        if (key === undefined) continue;
        hits.push({ key, start: match.index, end: match.index + found.length, text: text.slice(match.index, match.index + found.length) });
      }
    }
    return withoutOverlaps(hits);
  }
}

/** Curly apostrophes and quotes to straight ones, one character for one so offsets survive. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** The lookup form of a phrase: lower case, with runs of quotes and spaces as one space. */
function normalisePhrase(phrase: string): string {
  return foldQuotes(phrase).toLowerCase().replace(/['"\s]+/g, ' ').trim();
}

function compile(phrases: string[], flags: string): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const alternatives = sorted.map((phrase) => {
    // Words may be split by quotes as well as spaces: "below 'good'".
    const body = escapeRegExp(foldQuotes(phrase)).replace(/ /g, `['"\\s]+`);
    // Word edges only where the phrase starts or ends with a word character ("%" and "£" need none).
    const before = /^\w/.test(phrase) ? '\\b' : '';
    const after = /\w$/.test(phrase) ? '(?!\\w)' : '';
    return `${before}${body}${after}`;
  });
  return new RegExp(alternatives.join('|'), flags);
}

function withoutOverlaps(hits: PhraseHit[]): PhraseHit[] {
  const byPreference = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PhraseHit[] = [];
  for (const hit of byPreference) {
    if (kept.every((k) => hit.end <= k.start || hit.start >= k.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
