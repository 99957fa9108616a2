/** The shape of data/stats-vocabulary.json, apart from the code that checks and compiles it (vocabulary.ts). */

/** data/stats-vocabulary.json: the words figures are read by. Each alias list holds non-empty phrases. */
export interface VocabularyData {
  /**
   * `graded`: what Ofsted grades, which a figure with a grade and no noun of its own counts ("28% inadequate").
   * `narrower`: groups of aliases, each naming a part of what is counted ("children in care" of
   * children): a lookup naming one lists only figures whose lines (the sentence, the title, or another
   * figure's sentence of the passage) say one of its group.
   */
  counted: { name: string; aliases: string[]; graded?: boolean; narrower?: string[][] }[];
  units: {
    percent: string[];
    percentagePoints: string[];
    currencies: Record<string, string>;
    multipliers: Record<string, number>;
    moneyRates: string[];
    /** Words naming a measure ("average", "median"): a bare value they lead to is a figure ("the average caseload was 16.9"). */
    measureWords: string[];
  };
  numberWords: Record<string, number>;
  /** A string value is a comment. */
  fractions: Record<string, number | string>;
  /** Season to month, 1 to 12. */
  seasons: Record<string, number>;
  relativePeriods: { words: string[]; yearOffset: number }[];
  /** A string value is a comment. */
  questionCues: Record<string, string[] | string>;
}
