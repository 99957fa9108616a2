/** Finds Ofsted grades named in a sentence, joining "good or outstanding" into one combined grade. */
import { foldQuotes, type PhraseMatcher, type Vocabulary } from './vocabulary.js';
import { stopwordSet } from './words.js';

export interface GradeMention {
  start: number;
  end: number;
  /** Component grades, worst first (the vocabulary's order). */
  grades: string[];
}

const QUOTE_BEFORE = /['"]\s*$/;
const FIGURE_BEFORE = /(?:\d|%|per ?cent)\W{0,3}$/i;

export interface FindGradesOptions {
  /** Defaults to the document matcher, where "RI" must be upper case. */
  matcher?: PhraseMatcher;
  /** Report prose uses "good" loosely, so it needs a cue there; in a typed query every grade word is meant as one. */
  requireCue?: boolean;
}

export function findGrades(text: string, vocabulary: Vocabulary, options: FindGradesOptions = {}): GradeMention[] {
  const { matcher = vocabulary.grades, requireCue = true } = options;
  const plain = foldQuotes(text);
  const hits = matcher.find(text).map((hit) => ({
    start: hit.start,
    end: hit.end,
    grades: hit.key.split('+'),
    surface: hit.text,
  }));
  const chains = joinChains(plain, hits, vocabulary);
  return chains
    .filter((chain) => !requireCue || chain.length > 1 || isGradeUse(plain, chain[0]!, vocabulary))
    .map((chain) => ({
      start: chain[0]!.start,
      end: chain[chain.length - 1]!.end,
      grades: orderGrades(chain.flatMap((hit) => hit.grades), vocabulary),
    }));
}

type Hit = { start: number; end: number; grades: string[]; surface: string };

/** Consecutive grades separated only by a joiner ("or", "/", "A, B or C") name one combined grade. */
function joinChains(plain: string, hits: Hit[], vocabulary: Vocabulary): Hit[][] {
  const joiners = new Set(vocabulary.data.gradeJoiners.map((j) => j.replace(/\s+/g, '')));
  const chains: Hit[][] = [];
  const gaps: string[][] = [];
  for (const hit of hits) {
    const chain = chains[chains.length - 1];
    const previous = chain?.[chain.length - 1];
    const gap = previous ? plain.slice(previous.end, hit.start).replace(/['"\s]/g, '').toLowerCase() : undefined;
    if (chain && gap !== undefined && joiners.has(gap)) {
      chain.push(hit);
      gaps[gaps.length - 1]!.push(gap);
    } else {
      chains.push([hit]);
      gaps.push([]);
    }
  }
  // A list joined by commas alone ("Good, Inadequate") is a list of grades, not one combined grade.
  return chains.flatMap((chain, i) => (gaps[i]!.length > 0 && gaps[i]!.every((g) => g === ',') ? chain.map((h) => [h]) : [chain]));
}

/** "good" is a grade only where the sentence uses it as one: quoted, capitalised, after a rating word, or after a figure. */
function isGradeUse(plain: string, hit: Hit, vocabulary: Vocabulary): boolean {
  if (!hit.grades.some((g) => vocabulary.needsCue.has(g))) return true;
  const before = plain.slice(0, hit.start);
  if (QUOTE_BEFORE.test(before)) return true;
  // Followed by a content word it describes something else: "good news", "good practice", "good quality care".
  const next = /^\s+([a-z]+)/i.exec(plain.slice(hit.end))?.[1]?.toLowerCase();
  if (next !== undefined && !stopwordSet().has(next)) return false;
  if (FIGURE_BEFORE.test(before)) return true;
  if (/^[A-Z]/.test(hit.surface) && /\S/.test(before)) return true;
  const words = before.toLowerCase().match(/[a-z']+/g) ?? [];
  const window = words.slice(-vocabulary.data.gradeCues.window);
  return window.some((word) => vocabulary.gradeCues.has(word)) || endsWithNumberWord(words, vocabulary);
}

function endsWithNumberWord(words: string[], vocabulary: Vocabulary): boolean {
  const last = words[words.length - 1];
  return last !== undefined && vocabulary.numberWords.has(last);
}

export function orderGrades(grades: string[], vocabulary: Vocabulary): string[] {
  const unique = [...new Set(grades)];
  return unique.sort((a, b) => vocabulary.gradeOrder.indexOf(a) - vocabulary.gradeOrder.indexOf(b));
}

/** "Good or outstanding", "Inadequate", "Requires improvement, good or outstanding". */
export function gradeLabel(grades: string[]): string | undefined {
  if (grades.length === 0) return undefined;
  const words = grades.map((g, i) => (i === 0 ? g : g.toLowerCase()));
  if (words.length === 1) return words[0];
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
