/**
 * Where a question becomes an answer: `Citeline.ask` analyses the question, searches the index
 * (BM25 + vectors), and composes a cited, extractive reply. Surfaces (CLI, Slack) only call this.
 */
import { join } from 'node:path';
import { namingFirst } from '../answer/claim-names.js';
import { figuresBacked } from '../answer/claim-figures.js';
import { proseLeadForClaim } from '../answer/claim-lead.js';
import { extractiveReply } from '../answer/extractive.js';
import type { Reply } from '../answer/types.js';
import type { CoreConfig } from '../config.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import type { Embedder } from '../embed/types.js';
import { CachedVectors } from '../embed/cached-vectors.js';
import { loadPrompts, type Prompts } from '../prompts.js';
import { questionEvidence, windowEvidence } from '../search/evidence.js';
import { DEFAULT_FUSION, HybridSearcher, type FusionSettings } from '../search/hybrid-searcher.js';
import type { Passage } from '../ingest/types.js';
import { CorpusNames } from '../search/initialisms.js';
import { LexicalIndex } from '../search/lexical-index.js';
import { correctSpelling, type SpellingTools } from '../search/spelling.js';
import { Ranker, loadRankerModel, type RankedWindow, type RankerModel } from '../search/ranker.js';
import type { ListedFigure, QuestionEvidence } from '../search/signals/types.js';
import { loadSearchVocabulary, type SearchVocabulary } from '../search/vocabulary.js';
import { windowsOf } from '../search/windows.js';
import { FiguresIndex, WrittenNames, placeAgreementOf, placesAgree, extractFigures, loadStatsVocabulary, parseStatsQuery, type Vocabulary as StatsVocabulary } from '../stats/index.js';
import type { StatsMatches, StatsQuery } from '../stats/types.js';
import { loadFigureOrderModel, type FigureOrderModel } from '../stats/figure-order.js';
import { PassageStore } from '../store/passage-store.js';
import { ArtifactUnavailableError, savedArtifact } from './artifacts.js';
import { Database } from '../store/postgres/database.js';
import { GenerationMovedError, IngestRunningError, PgIndexStore } from '../store/postgres/index-store.js';
import { openDatabase } from './open-database.js';
import { pgVectorSearch } from './pg-vectors.js';
import { FIGURES_ARTIFACT, LEXICAL_ARTIFACT, artifactsAreCurrent, artifactsWorkerFor, buildIndex } from './build-index.js';
import { cleanQuestion, mergeFollowUp, spellOutShortYears } from './question.js';
import type { AskOptions, CitelineEngine, IndexAbout, IndexedSource, IngestSummary } from './types.js';

/**
 * Passages read window by window for each question: the ranker's candidates come from these.
 * Held-out recall was the same reading 8 as 12, at two thirds of the embedding work.
 */
export const PASSAGES_READ = 8;

/** Citations when the caller asks for no number. */
const DEFAULT_CITATIONS = 3;
/** How many of the best windows may state a claim's figures: as many as More sources reaches. */
const CLAIM_LINES_READ = 8;
/** Passages a stats lookup searches: their figures lead the list, or make it when no figure says every word; the first few, not a long tail. */
const STATS_PASSAGES_SEARCHED = 5;
/** Of the figures a lookup of a question lists among its passages, those a window stating one is ranked by (the listedFigure signal). */
const LISTED_FIGURES_READ = 5;
/** Sentence vectors kept across questions (about 6 MB of 100-dimension vectors and their texts): some hundred questions' passages. */
const SENTENCES_KEPT = 10_000;
/** Word vectors kept: far more words than a corpus's questions and candidates use, at 400 bytes a word. */
const WORDS_KEPT = 50_000;

export interface EngineParts {
  config: CoreConfig;
  fusion?: FusionSettings;
  embedder: Embedder;
  vocabulary: SearchVocabulary;
  /** The figures index's vocabulary, sharing the search vocabulary's grade model. */
  statsVocabulary: StatsVocabulary;
  /** The learned ranker's weights and confidence model (data/ranker-weights.json). */
  ranker: RankerModel;
  /** The learned order of a stats lookup's figures (data/figure-order-weights.json); without it each tier keeps the search's order. */
  figureOrder?: FigureOrderModel;
  prompts: Prompts;
  log: (line: string) => void;
  /** STORE=postgres: the index is read from, and ingested into, this database. */
  database?: Database;
}

