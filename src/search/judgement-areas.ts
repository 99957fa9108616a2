/**
 * The parts of a council's children's services Ofsted judges apart (data/domain-vocabulary.json,
 * `judgementAreas`): overall effectiveness, help and protection, children in care, adoption,
 * fostering, care leavers, leadership. "What grade did Manchester get for adoption?" is not answered
 * by "a judgement of inadequate for overall effectiveness".
 */
import { foldText } from './text-analysis.js';

export interface JudgementAreas {
  /** The areas a text names, by their canonical names, in the vocabulary's order. */
  find(text: string): string[];
}

export function parseJudgementAreas(entries: Record<string, string[] | string>): JudgementAreas {
  const areas = Object.entries(entries)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
    .map(([area, phrases]) => ({ area, pattern: new RegExp(`\\b(?:${phrases.map(phrasePattern).join('|')})\\b`) }));
  return {
    find(text) {
      const lower = foldText(text).toLowerCase();
      return areas.filter(({ pattern }) => pattern.test(lower)).map(({ area }) => area);
    },
  };
}

/** A phrase as a pattern: its words in order, with any spacing, hyphen or comma between them, and "&" for "and". */
function phrasePattern(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s,-]+/)
    .filter(Boolean)
    .map((word) => (word === 'and' ? '(?:and|&)' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('[\\s,-]+');
}
