/**
 * A table's money unit stated once for all its figures, in brackets: in its caption ("Table 5:
 * Spending by programme (£ thousand)") or a column's name ("Budget (£m)"). Its bare figures are sums
 * of money in that unit, though each is written "640".
 */
import type { FigureUnit } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export interface MoneyScale {
  unit: FigureUnit;
  /** What a bare figure is multiplied by: 1000 for "(£000)". */
  multiplier: number;
  /** The bracket as written. */
  stated: string;
}

/** A bracket opening with a currency symbol, then a multiplier or nothing: "(£m)", "(£ thousand)", "(£000)", "(£ billion, cash)", "(£)". */
const BRACKETED = /\(\s*([£$€])\s?(000s?|[a-z]+)?\s*(?:[,;)]|\s[^()]*\))/gi;

/** The last money unit a text states in brackets, or undefined. */
export function moneyScale(text: string, vocabulary: Vocabulary): MoneyScale | undefined {
  let found: MoneyScale | undefined;
  for (const m of text.matchAll(BRACKETED)) found = scaleOf(m[1]!, m[2], m[0], vocabulary) ?? found;
  return found;
}

/** A column named by its money unit alone, just before a cell's bare figure: "Overspend: £m 6.1", "Cost: £000 640". */
const UNIT_BEFORE = /(?:^|[:\s])([£$€])\s?(000s?|[a-z]+)?\s*$/i;

/** The money unit a table cell's label ends with, its column named by that unit alone; else undefined. */
export function unitBeforeFigure(label: string, vocabulary: Vocabulary): MoneyScale | undefined {
  const m = UNIT_BEFORE.exec(label);
  return m ? scaleOf(m[1]!, m[2], m[0].trim(), vocabulary) : undefined;
}

/** A currency symbol and the word after it ("£", "m"): 1 for no word, 1000 for "000", else the vocabulary's multiplier ("thousand", "billions"). */
function scaleOf(symbol: string, written: string | undefined, stated: string, vocabulary: Vocabulary): MoneyScale | undefined {
  const { currencies, multipliers } = vocabulary.data.units;
  const unit = currencies[symbol] as FigureUnit | undefined;
  const word = written?.toLowerCase();
  const multiplier = word === undefined ? 1 : /^000s?$/.test(word) ? 1000 : (multipliers[word] ?? multipliers[word.replace(/s$/, '')]);
  return unit && multiplier !== undefined ? { unit, multiplier, stated } : undefined;
}

/** A figure as "640 (£ thousand)": what it is written as, and the unit its table states for it. */
export function scaledLabel(raw: string, unit: FigureUnit, value: number): string | undefined {
  const symbol = SYMBOLS[unit];
  if (!symbol || raw.includes(symbol)) return undefined;
  const written = Number(raw.replace(/[^\d.-]/g, ''));
  if (!Number.isFinite(written) || written === 0) return undefined;
  const name = SCALE_NAMES.get(Math.round(value / written));
  return name === undefined ? undefined : `${raw} (${symbol}${name})`;
}

const SYMBOLS: Partial<Record<FigureUnit, string>> = { GBP: '£', USD: '$', EUR: '€' };
const SCALE_NAMES = new Map([
  [1, ''],
  [1000, ' thousand'],
  [1_000_000, ' million'],
  [1_000_000_000, ' billion'],
]);
