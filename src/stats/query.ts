/** Reads what a stats command asks for: grade, period, kind of figure, counted thing, key words. */
import { findGrades, orderGrades } from './grades.js';
import { findPeriods } from './periods.js';
import type { FigureUnit, Period, StatsQuery } from './types.js';
import type { PhraseHit } from './phrases.js';
import type { Vocabulary } from './vocabulary.js';

interface Span {
  start: number;
  end: number;
}

/** Unit names a user may type in a stats command ("percent", "£", "count"). */
const UNIT_WORDS: Record<string, FigureUnit> = {
  '%': 'percent',
  percent: 'percent',
  percentage: 'percent',
  share: 'percent',
  count: 'count',
  number: 'count',
  '£': 'GBP',
  money: 'GBP',
  gbp: 'GBP',
  ratio: 'ratio',
};

/** "[grade] [year or period] [words]": "inadequate", "good 2007/08", "requires improvement 2015 councils", "RI". */
export function parseStatsQuery(text: string, vocabulary: Vocabulary): StatsQuery {
  const features = readFeatures(text, vocabulary);
  const unitWord = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => UNIT_WORDS[w])
    .find((u): u is FigureUnit => u !== undefined);
  const units = unitWord ? [unitWord] : features.units;
  const remaining = blankOut(text, features.spans).replace(/[%£]/g, ' ');
  const words = vocabulary.words.keyWords(remaining).filter((w) => !Object.keys(UNIT_WORDS).includes(w));
  return {
    text,
    grades: features.gradeSets.length > 0 ? orderGrades(features.gradeSets.flat(), vocabulary) : [],
    ...(features.period ? { period: features.period } : {}),
    ...(features.counted[0] ? countedFields(features.counted, vocabulary) : {}),
    ...(units.length > 0 ? { units } : {}),
    words,
  };
}

/**
 * What the query counts, and the words naming it. A narrower alias ("cla") counts its thing
 * (children) and names its part: figures must say one of its group (so they say what it says).
 */
function countedFields(counted: PhraseHit[], vocabulary: Vocabulary): Pick<StatsQuery, 'counted' | 'countedWords' | 'narrower'> {
  const group = vocabulary.narrowerCounted.get(counted[0]!.text.toLowerCase());
  return {
    counted: counted[0]!.key,
    countedWords: counted.flatMap((hit) => vocabulary.words.keyWords(hit.text)),
    ...(group ? { narrower: group.map((alias) => vocabulary.words.keyWords(alias)) } : {}),
  };
}

/** What a stats query names: its grades, period, kinds of figure and counted things, and where. */
interface QueryFeatures {
  /** Each grade named, as its components ("good or outstanding" is one entry). */
  gradeSets: string[][];
  period?: Period;
  /** Kinds of figure its wording asks for ("%" -> percent, "how many" -> count). */
  units: FigureUnit[];
  /** The counted things named, where and as written: the first is what the query counts. */
  counted: PhraseHit[];
  spans: Span[];
}

function readFeatures(text: string, vocabulary: Vocabulary): QueryFeatures {
  const grades = findGrades(text, vocabulary, { matcher: vocabulary.gradesAnyCase, requireCue: false });
  // "inadequate las 2019 %": a typed "%" names the kind of figure asked for, and leaves the year before it a year.
  const periods = findPeriods(text.replace(/%/g, ' '), vocabulary).filter((m) => m.period.years.length > 0);
  // "kids homes": of two counted things written as one compound, the last is what is counted (the first describes it).
  const found = vocabulary.counted.find(text);
  const counted = found.filter((hit, i) => !found.slice(i + 1).some((next) => /^['’\s]*$/.test(text.slice(hit.end, next.start))));
  const cues = vocabulary.questionCues.find(text);
  // A cue's key may name several kinds, joined by "+" ("rate": a share or a rate per 10,000).
  const cued = new Set(cues.flatMap((c) => c.key.split('+') as FigureUnit[]));
  // "per 10k": a rate's base asks for a rate, however it is written.
  const bases = rateBases(text);
  if (bases.length > 0) cued.add('rate');
  // "How much higher is the share ...?" asks for the difference in points, not for a share.
  if (cued.has('percentage-points')) cued.delete('percent');
  const units = [...cued];
  return {
    gradeSets: grades.map((g) => g.grades),
    ...(periods[0] ? { period: periods[0].period } : {}),
    units,
    counted,
    // A cue ("spend", "rate", "share") is asked of the figure's kind, not of its words: "spent £7.2m" answers "agency spend".
    // So is a rate's base ("per 10,000", "per 10k"), whichever cue took the "per".
    spans: [...grades, ...periods, ...counted, ...cues, ...bases],
  };
}

/** "per 10,000", "per 10k", "per thousand": the base of a rate asked for. */
const RATE_BASE = /\bper\s+(?:\d[\d,]*\s?k?|thousand|hundred)\b/gi;

function rateBases(text: string): Span[] {
  return Array.from(text.matchAll(RATE_BASE), (match) => ({ start: match.index, end: match.index + match[0].length }));
}

function blankOut(text: string, spans: Span[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}
