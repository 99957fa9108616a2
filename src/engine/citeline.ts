/**
 * Where a question becomes an answer: `Citeline.ask` analyses the question, searches the index
 * (BM25 + vectors), and composes a cited, extractive reply. Surfaces (CLI, Slack) only call this.
 */
import { join } from 'node:path';
import { aboutAskedPlaces } from '../answer/place-names.js';
import { DEFAULT_COMPOSE, composeReply, readCandidates, type ComposeContext, type ComposeSettings, type SentenceCandidate } from '../answer/compose.js';
import type { Citation, Reply } from '../answer/types.js';
import type { CoreConfig } from '../config.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import type { Embedder } from '../embed/types.js';
import { WordVectors, cosine } from '../embed/word-vectors.js';
import { loadPrompts, type Prompts } from '../prompts.js';
import { spellsOut } from '../search/acronyms.js';
import { DEFAULT_FUSION, HybridSearcher, termWeights, type FusionSettings } from '../search/hybrid-searcher.js';
import { LexicalIndex } from '../search/lexical-index.js';
import type { AnalysedQuery } from '../search/query.js';
import type { SearchHit } from '../search/types.js';
import { loadSearchVocabulary, type SearchVocabulary } from '../search/vocabulary.js';
import { aboutOtherProviders, countedAsked, countsOtherThings, declinedIfCountingOtherThings, providersNamed } from '../answer/counted.js';
import { FIGURE_EVIDENCE_DEPTH, rankFiguresByEvidence, withFigureFirst } from '../answer/figure-first.js';
import { FiguresIndex, extractFigures, groupMatches, parseStatsQuery } from '../stats/index.js';
import type { Figure, FigureMatch, StatsQuery } from '../stats/types.js';
import { PassageStore } from '../store/passage-store.js';
import { Database } from '../store/postgres/database.js';
import { GenerationMovedError, IngestRunningError, PgIndexStore } from '../store/postgres/index-store.js';
import { openDatabase } from './open-database.js';
import { pgVectorSearch } from './pg-vectors.js';
import { FIGURES_ARTIFACT, LEXICAL_ARTIFACT, artifactsAreCurrent, artifactsWorkerFor, buildIndex } from './build-index.js';
import { cleanQuestion, mergeFollowUp, spellOutShortYears } from './question.js';
import type { AskOptions, CitelineEngine, IndexedSource, IngestSummary } from './types.js';

/** The weights and thresholds of retrieval and answering; defaults are the tuned ones (README, "Tuning"). */
export interface Tuning {
  fusion: FusionSettings;
  compose: ComposeSettings;
}

export const DEFAULT_TUNING: Tuning = { fusion: DEFAULT_FUSION, compose: DEFAULT_COMPOSE };

export interface EngineParts {
  config: CoreConfig;
  tuning?: Tuning;
  embedder: Embedder;
  vocabulary: SearchVocabulary;
  prompts: Prompts;
  log: (line: string) => void;
  /** STORE=postgres: the index is read from, and ingested into, this database. */
  database?: Database;
}

export class Citeline implements CitelineEngine {
  private readonly wordVectors: WordVectors;
  private state: { store: PassageStore | PgIndexStore; searcher: HybridSearcher; lexical: LexicalIndex; figures: FiguresIndex };
  private poller: NodeJS.Timeout | undefined;

