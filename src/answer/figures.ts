/** Figures as a reader spots them in a sentence: percentages, sums of money, plain numbers. */
import { foldText } from '../search/text-analysis.js';

export interface FigureMention {
  text: string;
  kind: 'percent' | 'money' | 'number';
}

const FIGURE = /£\s?\d[\d,]*(?:\.\d+)?\s?(?:million|billion|bn|m|k)?\b|\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b)|\b\d[\d,]*(?:\.\d+)?\b/gi;

export function findFigures(sentence: string): FigureMention[] {
  const folded = foldText(sentence);
  const mentions: FigureMention[] = [];
  for (const match of folded.matchAll(FIGURE)) {
    const text = match[0].trim();
    if (text.startsWith('£')) mentions.push({ text, kind: 'money' });
    else if (/%|per ?cent/i.test(text)) mentions.push({ text, kind: 'percent' });
    else if (!/^(19|20)\d\d$/.test(text)) mentions.push({ text, kind: 'number' });
  }
  return mentions;
}
