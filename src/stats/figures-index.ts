/** The figures found in the corpus, kept as an artifact beside the search index and looked up by grade, period, kind and words. */
import type { Figure, StatsMatches, StatsQuery } from './types.js';
import { FigureArray, type FigureSet } from './figure-set.js';
import type { Vocabulary } from './vocabulary.js';
import { stemsOf, type FigureKeyWords, type StemLists } from './key-words.js';
import { checkFigure, checkSaved, decodeColumns, encodeFigures, tabulate, type PassageLookup, type SavedFiguresIndex } from './figures-artifact.js';
import { SavedFigures, type PassageSource } from './saved-figures.js';
import { periodsMeet } from './periods.js';
import { isWrittenSentence, oneStatementEach, sameStatementKey } from './statements.js';
import { WordWeights } from './word-coverage.js';
import { AcronymWords } from './acronym-words.js';
import { readFigureSignals, type FigureReading, type FigureSignalName, type QueryWords } from './figure-signals.js';
import { figureScore, orderTier, FIGURES_REORDERED, type FigureOrderModel } from './figure-order.js';

export type { PassageLookup, SavedFiguresIndex } from './figures-artifact.js';
export type { PassageSource } from './saved-figures.js';

export class FiguresIndex {
  /** Figures just extracted are objects; a saved index's are its columns (SavedFigures). */
  private readonly set: FigureSet;
  /** Read from the saved index, or worked out from the figures, when first needed. */
  private words: FigureKeyWords | undefined;
  private readonly savedWords: (() => FigureKeyWords) | undefined;
  /** How much each key word weighs in a lookup by most of its words: worked out when one first needs it. */
  private weights: WordWeights | undefined;
  /** Each key word's stem number, for reading figures' words without making strings: made when first needed. */
  private stemNumbers: Map<string, number> | undefined;
  /** Which figures each passage holds, by position: for the passages a search finds. */
  private byPassage: Map<string, number[]> | undefined;

  constructor(
    figures: Figure[],
    /** The stats vocabulary its opener loaded: for working out key words. */
    private readonly vocabulary: Vocabulary,
    /** A saved index's figures, in the order they were saved, and how to read their key words. */
    saved?: { figures: FigureSet; keyWords: () => FigureKeyWords },
  ) {
    // A saved index was sorted when it was built (and is checksummed), and its key words are by position.
    this.set = saved?.figures ?? new FigureArray([...figures].sort(byPeriodThenDocument));
    this.savedWords = saved?.keyWords;
  }

  /** Every figure, whole. An index opened from disk makes them all: for tests and re-encoding, not for answers. */
  get figures(): readonly Figure[] {
    if (this.set instanceof FigureArray) return this.set.figures;
    return Array.from({ length: this.set.size }, (_, i) => this.set.figure(i));
  }

  private get keyWords(): FigureKeyWords {
    // A saved index's figures have no context to work its key words out again from.
    return (this.words ??= this.savedWords?.() ?? tabulate(this.figures, this.vocabulary.words).keyWords!);
  }

  get size(): number {
    return this.set.size;
  }

  /** What is saved: columns of varints and float64 bytes, for the artifact codec to keep as bytes. */
  toSaved(): SavedFiguresIndex {
    return encodeFigures(this.figures, this.savedWords ? this.keyWords : this.words, this.vocabulary.words);
  }

  /**
   * Reads what `toSaved` wrote (through the artifact codec); its figures' texts are read from their passages when a
   * figure is first shown. Throws on a different version, a malformed file, a position outside what
   * it points into, or a passage the index does not have.
   */
  static fromSaved(saved: unknown, passages: PassageSource | PassageLookup, vocabulary: Vocabulary): FiguresIndex {
    const parsed = checkSaved(saved);
    const source: PassageSource =
      typeof passages === 'function'
        ? {
            passage: passages,
            documentOf: (id) => {
              const passage = passages(id);
              return passage && { docId: passage.docId, title: passage.title };
            },
          }
        : passages;
    const { columns, keyWords } = decodeColumns(parsed);
    const figures = new SavedFigures(parsed, columns, source);
    if (figures.size > 0) checkFigure(figures.figure(0));
    return new FiguresIndex([], vocabulary, { figures, keyWords });
  }

