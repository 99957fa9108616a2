/**
 * Ties each figure in a sentence to the words about it. A sentence that lists several figures
 * ("9% Outstanding, 69% Good and 22% Adequate") is cut into one segment per figure, from the end
 * of the previous figure to the start of the next; a figure takes what is named in its own
 * segment, looking first just after it, then just before it.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Where to look when a figure's own segment names nothing:
 * 'linked-neighbour': a neighbouring figure joined by "to", "(", "compared with" shares its mention, else the
 * nearest mention earlier in the sentence ("good ratings peaked in the capital (85%) and were rarest in the North West (36%)");
 * 'sentence': the nearest mention anywhere in the sentence.
 */
export type Fallback = 'none' | 'linked-neighbour' | 'sentence';

export interface AttachOptions {
  fallback: Fallback;
  /**
   * 'after-first': the first mention after the figure in its segment, else the last before it
   * (grades and counted things: "28% of councils were rated 'inadequate'").
   * 'nearest': the closest in the segment, except that one joined by `closeAfter` wins
   * (periods: "Last year, four ... but this year", "412,000 in 2008 to 471,300 in 2012").
   */
  prefer: 'after-first' | 'nearest';
  closeAfter?: RegExp;
}

/**
 * Text between two figures that shows they describe the same thing: "from 22% to 12%", "(40%)", or
 * a count and its share restated in brackets, "15 LAs (23%)".
 */
const LINKING_GAP = /^(?:[\s(),'"]*(?:to|and|or|from|vs\.?|versus|compared with|up from|down from)?[\s(),'"]*|\s+(?:[a-z'’]+\s+){1,2}\(\s*)$/i;

export function attachMentions<T extends Span>(sentence: string, figures: Span[], mentions: T[], options: AttachOptions): Array<T | undefined> {
  const { fallback, prefer, closeAfter } = options;
  // A mention joined straight after a figure ("500,000 in 2009") is that figure's, and no later figure's.
  const joined = figures.map((figure, i) => {
    const segmentEnd = figures[i + 1]?.start ?? sentence.length;
    const after = mentions.find((m) => m.start >= figure.end && m.start < segmentEnd);
    return after && closeAfter?.test(sentence.slice(figure.end, after.start)) ? after : undefined;
  });
  const claimed = new Set(joined.filter(Boolean));
  const own = figures.map((figure, i) => {
    if (prefer === 'nearest' && joined[i]) return joined[i];
    const segmentStart = figures[i - 1]?.end ?? 0;
    const segmentEnd = figures[i + 1]?.start ?? sentence.length;
    const after = mentions.find((m) => m.start >= figure.end && m.start < segmentEnd);
    const before = mentions.filter((m) => m.end <= figure.start && m.start >= segmentStart && !(prefer === 'nearest' && claimed.has(m))).pop();
    if (prefer === 'after-first' || !before || !after) return after ?? before;
    return figure.start - before.end <= after.start - figure.end ? before : after;
  });
  if (fallback === 'none') return own;
  return own.map((mention, i) => {
    if (mention) return mention;
    if (fallback === 'sentence') return nearest(figures[i]!, mentions.filter((m) => !comparedWith(sentence, figures, joined, i, m) && !asideOfAnother(sentence, figures, i, m)));
    return linkedNeighbour(sentence, figures, own, i) ?? mentions.filter((m) => m.end <= figures[i]!.start).pop();
  });
}

/**
 * "16.9, down from 17.4 last year": a period joined to the earlier figure a later one moved from
 * is that earlier figure's alone.
 */
function comparedWith<T>(sentence: string, figures: Span[], joined: Array<T | undefined>, i: number, mention: T): boolean {
  return figures.some((other, j) => j > i && joined[j] === mention && COMPARISON_GAP.test(sentence.slice(figures[i]!.end, other.start)));
}

/**
 * "64 per cent met it (59 per cent in 2023/24)": a mention in brackets beside another figure is
 * that figure's aside, not one for a figure outside the brackets.
 */
function asideOfAnother(sentence: string, figures: Span[], i: number, mention: Span): boolean {
  const open = sentence.lastIndexOf('(', mention.start);
  if (open === -1 || sentence.slice(open, mention.start).includes(')')) return false;
  const close = sentence.indexOf(')', mention.end);
  if (close === -1) return false;
  const inside = (span: Span) => span.start > open && span.end <= close;
  return !inside(figures[i]!) && figures.some((other, j) => j !== i && inside(other));
}

/**
 * What stands between a figure and the earlier one it moved from: "down from", "up from". ("Compared
 * with" and "than" compare groups within one period as often as two periods.)
 */
const COMPARISON_GAP = /^[^\d]{0,40}\b(?:up|down|fell|rose|increased|decreased|rising|falling)\s+from\s*$/i;

function linkedNeighbour<T>(sentence: string, figures: Span[], own: Array<T | undefined>, i: number): T | undefined {
  const figure = figures[i]!;
  const previous = figures[i - 1];
  if (previous && own[i - 1] && LINKING_GAP.test(sentence.slice(previous.end, figure.start))) return own[i - 1];
  const next = figures[i + 1];
  if (next && own[i + 1] && LINKING_GAP.test(sentence.slice(figure.end, next.start))) return own[i + 1];
  return undefined;
}

/** The closest mention anywhere in the sentence, preferring one before the figure on a tie. */
function nearest<T extends Span>(figure: Span, mentions: T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const m of mentions) {
    const distance = m.end <= figure.start ? figure.start - m.end : m.start >= figure.end ? m.start - figure.end + 0.5 : 0;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}
