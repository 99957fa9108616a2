/** Signals a reader would use to pick the right passage among close ones. Each feature is in [-1, 1]. */
import { passageContext } from '../ingest/passage-context.js';
import type { Passage } from '../ingest/types.js';
import { termCoverage } from './coverage.js';
import { gradesIn, type AnalysedQuery } from './query.js';
import { PERCENTAGE, foldText, yearsIn } from './text-analysis.js';
import type { SearchVocabulary } from './vocabulary.js';

export interface RerankWeights {
  coverage: number;
  year: number;
  grade: number;
  figure: number;
  recency: number;
}

export const DEFAULT_RERANK_WEIGHTS: RerankWeights = { coverage: 0.15, year: 0.15, grade: 0.1, figure: 0.1, recency: 0.2 };

export interface RerankFeatures {
  /** Share of the question's term weight (IDF) found in the passage or its title. */
  coverage: number;
  /** +1 when a year asked for is named, -1 when years are asked and none matches, 0 when none asked. */
  year: number;
  grade: number;
  /** +1 when the kind of figure asked for (%, count, £) is present, -1 when absent. */
  figure: number;
  /** For "latest" questions: 1 for a passage naming the newest year among the candidates, less for older ones. */
  recency: number;
}

/** The newest year a passage (or its title) names, or undefined. */
export function newestYear(passage: Passage): number | undefined {
  const years = yearsIn(`${passage.title}\n${passage.text}`).map((year) => Number(year.slice(0, 4)));
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** Years over which recency fades from 1 to 0. */
const RECENCY_WINDOW_YEARS = 10;

/** 1 for evidence from the latest year, fading to 0 for evidence ten years older. */
export function recencyOf(newest: number | undefined, latestYear: number | undefined): number {
  if (newest === undefined || latestYear === undefined) return 0;
  return Math.max(0, 1 - (latestYear - newest) / RECENCY_WINDOW_YEARS);
}

export function rerankFeatures(
  passage: Passage,
  query: AnalysedQuery,
  idf: ReadonlyMap<string, number>,
  vocabulary: SearchVocabulary,
  latestYear?: number,
): RerankFeatures {
  const newest = newestYear(passage);
  const haystack = `${passageContext(passage)}\n${passage.text}`;
  return {
    coverage: termCoverage(new Set(vocabulary.normaliser.terms(haystack)), query, idf),
    year: query.years.length === 0 ? 0 : overlaps(query.years, yearsIn(haystack)) ? 1 : -1,
    grade: query.grades.length === 0 ? 0 : overlaps(query.grades, gradesIn(foldText(passage.text).toLowerCase(), vocabulary.grades)) ? 1 : -1,
    figure: figureFeature(passage.text, query),
    recency: query.asksLatest ? recencyOf(newest, latestYear) : 0,
  };
}

function figureFeature(text: string, query: AnalysedQuery): number {
  const { percent, count, money } = query.asksFor;
  if (!percent && !count && !money) return 0;
  const folded = foldText(text);
  const has =
    (percent && PERCENTAGE.test(folded)) ||
    (money && /£\s?\d/.test(folded)) ||
    (count && /\b\d+\b/.test(folded.replace(/\b(19|20)\d\d\b/g, '')));
  return has ? 1 : -1;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((item) => b.includes(item));
}