  private constructor(
    private readonly parts: EngineParts,
    store: PassageStore | PgIndexStore,
  ) {
    this.state = Citeline.searchState(parts, store);
    this.wordVectors = new WordVectors(parts.embedder);
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

  private get tuning(): Tuning {
    return this.parts.tuning ?? DEFAULT_TUNING;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Reply> {
    const text = this.questionText(question, options);
    const maxCitations = options.maxCitations ?? this.tuning.compose.maxCitations;
    const { reply, query, uncovered } = await this.answerFromExtracts(text, Math.max(maxCitations, FIGURE_EVIDENCE_DEPTH));
    const trimmed = { ...reply, citations: reply.citations.slice(0, maxCitations) };
    // A figure about a subject the reports never name is no answer either.
    if (!query.asksForNumber || uncovered.length > 0) return trimmed;
    const figures = rankFiguresByEvidence(this.matchCited(text, reply.citations), reply.citations, query);
    const led = withFigureFirst(trimmed, groupMatches(figures), maxCitations, {
      years: query.years,
      grades: query.grades,
      latest: query.asksLatest,
      aboutAskedPlaces: (match) => this.figureAboutAskedPlaces(match, query),
      areas: { asked: query.areas, named: (text) => this.parts.vocabulary.areas.find(text) },
    });
    return declinedIfCountingOtherThings(text, led, (id) => this.state.store.passage(id), this.parts.prompts.noAnswer, this.parts.vocabulary);
  }

  /**
   * Figures ranked against a numeric question, the figures index's own ranking corrected by the
   * extracts the search found (what `ask` uses for figure-first answers; eval reads it too).
   */
  async matchFigures(question: string): Promise<FigureMatch[]> {
    const text = this.questionText(question, {});
    const { reply, query } = await this.answerFromExtracts(text, FIGURE_EVIDENCE_DEPTH);
    return rankFiguresByEvidence(this.matchCited(text, reply.citations), reply.citations, query);
  }

  /** Whether a figure is about the places the question names: by its sentence, or else its document's title and passage. */
  private figureAboutAskedPlaces({ figure }: FigureMatch, query: AnalysedQuery): boolean {
    // Every confident figure is checked: a question naming no place must not read each one's passage.
    if (query.places.length === 0) return true;
    const passage = this.state.store.passage(figure.citation.passageId);
    const around = `${figure.citation.title}\n${passage?.text ?? figure.sentence.text}`;
    return aboutAskedPlaces(figure.sentence.text, around, query, this.parts.vocabulary.places);
  }

  /** The figures index's matches, with the figures of the cited passages always considered (their evidence can lift them). */
  private matchCited(text: string, citations: readonly Citation[]): FigureMatch[] {
    return this.state.figures.matchQuestion(text, undefined, new Set(citations.map((citation) => citation.passageId)));
  }

  private questionText(question: string, options: AskOptions): string {
    const cleaned = spellOutShortYears(cleanQuestion(question));
    return options.previousQuestion ? mergeFollowUp(spellOutShortYears(cleanQuestion(options.previousQuestion)), cleaned) : cleaned;
  }

  /** Search, read the top passages sentence by sentence, and compose the extractive reply. */
  private async answerFromExtracts(text: string, maxCitations: number) {
    const { searcher, lexical } = this.state;
    const query = searcher.analyse(text);
    const compose = this.tuning.compose;
    const { hits } = await searcher.searchAnalysed(query, compose.passagesRead);
    const uncovered = unknownNames(query, lexical, hits.slice(0, compose.passagesRead));
    const candidates = readCandidates(hits, compose);
    await this.scoreMeaning(text, candidates);
    const reply = composeReply(
      {
        query,
        candidates,
        vocabulary: this.parts.vocabulary,
        termWeights: framingDiscounted(termWeights(lexical, query), new Set(query.framing)),
        unknownNames: uncovered,
        ...countingCheck(text),
        ...providerCheck(text),
        noAnswerText: this.parts.prompts.noAnswer,
      },
      { ...compose, maxCitations },
    );
    return { reply, query, uncovered };
  }

  /** `/citeline stats` and `npm run stats`: every figure matching a grade, period and words, sorted by period. */
  stats(queryText: string): { query: StatsQuery; figures: Figure[] } {
    const query = parseStatsQuery(spellOutShortYears(cleanQuestion(queryText)));
    return { query, figures: this.state.figures.lookup(query) };
  }

  /**
   * Meaning beyond shared words, for paraphrases: each candidate's vector similarity to the
   * question, and for each question word the closest word of the sentence.
   */
  private async scoreMeaning(question: string, candidates: SentenceCandidate[]): Promise<void> {
    if (candidates.length === 0) return;
    const [questionVector, ...vectors] = await this.parts.embedder.embed([question, ...candidates.map((c) => c.sentence)]);
    if (!questionVector) return;
    candidates.forEach((candidate, index) => {
      candidate.semantic = cosine(questionVector, vectors[index] as Float32Array);
    });

    const { normaliser } = this.parts.vocabulary;
    const questionWords = normaliser.words(question);
    const sentenceWords = candidates.map((candidate) => normaliser.words(candidate.sentence));
    const vectorsByWord = await this.wordVectors.get([...questionWords, ...sentenceWords.flat()].map((w) => w.word));
    candidates.forEach((candidate, index) => {
      const similarity = new Map<string, number>();
      for (const { word, term } of questionWords) {
        const questionWord = vectorsByWord.get(word);
        if (!questionWord) continue;
        let best = 0;
        for (const other of sentenceWords[index] ?? []) {
          const vector = vectorsByWord.get(other.word);
          if (vector) best = Math.max(best, cosine(questionWord, vector));
        }
        similarity.set(term, Math.max(similarity.get(term) ?? 0, best));
      }
      candidate.wordSimilarity = similarity;
    });
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

  async findSources(claim: string, options: AskOptions = {}): Promise<Reply> {
    // A claim is searched like a question: its own words are the best query for the lines behind it.
    return this.ask(claim, options);
  }

  sources(): IndexedSource[] {
    return this.state.store
      .documents()
      .map((document) => ({ docId: document.docId, title: document.title, source: document.source, passages: document.passageIds.length }))
      .sort((a, b) => a.title.localeCompare(b.title));
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
      () => {
        if (!current) return undefined;
        const saved = store.getArtifact<unknown>(LEXICAL_ARTIFACT);
        return saved ? LexicalIndex.fromSaved(saved) : undefined;
      },
      () => LexicalIndex.build(store.passages(), parts.vocabulary.normaliser),
      parts.log,
      'search index',
    );
    const figures = loadArtifactOr(
      () => {
        if (!current) return undefined;
        const saved = store.getArtifact<unknown>(FIGURES_ARTIFACT);
        // The store tells a passage's document without reading the passage: figures read theirs when shown.
        return saved ? FiguresIndex.fromSaved(saved, { passage: (id) => store.passage(id), documentOf: (id) => store.documentOf(id) }) : undefined;
      },
      () => new FiguresIndex(extractFigures(store.passages())),
      parts.log,
      'figures index',
    );
    const fusion = (parts.tuning ?? DEFAULT_TUNING).fusion;
    const vectorSearch = store instanceof PgIndexStore ? pgVectorSearch(store, parts.embedder, fusion.candidates) : { vectors: store, embedder: parts.embedder };
    const searcher = new HybridSearcher({
      lexical,
      ...vectorSearch,
      vocabulary: parts.vocabulary,
      settings: fusion,
    });
    return { store, searcher, lexical, figures };
  }
}

/** Ingest as configured: REPORTS_DIR into INDEX_DIR, on INGEST_THREADS. */
function buildConfiguredIndex({ config, embedder, vocabulary, log, database }: EngineParts): Promise<IngestSummary> {
  return buildIndex({
    paths: [config.reportsDir],
    indexDir: config.indexDir,
    embedder,
    vocabulary,
    log,
    artifactsWorker: artifactsWorkerFor(config.ingestThreads),
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
  tuning?: Tuning;
}

/** Everything a surface needs, in one call: model, vocabulary, prompts and the loaded index. */
export async function openCitelineEngine(config: CoreConfig, options: OpenOptions = {}): Promise<Citeline> {
  const log = options.log ?? (() => {});
  const [embedder, vocabulary, prompts] = await Promise.all([
    createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir }),
    loadSearchVocabulary(options.dataDir ?? join(process.cwd(), 'data')),
    loadPrompts(options.promptsDir ?? join(process.cwd(), 'prompts')),
  ]);
  const database = config.postgres ? await openDatabase(config.postgres, log) : undefined;
  try {
    const parts: EngineParts = { config, embedder, vocabulary, prompts, log, ...(options.tuning ? { tuning: options.tuning } : {}), ...(database ? { database } : {}) };
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


/** For a question that says what it counts, the check compose scores extracts with (ComposeContext.countsOtherThings). */
function countingCheck(question: string): Pick<ComposeContext, 'countsOtherThings'> {
  const asked = countedAsked(question);
  if (asked.length === 0) return {};
  // Overlapping passages repeat sentences: each is read for its figures once per question.
  const seen = new Map<string, boolean>();
  return {
    countsOtherThings: (extract, passage) => {
      let counts = seen.get(extract);
      if (counts === undefined) seen.set(extract, (counts = countsOtherThings(extract, passage, asked)));
      return counts;
    },
  };
}

/** For a question naming a kind of provider (councils, children's homes), the check compose scores sentences with. */
function providerCheck(question: string): Pick<ComposeContext, 'aboutOtherProviders'> {
  const asked = providersNamed(question);
  return asked.length === 0 ? {} : { aboutOtherProviders: (sentence) => aboutOtherProviders(sentence, asked) };
}

/**
 * The question's names that no passage uses, itself or by a vocabulary equivalent ("PAC" for
 * "Public Accounts Committee"), nor, for an acronym, spelled out in a passage the search found
 * ("CYP" for "Children & Young People").
 */
function unknownNames(query: AnalysedQuery, lexical: LexicalIndex, hits: readonly SearchHit[]): string[] {
  const spelledOut = (term: string) =>
    query.acronyms.some(
      (acronym) =>
        acronym.term === term &&
        hits.some(({ passage }) => spellsOut(acronym.letters, passage.title, { title: true }) || spellsOut(acronym.letters, `${passage.heading ?? ''}\n${passage.text}`)),
    );
  return query.names.filter(
    (term) =>
      !lexical.has(term) &&
      !query.expansions.some((expansion) => expansion.phrase.includes(term) && expansion.alternatives.some((alternative) => alternative.every((t) => lexical.has(t)))) &&
      !spelledOut(term),
  );
}

function loadArtifactOr<T>(load: () => T | undefined, rebuild: () => T, log: (line: string) => void, name: string): T {
  try {
    const loaded = load();
    if (loaded !== undefined) return loaded;
  } catch {
    log(`The saved ${name} is from another version of Citeline; rebuilt it in memory. Run \`npm run ingest\` to save it.`);
  }
  return rebuild();
}

/**
 * Framing words ("the latest official figures") find the right passage but do not make a sentence
 * the answer: in sentence choice they count for a fraction of their weight.
 */
const FRAMING_WEIGHT = 0.3;

function framingDiscounted(weights: ReadonlyMap<string, number>, framing: ReadonlySet<string>): Map<string, number> {
  return new Map([...weights].map(([term, weight]) => [term, framing.has(term) ? weight * FRAMING_WEIGHT : weight]));
}