  /** The figures `find` lists. */
  lookup(query: StatsQuery): Figure[] {
    return this.find(query).figures;
  }

  /**
   * Every figure that fits all the query's fields, by period then document; when none says every
   * word of the query, those saying most of them (`closest`, without a search). A document that
   * states the same figure for the same period twice ("28% by 2015" in a summary, again in its
   * section) is listed once, by its first statement: a table of two identical rows reads as a fault.
   */
  find(query: StatsQuery): StatsMatches {
    const scanned = this.scan(query);
    const every = this.everyWord(query, scanned);
    return every ? listed(this.matching(every), true) : listed(this.matching(this.closest(query, scanned.rest, [])), false);
  }

  /**
   * `find`, read with the passages `search` finds for the query (their ids, best first): the figures
   * saying every word are listed those of the passages found first, in the search's order (a query's
   * words may stand in many figures' sentences and titles; the search weighs them, their synonyms and
   * word vectors), the rest by period; when none says every word, the passages found are read too.
   * When fewer than a handful say every word, the closest follow them (`partly`), as they are listed
   * when none does: a figure the query's exact words missed may still be the one asked for.
   * With `order`, each tier's first figures are ordered by its learned score (figure-order.ts).
   */
  async findSearching(query: StatsQuery, search: () => Promise<readonly string[]>, order?: FigureOrderModel): Promise<StatsMatches> {
    const searched = await search();
    const scanned = this.scan(query);
    const score = order && this.scorer(query, searched, order);
    const ordered = (tier: number[]) => (score ? orderTier(tier, score) : tier);
    const every = this.everyWord(query, scanned, searched);
    if (!every) return listed(this.matching(ordered(this.closest(query, scanned.rest, searched))), false);
    const everyFigures = this.matching(ordered(every));
    if (everyFigures.length >= FILLED_TO) return listed(everyFigures, true);
    const said = new Set(everyFigures.map(sameStatementKey));
    const more = this.matching(ordered(this.closest(query, scanned.rest, searched)))
      .filter((figure) => !said.has(sameStatementKey(figure)))
      .slice(0, FILLED_TO - everyFigures.length);
    return { figures: [...everyFigures, ...more], everyWord: true, partly: more.length };
  }

  /**
   * What `findSearching` orders, for learning the order: each tier's first figures (those saying
   * every word, then the closest), in the search's order, with their signals.
   */
  async tiersSearching(query: StatsQuery, search: () => Promise<readonly string[]>): Promise<{ figure: Figure; signals: Record<FigureSignalName, number> }[][]> {
    const searched = await search();
    const scanned = this.scan(query);
    const words = this.queryWords(query);
    const acronyms = this.acronymsOf(query);
    const read = (i: number) => ({ figure: this.set.figure(i), signals: readFigureSignals(this.reading(i, query, searched, acronyms), words) });
    return [this.everyWord(query, scanned, searched) ?? [], this.closest(query, scanned.rest, searched)].map((tier) => tier.slice(0, FIGURES_REORDERED).map(read));
  }

  /**
   * `findSearching` over the figures of `passageIds` alone (best first, in a search's order): what
   * the passages a question reads state. Reads no other figure, so it costs what those passages hold.
   */
  findAmong(query: StatsQuery, passageIds: readonly string[]): StatsMatches {
    const scanned = this.scan(query, passageIds.flatMap((passageId) => this.positionsIn(passageId)));
    const every = this.everyWord(query, scanned, passageIds);
    return every ? listed(this.matching(every), true) : listed(this.matching(this.closest(query, scanned.rest, passageIds)), false);
  }

  /** Figure `i`'s score under the model, from what the signals read of it: the query's words and acronyms read once a lookup. */
  private scorer(query: StatsQuery, searched: readonly string[], order: FigureOrderModel): (i: number) => number {
    const words = this.queryWords(query);
    const acronyms = this.acronymsOf(query);
    return (i) => figureScore(order, readFigureSignals(this.reading(i, query, searched, acronyms), words));
  }

