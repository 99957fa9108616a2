/**
 * How much of a stats query's words a figure's sentence and title say, each word weighed by how few
 * figures say it: a query in the team's own words ("avg caseload per po", "camhs waiting list")
 * rarely matches a report's wording word for word, and its rare words (a place, a service) say
 * more about which figures it wants than its common ones ("rate", "number").
 */
import { stemsOf, type FigureKeyWords } from './key-words.js';

export class WordWeights {
  private constructor(
    private readonly figureCount: number,
    private readonly figuresSaying: ReadonlyMap<string, number>,
  ) {}

  /** From the index's key words: in how many figures' sentence or title each stem stands. */
  static of(keyWords: FigureKeyWords): WordWeights {
    const counts = new Uint32Array(keyWords.stems.length);
    const seen = new Uint32Array(keyWords.stems.length);
    const figures = keyWords.sentenceOf.length;
    for (let i = 0; i < figures; i++) {
      // Marked with the figure's number (plus one), so a stem in both its sentence and its title counts once.
      for (const list of [stemsOf(keyWords.sentences, keyWords.sentenceOf[i]!), stemsOf(keyWords.titles, keyWords.titleOf[i]!)]) {
        for (const stem of list) {
          if (seen[stem] === i + 1) continue;
          seen[stem] = i + 1;
          counts[stem]! += 1;
        }
      }
    }
    return new WordWeights(figures, new Map(keyWords.stems.map((stem, n) => [stem, counts[n]!])));
  }

  /** Whether no figure's sentence or title says `word`. */
  unwritten(word: string): boolean {
    return (this.figuresSaying.get(word) ?? 0) === 0;
  }

  /** How few figures say `word`: rarer words weigh more. */
  weight(word: string): number {
    return Math.log(1 + this.figureCount / (1 + (this.figuresSaying.get(word) ?? 0)));
  }

  /**
   * The share of the words' weight that `says` says, 0 for no words. A word no figure says is most
   * likely the team's own word for one the reports write ("departures" for crossings), so it
   * weighs what the query's other words weigh on average, neither more nor less.
   */
  coverage(words: readonly string[], says: (word: string) => boolean): number {
    return this.share(words, (word) => (says(word) ? 1 : 0));
  }

  /** `coverage` with each word counted by `amount` (0 to 1) of its weight: how near it stands, say. */
  share(words: readonly string[], amount: (word: string) => number): number {
    const distinct = [...new Set(words)];
    const written = distinct.filter((word) => !this.unwritten(word)).map((word) => this.weight(word));
    const unwrittenWeight = written.length === 0 ? 1 : written.reduce((sum, weight) => sum + weight, 0) / written.length;
    let total = 0;
    let said = 0;
    for (const word of distinct) {
      const weight = this.unwritten(word) ? unwrittenWeight : this.weight(word);
      total += weight;
      said += weight * amount(word);
    }
    return total === 0 ? 0 : said / total;
  }
}
