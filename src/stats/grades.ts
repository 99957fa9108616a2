/** Finds Ofsted grades named in a sentence, joining "good or outstanding" into one combined grade. */
import { gradeLabel, orderGrades as orderModelGrades } from '../grades/model.js';
import { foldQuotes, type PhraseMatcher, type Vocabulary } from './vocabulary.js';

export { gradeLabel };

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
  const joiners = new Set(vocabulary.gradeModel.joiners.map((j) => j.replace(/\s+/g, '')));
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
  const cues = vocabulary.gradeModel.figureCues;
  if (!hit.grades.some((g) => cues.ambiguous.has(g))) return true;
  if (hit.grades.length > 1 && namesGradesJoined(hit.surface, vocabulary)) return true;
  const before = plain.slice(0, hit.start);
  if (QUOTE_BEFORE.test(before)) return true;
  // Followed by a content word it describes something else: "good news", "good practice", "good quality care".
  const next = /^\s+([a-z]+)/i.exec(plain.slice(hit.end))?.[1]?.toLowerCase();
  if (next !== undefined && !vocabulary.words.stopwords.has(next)) return false;
  if (FIGURE_BEFORE.test(before)) return true;
  if (/^[A-Z]/.test(hit.surface) && /\S/.test(before)) return true;
  const words = before.toLowerCase().match(/[a-z']+/g) ?? [];
  const window = words.slice(-cues.window);
  return window.some((word) => cues.before.has(word)) || endsWithNumberWord(words, vocabulary);
}

/** A combined grade spelled as grade words joined ("good or outstanding") is as sure as a chain of them. */
function namesGradesJoined(surface: string, vocabulary: Vocabulary): boolean {
  const gradeWords = new Set(vocabulary.gradeModel.grades.flatMap((g) => g.spellings.filter((s) => /^[a-z]+$/.test(s))));
  return surface.toLowerCase().split(/[^a-z]+/).filter((word) => gradeWords.has(word)).length > 1;
}

function endsWithNumberWord(words: string[], vocabulary: Vocabulary): boolean {
  const last = words[words.length - 1];
  return last !== undefined && vocabulary.numberWords.has(last);
}

/** Grade names worst first, each once. */
export function orderGrades(grades: string[], vocabulary: Vocabulary): string[] {
  return orderModelGrades(grades, vocabulary.gradeModel);
}