  /** The query's words as the figure signals weigh them. */
  private queryWords(query: StatsQuery): QueryWords {
    const words = queryWords(query);
    const weights = (this.weights ??= WordWeights.of(this.keyWords));
    return { words, share: (amount) => weights.share(words, amount), keyWords: (text) => this.vocabulary.words.keyWords(text) };
  }

  /** Figure `i` as the signals read it: its sentence, the query words it says (acronyms too), where the search ranks its passage. */
  private reading(i: number, query: StatsQuery, searched: readonly string[], acronyms: AcronymWords): FigureReading {
    const figure = this.set.figure(i);
    const words = this.keyWords;
    const sentence = new Set(this.stemsIn(words.sentences, words.sentenceOf[i]!));
    const title = this.stemsIn(words.titles, words.titleOf[i]!);
    const countedSaid = query.counted !== undefined && figure.counted === query.counted;
    const byAcronym = acronyms.read(`${figure.sentence.text} ${figure.citation.title}`);
    const sentenceSays = (word: string) => sentence.has(word) || byAcronym.has(word);
    const searchRank = searched.indexOf(figure.citation.passageId);
    return {
      sentence: figure.sentence.text,
      rawStart: figure.rawStart,
      rawEnd: figure.rawEnd,
      says: (word) => sentenceSays(word) || title.includes(word) || (countedSaid && query.countedWords!.includes(word)),
      sentenceSays,
      searchRank: searchRank === -1 ? undefined : searchRank,
      period: figure.period,
      counted: figure.counted,
    };
  }

  /**
   * One pass over the figures (of `among`, else all) fitting the query's reports, grade, period,
   * kind and part of a count: those saying every word of it, and the rest, which a lookup by most words reads.
   */
  private scan(query: StatsQuery, among?: readonly number[]): Scanned {
    const every: number[] = [];
    const rest: number[] = [];
    // Read by stem number, with no strings made: most figures fit the fields and fail a word. A word no figure says fails them all.
    const wanted = query.words.length === 0 ? [] : this.stemNumbersOf(query.words);
    const saysPart = query.narrower && this.partSaid(query.narrower);
    for (const i of among ?? allPositions(this.set.size)) {
      if (!fitsFields(this.set, i, query) || (saysPart && !saysPart(i))) continue;
      const says = (!query.counted || this.set.counted(i) === query.counted) && wanted !== undefined && wanted.every((n) => this.saysStem(i, n));
      (says ? every : rest).push(i);
    }
    return { every, rest };
  }

  /**
   * Whether figure `i`'s lines name the part of a count a query asks for ("cla"), in one of its
   * group's aliases (`narrower`): its sentence or title, or the sentence of another figure of its
   * passage (a virtual school's report says "children in care" once, then "164 suspensions").
   */
  private partSaid(narrower: readonly string[][]): (i: number) => boolean {
    const aliases = narrower.map((alias) => this.stemNumbersOf(alias)).filter((stems): stems is number[] => stems !== undefined);
    const says = (i: number) => aliases.some((stems) => stems.every((n) => this.saysStem(i, n)));
    const byPassage = new Map<string, boolean>();
    return (i) => {
      if (says(i)) return true;
      const passageId = this.set.passageId(i);
      let said = byPassage.get(passageId);
      if (said === undefined) byPassage.set(passageId, (said = this.positionsIn(passageId).some(says)));
      return said;
    };
  }

  /** The positions of the figures saying every word of the query (those of `searched` first), or undefined when it has words and none says them all. */
  private everyWord(query: StatsQuery, { every: fitting }: Scanned, searched: readonly string[] = []): number[] | undefined {
    if (fitting.length === 0 && queryWords(query).length > 0) return undefined;
    const rank = new Map(searched.map((passageId, n) => [passageId, n] as const));
    const rankOf = (i: number) => rank.get(this.set.passageId(i)) ?? searched.length;
    // Sorted before one statement of each fact is kept: of a summary and its section, the one the search ranks higher.
    return fitting.sort((a, b) => rankOf(a) - rankOf(b) || a - b);
  }

