/** The patterns numbers.ts reads figures by, compiled from a stats vocabulary's words. */
import type { VocabularyData } from './vocabulary-data.js';

/** A number as written: "612", "1,390", "8.1"; a comma ends it unless three digits follow ("612, 389" is two). */
export const DIGITS = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';

/** "per 10,000", "per thousand": a rate's base (its words captured), a number that no further digit continues. */
export const PER_BASE = `per\\s+(${DIGITS}|thousand|million)(?![\\d,.]*\\d)\\b`;

export interface NumberPatterns {
  /** A digit, a number word or a fraction: what any of the others needs. */
  any: RegExp;
  ratio: RegExp;
  money: RegExp;
  percentagePoints: RegExp;
  percent: RegExp;
  odds: RegExp;
  fraction: RegExp;
  partOf: RegExp;
  count: RegExp;
  rate: RegExp;
  /** A measure word, anywhere in a text. */
  measure: RegExp;
  /** A counted thing straight after a number. */
  countedAfter: RegExp;
  /** A table cell: words naming its column, then the figure that ends it ("Households in TA 734", "Budget £1.4m", "Share 38%"). */
  namedFigure: RegExp;
}

/**
 * Compiled once, when the vocabulary is built: building these alternations for every sentence was
 * most of extraction's time.
 */
export function compileNumberPatterns(data: VocabularyData, numberWords: ReadonlyMap<string, number>, fractionWords: ReadonlyMap<string, number>): NumberPatterns {
  const units = data.units;
  const multipliers = alternation(Object.keys(units.multipliers));
  const currencies = alternation(Object.keys(units.currencies));
  const amount = `(?:${currencies})\\s?${DIGITS}(?:\\s?(?:${multipliers})\\b)?`;
  const words = alternation([...numberWords.keys()]);
  const number = `(?:${DIGITS}|\\b(?:${words})\\b)`;
  const perThing = `${counterAliases(data)}|year|annum|month|week|day|head|person|[a-z]+`;
  const fractions = alternation([...fractionWords.keys()]);
  const patterns: NumberPatterns = {
    any: new RegExp(`\\d|\\b(?:${words}|${fractions})\\b`, 'i'),
    ratio: new RegExp(`\\bfor every\\s+(${amount}|${DIGITS})\\b(.{1,120}?)(${amount})`, 'gi'),
    money: new RegExp(`(${amount})(\\s+pounds)?(?:\\s+(per|a|each)\\s+(${perThing}))?`, 'gi'),
    percentagePoints: new RegExp(`(${DIGITS})\\s?(?:${alternation(units.percentagePoints)})\\b`, 'gi'),
    // "Ninety-one per cent": prose spells out a share that opens a sentence.
    percent: new RegExp(`(${number})\\s?(?:${alternation(units.percent)})(?!\\w)`, 'gi'),
    odds: new RegExp(`(${number})\\s+in\\s+(${number})(?![\\d,])`, 'gi'),
    fraction: new RegExp(`\\b(${fractions})\\s+of\\b`, 'gi'),
    partOf: new RegExp(`(${number})\\s+(?:out\\s+)?of\\s+(?:the\\s+)?(${number})(?![\\d,.]*\\d)`, 'gi'),
    count: new RegExp(`(${number})(?:\\s?(${multipliers})\\b)?`, 'gi'),
    rate: new RegExp(`(${DIGITS})\\s+${PER_BASE}`, 'gi'),
    measure: new RegExp(`\\b(?:${alternation(units.measureWords) || '(?!)'})\\b`, 'i'),
    countedAfter: new RegExp(`^\\s+(?:${counterAliases(data)})\\b`, 'i'),
    namedFigure: new RegExp(`\\S\\s+[-–+]?(?:${currencies})?\\d[\\d,.]*(?:\\s?(?:${alternation(units.percent)}|${multipliers}))?$`, 'i'),
  };
  return patterns;
}

function counterAliases(data: VocabularyData): string {
  const aliases = data.counted.flatMap((c) => c.aliases);
  return alternation(aliases.sort((a, b) => b.length - a.length));
}

function alternation(phrases: string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