/** A question's candidate windows, ranked, with what the ranker read of the question: what `ask` answers from, and what training reads. */
export interface RankedQuestion {
  question: QuestionEvidence;
  ranked: RankedWindow[];
  /** The probability that the best window answers. */
  confidence: number;
  /** The probability that the reports answer the question at all. */
  answerable: number;
}

export class Citeline implements CitelineEngine {
  /** Kept across questions: a topic's questions read the same passages, and their words recur. */
  private readonly vectors: { sentenceVectors: CachedVectors; wordVectors: CachedVectors };
  private readonly ranker: Ranker;
  private state: { store: PassageStore | PgIndexStore; searcher: HybridSearcher; lexical: LexicalIndex; figures: FiguresIndex; writtenNames: () => WrittenNames; builtAt: string };
  private poller: NodeJS.Timeout | undefined;

  private constructor(
    private readonly parts: EngineParts,
    store: PassageStore | PgIndexStore,
  ) {
    this.state = Citeline.searchState(parts, store);
    this.vectors = { sentenceVectors: new CachedVectors(parts.embedder, SENTENCES_KEPT), wordVectors: new CachedVectors(parts.embedder, WORDS_KEPT) };
    this.ranker = new Ranker(parts.ranker);
  }

  /** Loads the saved index; throws IndexLoadError (with the --rebuild hint) if it is missing or damaged. */
  static async open(parts: EngineParts): Promise<Citeline> {
    const citeline = new Citeline(parts, await Citeline.loadStore(parts));
    if (parts.database) citeline.followGenerations(parts.database);
    return citeline;
  }

  private static loadStore({ config, embedder, database }: EngineParts): Promise<PassageStore | PgIndexStore> {
    const expected = { model: embedder.model, dimension: embedder.dimension };
    return database ? PgIndexStore.load(database, expected) : PassageStore.load(config.indexDir, expected);
  }

  /** A generation another process's ingest commits is picked up without a restart (polled: it works through any pooler). */
  private followGenerations(database: Database): void {
    let checking = false;
    this.poller = setInterval(() => {
      if (checking) return;
      checking = true;
      void (async () => {
        const current = await PgIndexStore.currentGeneration(database);
        const { store } = this.state;
        if (current !== undefined && store instanceof PgIndexStore && current > store.generation) {
          this.state = Citeline.searchState(this.parts, await Citeline.loadStore(this.parts));
          this.parts.log(`Now answering from index generation ${current}.`);
        }
      })()
        // The database away for a moment: the next poll tries again, and questions meanwhile get "try again".
        .catch(() => {})
        .finally(() => (checking = false));
    }, database.config.pollMs);
    this.poller.unref();
  }