  /**
   * Of `fitting` (figures fitting the query's grade, period and kind that do not say all its words),
   * those that say most of them (WordWeights, acronyms read either way), closest first, then those of
   * the passages a search for the query found (`searched`, best first) that say a good part of them,
   * then the rest of the found passages whose figures' lines together say most of them.
   */
  private closest(query: StatsQuery, fitting: readonly number[], searched: readonly string[]): number[] {
    const words = queryWords(query);
    const weights = (this.weights ??= WordWeights.of(this.keyWords));
    const acronyms = this.acronymsOf(query);
    const asksOf = askedBeyondNames(query, words, weights, (name) => this.vocabulary.words.stem(name));
    const covered = new Map<number, number>();
    const partly = new Set<number>();
    for (const i of fitting) {
      const says = new Set(this.stemsOfFigure(i));
      const countedSaid = query.counted !== undefined && this.set.counted(i) === query.counted;
      let saysWord = (word: string) => says.has(word) || (countedSaid && query.countedWords!.includes(word));
      let share = weights.coverage(words, saysWord);
      let asked = asksOf(saysWord);
      // Acronyms are read from the figure's text, so only where its key words show they may matter.
      if ((share < MOST_WORDS || asked < SOME_WORDS) && acronyms.worthReading(says, share, MOST_WORDS / 2)) {
        const byAcronym = acronyms.read(`${this.set.figure(i).sentence.text} ${this.set.title(i)}`);
        const plain = saysWord;
        saysWord = (word) => plain(word) || byAcronym.has(word);
        share = weights.coverage(words, saysWord);
        asked = asksOf(saysWord);
      }
      if (share < SOME_WORDS || asked < SOME_WORDS) continue;
      if (share >= MOST_WORDS) covered.set(i, share);
      else partly.add(i);
    }
    const best = [...covered.keys()].sort((a, b) => covered.get(b)! - covered.get(a)! || a - b);
    // The search reads the query as a question is read (its synonyms, word vectors, BM25): what it finds, the words only partly say.
    const found = searched.flatMap((passageId) => this.positionsIn(passageId).filter((i) => partly.has(i)));
    // A figure whose passage says most of the words, its sentence few ("This is a rate of 198 per 100,000"): the words stand in the lines around it.
    // Made only when a passage qualifies: `fitting` may be most of the index.
    let fits: Set<number> | undefined;
    const around = searched.flatMap((passageId) => {
      const positions = this.positionsIn(passageId);
      const passageSays = new Set(positions.flatMap((i) => this.stemsOfFigure(i)));
      const passageSaysWord = (word: string) => passageSays.has(word);
      if (weights.coverage(words, passageSaysWord) < MOST_WORDS || asksOf(passageSaysWord) < SOME_WORDS) return [];
      const fitSet = (fits ??= new Set(fitting));
      return positions.filter((i) => fitSet.has(i) && !covered.has(i) && !partly.has(i));
    });
    return [...best, ...found, ...around];
  }

  /** The query's words a figure's text says by acronym, either way round. */
  private acronymsOf(query: StatsQuery): AcronymWords {
    const weights = (this.weights ??= WordWeights.of(this.keyWords));
    return new AcronymWords(query.text, (word) => weights.unwritten(word), (text) => this.vocabulary.words.keyWords(text));
  }

  /** Figure positions by passage, worked out when first needed. */
  private positionsIn(passageId: string): readonly number[] {
    if (!this.byPassage) {
      this.byPassage = new Map();
      for (let i = 0; i < this.set.size; i++) {
        const id = this.set.passageId(i);
        const list = this.byPassage.get(id);
        if (list) list.push(i);
        else this.byPassage.set(id, [i]);
      }
    }
    return this.byPassage.get(passageId) ?? [];
  }

  /** The figures at `positions`, one for each statement. */
  private matching(positions: Iterable<number>): Figure[] {
    return oneStatementEach(Array.from(positions, (i) => this.set.figure(i)), sameStatementKey, isWrittenSentence);
  }

