/**
 * Sentences with exact offsets, for chunking and for choosing what to quote.
 *
 * Intl.Segmenter (Unicode sentence boundaries) does the splitting; two corrections follow:
 * - it breaks after abbreviations such as "Mr.", "Dr.", "St.", "Cllr.", "e.g." and initials ("J. Smith",
 *   "U.K. Government"): those pieces are joined again;
 * - it breaks at every line end, so a line that does not end a sentence (a hard-wrapped line, a
 *   heading-like caption, a list of names) runs on into the next line. A blank line always ends one,
 *   and so does a line that opens a list item ("• ...", "- ...", "2. ..."), punctuated or not.
 *
 * The text is cut into paragraphs (at blank lines) and long paragraphs into windows of at most
 * WINDOW characters before segmenting, and every check reads only a sentence's end: the work stays
 * linear in the text's length (a 30 MB file without a blank line is one paragraph).
 */

export interface Sentence {
  /** The sentence, trimmed: `source.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words after which a full stop does not end the sentence (case as usually written). */
const ABBREVIATIONS = new Set([
  // titles and ranks
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Revd', 'Cllr', 'Hon', 'Rt', 'Sr', 'Jr', 'St', 'Sgt', 'Capt',
  'Col', 'Gen', 'Lt', 'Supt', 'Insp', 'Det', 'Mt',
  // references
  'No', 'Nos', 'no', 'Fig', 'fig', 'Figs', 'figs', 'p', 'pp', 'para', 'paras', 'Para', 'ch', 'Ch', 'vol', 'Vol',
  'Sec', 'sec', 'Art', 'art', 'Ref', 'ref', 'ed', 'eds', 'cf', 'Cf', 'vs', 'v', 'approx', 'Approx', 'est',
  'dept', 'Dept', 'Govt', 'govt', 'Est',
  // Latin
  'e.g', 'E.g', 'i.e', 'I.e', 'viz', 'ca', 'c',
  // months
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** "No." and "no." end sentences too ("The answer was no."): only an abbreviation before a number. */
const ONLY_BEFORE_NUMBER = new Set(['No', 'Nos', 'no', 'p', 'pp', 'para', 'paras', 'Para', 'ch', 'Ch', 'vol', 'Vol', 'Sec', 'sec', 'Art', 'art', 'Fig', 'fig', 'Figs', 'figs', 'c', 'ca']);

/** Longest stretch of text segmented at once. */
const WINDOW = 20_000;

/**
 * Hears how far splitting has got: the characters of the text segmented so far, after each window
 * (at most WINDOW characters), so that a caller can show progress through a long text.
 */
export type SplitProgress = (characters: number) => void;

export function splitSentences(text: string, onProgress?: SplitProgress): Sentence[] {
  const sentences: Sentence[] = [];
  let current: { start: number; end: number } | undefined;
  // Each piece joins the sentence before it or starts one as soon as it is segmented: runsOn reads
  // only the two, so the result is that of joining once every window is done.
  for (const window of windows(text)) {
    for (const { segment, index } of segmenter.segment(text.slice(window.start, window.end))) {
      const piece = trimmed(text, window.start + index, window.start + index + segment.length);
      if (!piece) continue;
      if (current && runsOn(text, current, piece)) {
        current.end = piece.end;
      } else {
        if (current) sentences.push({ text: text.slice(current.start, current.end), ...current });
        current = piece;
      }
    }
    onProgress?.(window.end);
  }
  if (current) sentences.push({ text: text.slice(current.start, current.end), ...current });
  return withItemNumbersLeading(text, sentences);
}

/**
 * A numbered list run into one line ("... was judged good 1. Help for families Requires improvement
 * 2. Care leavers ...") is split after each item's number, which the segmenter reads as a
 * full stop: each number goes back to the start of its own item. A trailing number is an item's
 * when the numbering runs on across the sentences around it (the sentence before opens with the
 * number one less, or the one after ends with the number one more), so "It rose to 12." stays whole.
 */
function withItemNumbersLeading(text: string, sentences: Sentence[]): Sentence[] {
  const out = sentences.map((sentence) => ({ ...sentence }));
  for (let i = 0; i + 1 < out.length; i++) {
    const sentence = out[i]!;
    const match = TRAILING_ITEM_NUMBER.exec(sentence.text);
    if (!match) continue;
    const number = Number(match[1]);
    const opensWithPrevious = sentence.text.startsWith(`${number - 1}. `);
    const nextEndsWithNext = new RegExp(String.raw`\s${number + 1}\.$`).test(out[i + 1]!.text);
    if (!opensWithPrevious && !nextEndsWithNext) continue;
    const numberStart = sentence.end - match[1]!.length - 1;
    const shortened = trimmed(text, sentence.start, numberStart);
    if (!shortened) continue;
    const next = out[i + 1]!;
    next.start = numberStart;
    next.text = text.slice(next.start, next.end);
    sentence.end = shortened.end;
    sentence.text = text.slice(sentence.start, sentence.end);
  }
  return out;
}

/** A sentence ending in a small number and a full stop, after a space: "... Requires improvement 2." */
const TRAILING_ITEM_NUMBER = /\s(\d{1,2})\.$/;

/**
 * Spans of `text` to segment one at a time: its paragraphs (a blank line ends a sentence anyway), a
 * paragraph over WINDOW cut after the last line end (else space) before the limit. A cut sentence is
 * joined again by runsOn, which sees the gap between the windows like any other.
 */
export function windows(text: string, size = WINDOW): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const paragraphBreak = /\n[ \t]*\n/g;
  let start = 0;
  const add = (end: number) => {
    let from = start;
    while (end - from > size) {
      let cut = text.lastIndexOf('\n', from + size);
      if (cut <= from) cut = text.lastIndexOf(' ', from + size);
      if (cut <= from) cut = from + size;
      spans.push({ start: from, end: cut });
      from = cut;
    }
    if (end > from) spans.push({ start: from, end });
  };
  for (const match of text.matchAll(paragraphBreak)) {
    add(match.index);
    start = match.index;
  }
  add(text.length);
  return spans;
}

/** Whether the sentence so far continues into `next` rather than ending where the segmenter broke. */
function runsOn(text: string, sentence: { start: number; end: number }, next: { start: number; end: number }): boolean {
  const gap = text.slice(sentence.end, next.start);
  // A break with no space after it is inside a token ("<!channel>", "Yahoo!Mail"), never between sentences.
  if (gap === '') return true;
  const newlines = gap.split('\n').length - 1;
  // A paragraph's or item's number ("25. The committee heard ...") opens the sentence after it.
  if (newlines === 0 && ITEM_NUMBER_ALONE.test(text.slice(sentence.start, sentence.end))) return true;
  if (newlines >= 2) return false; // a blank line: a new paragraph
  // Only the ends are read: a run-on "sentence" (lines without full stops) may be megabytes long.
  const body = text.slice(Math.max(sentence.start, sentence.end - TAIL * 2), sentence.end);
  const following = text.slice(next.start, Math.min(next.end, next.start + TAIL));
  // A list item on a line of its own is a sentence of its own, though items rarely end with a full stop.
  if (newlines === 1 && LIST_ITEM.test(following)) return false;
  if (newlines === 1) return !endsSentence(body) || endsWithAbbreviation(body, following);
  return endsWithAbbreviation(body, following);
}

/** A sentence that is only an item's number or letter: "25.", "3)", "(c)". */
const ITEM_NUMBER_ALONE = /^\(?(?:\d{1,3}|[a-z])[.)]$/;

/** A bullet ("•", "-", "*", "–") or an item number ("3.", "3)", "(c)") opening a line; quotes are set out by it too. */
export const LIST_ITEM = /^(?:[•◦▪▫●○‣⁃∙·*–—-]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)/;

/** Ends in . ! ? … (or : ;) possibly followed by closing quotes and brackets. */
function endsSentence(body: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/.test(body);
}

/** The word before a sentence's last full stop, dots within it kept ("e.g", "U.K"). */
const LAST_WORD = /(?:^|[^\p{L}\p{N}.])((?:\p{L}+\.)*\p{L}+)\.$/u;
/** Enough of a sentence's end to hold its last word: the pattern run on the whole sentence scanned it all. */
const TAIL = 48;

function endsWithAbbreviation(body: string, next: string): boolean {
  if (!body.endsWith('.')) return false;
  const tail = body.length > TAIL ? body.slice(-TAIL) : body;
  let match = LAST_WORD.exec(tail);
  // A word as long as the tail may start before it: read the whole sentence.
  if (match && match.index === 0 && tail !== body) match = LAST_WORD.exec(body);
  if (!match) return false;
  const word = match[1]!;
  if (ABBREVIATIONS.has(word)) return !ONLY_BEFORE_NUMBER.has(word) || /^[\d#(]/.test(next);
  // Initials and dotted acronyms: "J. Smith", "U.K. Government" (not "in 2015 the U.K." at a paragraph end).
  if (/^\p{Lu}(?:\.\p{Lu})*$/u.test(word)) return /^\p{Lu}/u.test(next);
  return false;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : undefined;
}