  /** Stops following the database's generations and closes its pool (STORE=postgres). */
  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.parts.database?.close();
  }

  ask(question: string, options: AskOptions = {}): Promise<Reply> {
    return this.reply(question, options, { claim: false, noAnswerText: this.parts.prompts.noAnswer });
  }

  /**
   * A claim is searched like a question (its own words are the best query for the lines behind it).
   * It is backed only when the lines found state at least half the figures it states (claim-figures.ts),
   * lines of the reports writing every name it gives (a council, a place, a person: WrittenNames) when
   * it gives one; declining says no line backs it. A sentence stating all its figures leads before a table stating them (claim-lead.ts).
   */
  findSources(claim: string, options: AskOptions = {}): Promise<Reply> {
    return this.reply(claim, options, { claim: true, noAnswerText: this.parts.prompts.noSupport });
  }

  private async reply(text: string, options: AskOptions, { claim, noAnswerText }: { claim: boolean; noAnswerText: string }): Promise<Reply> {
    const { question: evidence, ranked: found, confidence, answerable } = await this.rankQuestion(text, options);
    const ranked = claim ? namingFirst(this.state.writtenNames(), evidence.query.text, found) : { windows: found, naming: found.length };
    const linesRead = Math.min(CLAIM_LINES_READ, ranked.naming);
    const read = ranked.windows.slice(0, linesRead);
    // Read as searching read it, short years spelt out ("17/18" is a year, not two figures).
    const backed = !claim || (read.length > 0 && figuresBacked(evidence.query.text, read.map((item) => item.evidence.window.text), this.parts.statsVocabulary));
    const cited = claim ? proseLeadForClaim(ranked.windows, evidence.query.text, this.parts.statsVocabulary, Math.max(1, linesRead)) : ranked.windows;
    return extractiveReply(evidence.query, cited, { confidence, answerable: backed ? answerable : 0 }, {
      maxCitations: options.maxCitations ?? DEFAULT_CITATIONS,
      declineBelow: this.parts.ranker.declineBelow,
      noAnswerText,
    });
  }

  /**
   * Search, cut the top passages into windows, read every signal of each, and rank them: what `ask`
   * answers from, and what training reads, so both see the question cleaned the same way.
   */
  async rankQuestion(asked: string, options: Pick<AskOptions, 'previousQuestion'> = {}): Promise<RankedQuestion> {
    const { searcher, lexical } = this.state;
    const query = searcher.analyse(this.questionText(asked, options));
    const { hits } = await searcher.searchAnalysed(query, PASSAGES_READ);
    const question = questionEvidence(query, this.parts.vocabulary, lexical);
    const windows = hits.flatMap((hit, rank) => windowsOf(hit, rank));
    const listedFigures = this.listedFigures(query.text, hits.map((hit) => hit.passage.id));
    const evidence = await windowEvidence(question, windows, { ...this.vectors, termImportance: this.parts.ranker.termImportance, listedFigures });
    const ranked = this.ranker.rank(question, evidence);
    return { question, ranked, confidence: this.ranker.confidence(ranked), answerable: this.ranker.answerability(ranked) };
  }

  /** The first figures a statistics lookup of the question lists among the passages it reads (`read`, best first), where each is written. */
  private listedFigures(questionText: string, read: readonly string[]): ListedFigure[] {
    const query = parseStatsQuery(questionText, this.parts.statsVocabulary);
    const { figures } = this.state.figures.findAmong(query, read);
    return figures.slice(0, LISTED_FIGURES_READ).map((figure) => ({ passageId: figure.citation.passageId, at: figure.sentence.start + figure.rawStart }));
  }

  private questionText(question: string, options: Pick<AskOptions, 'previousQuestion'>): string {
    const cleaned = spellOutShortYears(cleanQuestion(question));
    const text = options.previousQuestion ? mergeFollowUp(spellOutShortYears(cleanQuestion(options.previousQuestion)), cleaned) : cleaned;
    return correctSpelling(text, this.spelling()).text;
  }

  /** What correcting a question's typing slips reads: the index's terms, general English and the vocabulary. */
  private spelling(): SpellingTools {
    const { normaliser, generalRanks, places, synonymGroups } = this.parts.vocabulary;
    const listed = (word: string) => {
      const term = normaliser.term(word.toLowerCase());
      return term !== null && synonymGroups.some((group) => group.some((phrase) => phrase.includes(term)));
    };
    return { normaliser, generalRanks, lexicon: this.state.lexical, known: (word) => places.find(word, { anyCase: true }).length > 0 || listed(word) };
  }

  /**
   * `/citeline stats` and `npm run stats`: every figure matching a grade, period and words, those of
   * the passages a search for the query finds first; none saying every word, those saying most of
   * them and those of the passages found (FiguresIndex.findSearching).
   */
  async stats(queryText: string): Promise<{ query: StatsQuery } & StatsMatches> {
    const { query, search } = this.statsLookup(queryText);
    const found = await this.state.figures.findSearching(query, search, this.parts.figureOrder);
    return { query, ...placesAgree(found, placeAgreementOf(query.text, this.parts.vocabulary.places)) };
  }

  /** What a stats lookup orders, tier by tier, with each figure's signals: what `npm run train:figures` learns the order from. */
  async statsTiers(queryText: string): Promise<Awaited<ReturnType<FiguresIndex['tiersSearching']>>> {
    const { query, search } = this.statsLookup(queryText);
    // Without the figures the lookup leaves out as other places' (stats()), so the order is learned on what it lists.
    const agrees = placeAgreementOf(query.text, this.parts.vocabulary.places);
    return (await this.state.figures.tiersSearching(query, search)).map((tier) => tier.filter(({ figure }) => agrees(figure)));
  }

  /** A stats query as the lookup reads it (spelling corrected, short years spelled out), and the search for its passages. */
  private statsLookup(queryText: string): { query: StatsQuery; search: () => Promise<string[]> } {
    const parsed = parseStatsQuery(correctSpelling(spellOutShortYears(cleanQuestion(queryText)), this.spelling()).text, this.parts.statsVocabulary);
    const { searcher, writtenNames } = this.state;
    // The names among the words left to say (not a grade's or a period's): "westmere", not "March".
    const { words } = this.parts.statsVocabulary;
    const names = parsed.words.length > 0 ? writtenNames().namesIn(parsed.text).filter((name) => parsed.words.includes(words.stem(name))) : [];
    const documents = names.length > 0 ? writtenNames().documentsNaming(names) : undefined;
    const query = documents ? { ...parsed, documents, names } : parsed;
    const search = async () => (await searcher.searchAnalysed(searcher.analyse(query.text), STATS_PASSAGES_SEARCHED)).hits.map((hit) => hit.passage.id);
    return { query, search };
  }

  /**
   * The ids of the k passages whose vectors are nearest `vector`, by the graph (at depth `ef`,
   * default the store's) or by scanning every vector (`exact`): the vector half of search alone, for
   * the benchmark's store-to-store comparison.
   */
  nearestPassageIds(vector: Float32Array, k: number, options: { ef?: number; exact?: boolean } = {}): { id: string; similarity: number }[] {
    const { store } = this.state;
    if (store instanceof PgIndexStore) throw new Error('nearestPassageIds: with STORE=postgres use nearestPassageIdsAsync');
    return options.exact ? store.exactIds(vector, k) : store.nearestIds(vector, k, options.ef);
  }

  /** `nearestPassageIds` for either store (Postgres answers asynchronously). */
  async nearestPassageIdsAsync(vector: Float32Array, k: number, options: { ef?: number; exact?: boolean } = {}): Promise<{ id: string; similarity: number }[]> {
    const { store } = this.state;
    if (!(store instanceof PgIndexStore)) return this.nearestPassageIds(vector, k, options);
    return options.exact ? store.exact(vector, k) : store.nearest(vector, k);
  }

  sources(): IndexedSource[] {
    return this.state.store
      .documents()
      .map((document) => ({ docId: document.docId, title: document.title, source: document.source, passages: document.passageIds.length }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  about(): IndexAbout {
    const { store, builtAt } = this.state;
    return { documents: store.documents().length, passages: store.passageCount, model: store.model, builtAt };
  }

  async reindex(): Promise<IngestSummary> {
    const summary = await buildConfiguredIndex(this.parts);
    const store = await Citeline.loadStore(this.parts);
    // Swap in one assignment: a question in flight finishes on the old index.
    this.state = Citeline.searchState(this.parts, store);
    return summary;
  }

  private static searchState(parts: EngineParts, store: PassageStore | PgIndexStore) {
    // Both artifacts derive from the passages: one written by an older Citeline is rebuilt, not fatal.
    // Built by older code that read the reports otherwise (ARTIFACTS_VERSION), they would still load,
    // and answer as that code did until the next ingest saved new ones: they are rebuilt here too.
    const current = artifactsAreCurrent(store);
    if (!current) {
      parts.log(`The search indexes in ${parts.config.indexDir} were built by an older Citeline; rebuilt them in memory. Run \`npm run ingest\` to save them.`);
    }
    const lexical = loadArtifactOr(
      () => LexicalIndex.fromSaved(savedArtifact(store, LEXICAL_ARTIFACT, current)),
      () => LexicalIndex.build(store.passages(), parts.vocabulary.normaliser),
      parts.log,
      'search index',
    );
    const figures = loadArtifactOr(
      // The store tells a passage's document without reading the passage: figures read theirs when shown.
      () => FiguresIndex.fromSaved(savedArtifact(store, FIGURES_ARTIFACT, current), { passage: (id) => store.passage(id), documentOf: (id) => store.documentOf(id) }, parts.statsVocabulary),
      () => new FiguresIndex(extractFigures(store.passages(), parts.statsVocabulary), parts.statsVocabulary),
      parts.log,
      'figures index',
    );
    const fusion = parts.fusion ?? DEFAULT_FUSION;
    const vectorSearch = store instanceof PgIndexStore ? pgVectorSearch(store, parts.embedder, fusion.candidates) : { vectors: store, embedder: parts.embedder };
    let names: CorpusNames | undefined;
    const searcher = new HybridSearcher({
      lexical,
      ...vectorSearch,
      vocabulary: parts.vocabulary,
      settings: fusion,
      // Read from every passage once, when a question first asks an acronym the reports never write.
      names: () => (names ??= collectionNames(store.passages())),
    });
    let writtenNames: WrittenNames | undefined;
    // Read from every passage once, when a stats lookup or a claim first asks: which words are names, and which reports write them.
    const readNames = () => (writtenNames ??= WrittenNames.read(store.passages()));
    // Read once per load: the manifest copies every document's passage list.
    return { store, searcher, lexical, figures, writtenNames: readNames, builtAt: store instanceof PgIndexStore ? store.builtAt : store.manifest.builtAt };
  }
}

/** The names written in a collection's passages and its documents' titles. */
function collectionNames(passages: readonly Passage[]): CorpusNames {
  return CorpusNames.fromTexts([...new Set(passages.map((passage) => passage.title)), ...passages.map((passage) => passage.text)]);
}

/** Ingest as configured: REPORTS_DIR into INDEX_DIR, on INGEST_THREADS. */
function buildConfiguredIndex({ config, embedder, vocabulary, statsVocabulary, log, database }: EngineParts): Promise<IngestSummary> {
  return buildIndex({
    paths: [config.reportsDir],
    indexDir: config.indexDir,
    embedder,
    vocabulary,
    statsVocabulary,
    log,
    artifactsWorker: artifactsWorkerFor(config.ingestThreads),
    reading: { ocr: config.ocr },
    ...(database ? { database } : {}),
  });
}

export interface OpenOptions {
  log?: (line: string) => void;
  /** Build the index from the reports folder when there is none yet (the Slack app and `ask` do). */
  buildIfMissing?: boolean;
  /** Folder of data files (vocabulary, stopwords); defaults to ./data. */
  dataDir?: string;
  promptsDir?: string;
  /** A ranker model to use instead of the data folder's ranker-weights.json (training passes its own). */
  ranker?: RankerModel;
  /** A figure order to use instead of the data folder's figure-order-weights.json. */
  figureOrder?: FigureOrderModel;
}

/** Everything a surface needs, in one call: model, vocabulary, prompts and the loaded index. */
export async function openCitelineEngine(config: CoreConfig, options: OpenOptions = {}): Promise<Citeline> {
  const log = options.log ?? (() => {});
  const dataDir = options.dataDir ?? join(process.cwd(), 'data');
  const [embedder, vocabulary, prompts, ranker, figureOrder] = await Promise.all([
    createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir }),
    loadSearchVocabulary(dataDir),
    loadPrompts(options.promptsDir ?? join(process.cwd(), 'prompts')),
    options.ranker ?? loadRankerModel(join(dataDir, 'ranker-weights.json')),
    options.figureOrder ?? loadFigureOrderModel(join(dataDir, 'figure-order-weights.json')),
  ]);
  const statsVocabulary = loadStatsVocabulary(dataDir, vocabulary.grades);
  const database = config.postgres ? await openDatabase(config.postgres, log) : undefined;
  try {
    const parts: EngineParts = { config, embedder, vocabulary, statsVocabulary, prompts, ranker, figureOrder, log, ...(database ? { database } : {}) };
    const exists = database ? await PgIndexStore.exists(database) : PassageStore.exists(config.indexDir);
    if (options.buildIfMissing && !exists) {
      log(`No index in ${database ? `the database at ${database.target}` : config.indexDir} yet: building it from ${config.reportsDir}.`);
      await buildConfiguredIndex(parts).catch(async (error: unknown) => {
        // Replicas started together: one builds the first generation, the others answer from it.
        if (!database || !(error instanceof IngestRunningError || error instanceof GenerationMovedError)) throw error;
        log('Another replica is building the index; waiting for it.');
        while (!(await PgIndexStore.exists(database))) await new Promise((resolve) => setTimeout(resolve, 500));
      });
    }
    // A missing or damaged index throws IndexLoadError, whose message names the rebuild command.
    return await Citeline.open(parts);
  } catch (error) {
    await database?.close();
    throw error;
  }
}

/**
 * The saved artifact, or, when it is missing or outdated (ArtifactUnavailableError), one built in
 * memory. Any other error reading it is a fault and propagates: a rebuild would hide it.
 */
function loadArtifactOr<T>(load: () => T, rebuild: () => T, log: (line: string) => void, name: string): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ArtifactUnavailableError)) throw error;
    // An outdated one was announced once for both (searchState).
    if (error.reason === 'missing') log(`The index has no saved ${name}; built it in memory. Run \`npm run ingest\` to save it.`);
    return rebuild();
  }
}