  /** The stem numbers of `words`, or undefined when no figure says one of them. */
  private stemNumbersOf(words: readonly string[]): number[] | undefined {
    const keyWords = this.keyWords;
    this.stemNumbers ??= new Map(keyWords.stems.map((stem, n) => [stem, n]));
    const numbers = words.map((word) => this.stemNumbers!.get(word));
    return numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
  }

  /** Whether figure `i`'s sentence or title holds stem number `n`. */
  private saysStem(i: number, n: number): boolean {
    const words = this.keyWords;
    return stemsOf(words.sentences, words.sentenceOf[i]!).includes(n) || stemsOf(words.titles, words.titleOf[i]!).includes(n);
  }

  /** The key words of figure `i`'s sentence and title. */
  private stemsOfFigure(i: number): string[] {
    const words = this.keyWords;
    return [...this.stemsIn(words.sentences, words.sentenceOf[i]!), ...this.stemsIn(words.titles, words.titleOf[i]!)];
  }

  /** The key words of list `at` of `lists` (a sentence's or a title's), as strings. */
  private stemsIn(lists: StemLists, at: number): string[] {
    const stems = this.keyWords.stems;
    return Array.from(stemsOf(lists, at), (n) => stems[n]!);
  }
}

/** Positions of the figures fitting a query's fields: those saying all its words, and the rest. */
interface Scanned {
  every: number[];
  rest: number[];
}

/** How many figures a lookup lists at least when some say every word and others come close: a reader scans a handful. */
const FILLED_TO = 5;
/** The share of a query's words, by weight, a figure must say to be listed when no figure says them all. */
const MOST_WORDS = 2 / 3;
/** The share a figure of a passage the search found must say: the search vouches for the rest. */
const SOME_WORDS = 1 / 3;

/** A lookup's list: with `everyWord`, figures saying every word of the query, else the closest. */
function listed(figures: Figure[], everyWord: boolean): StatsMatches {
  return { figures, everyWord, partly: 0 };
}

/** What a lookup by most words reads: the query's key words and those naming its counted thing. */
function queryWords(query: StatsQuery): string[] {
  return [...query.words, ...(query.countedWords ?? [])];
}

/**
 * How much of what a query asks beyond its names a text says (1 when it gives no name, or only
 * names): a name says which reports, and a figure saying the name alone answers nothing of it.
 */
function askedBeyondNames(query: StatsQuery, words: readonly string[], weights: WordWeights, stem: (word: string) => string): (says: (word: string) => boolean) => number {
  const names = (query.names ?? []).map(stem);
  const asked = words.filter((word) => !names.includes(word));
  if (asked.length === 0 || asked.length === words.length) return () => 1;
  return (says) => weights.coverage(asked, says);
}

function* allPositions(size: number): Generator<number> {
  for (let i = 0; i < size; i++) yield i;
}

/** Whether figure `i` fits the query's reports (those naming what it names), grade, period and kind of figure. */
function fitsFields(figures: FigureSet, i: number, query: StatsQuery): boolean {
  if (query.documents && !query.documents.has(figures.docId(i))) return false;
  if (query.grades.length > 0) {
    const grades = figures.grades(i);
    if (!query.grades.every((g) => grades.includes(g))) return false;
  }
  if (query.period) {
    const period = figures.period(i);
    if (!period || !periodsMeet(period, query.period)) return false;
  }
  return !query.units || query.units.includes(figures.unit(i));
}

/** Orders as localeCompare does; a collator made once is many times faster. */
const collate = new Intl.Collator().compare;

/** Chronological; figures with no known period last; then by document and position. */
export function byPeriodThenDocument(a: Figure, b: Figure): number {
  const ka = a.period?.sortKey || '\uffff';
  const kb = b.period?.sortKey || '\uffff';
  return (
    collate(ka, kb) ||
    collate(a.citation.docId, b.citation.docId) ||
    a.sentence.start - b.sentence.start ||
    a.rawStart - b.rawStart
  );
}
