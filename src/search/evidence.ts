/**
 * Reads what the signals need, once per question and once per candidate window: terms, vectors of
 * the question, windows and sentences, and the closest window word to each question word.
 */
import { passageContext } from '../ingest/passage-context.js';
import { cosine, type CachedVectors } from '../embed/cached-vectors.js';
import { acronymReader } from './acronyms.js';
import { candidateTermShares } from './candidate-context.js';
import { questionSpecificity, termSpecificity } from './domain.js';
import type { LexicalIndex } from './lexical-index.js';
import type { AnalysedQuery } from './query.js';
import type { ListedFigure, QuestionEvidence, WindowEvidence } from './signals/types.js';
import { termFeatures, termImportance, type TermImportanceModel } from './term-importance.js';
import { PERCENTAGE, foldText } from './text-analysis.js';
import type { SearchVocabulary } from './vocabulary.js';
import { windowTableRow } from './table-focus.js';
import { wordCount, type AnswerWindow } from './windows.js';

/**
 * "Which region ...?", "which 7 LAs ...?", "worst region for ...": the answer names a council or
 * region. Not "which areas": in inspection reports those are as often the judgement's areas.
 */
const ASKS_FOR_PLACE =
  /\b(?:which|what)\s+(?:\d+\s+|other\s+)?(?:regions?|councils?|local authorit(?:y|ies)|las?|count(?:y|ies)|boroughs?)\b|\b(?:worst|best|top|bottom|lowest|highest)\s+(?:regions?|councils?|las?)\b/i;

export function asksForPlace(question: string): boolean {
  return ASKS_FOR_PLACE.test(question);
}

/**
 * The words a question asks for a share by. A text stating a percentage ("69%") says them, though
 * "%" is no word: coverage would otherwise favour a text that writes "share" over the one that gives it.
 */
const SHARE_WORDS = 'percent percentage proportion share fraction';

/** What sets the scene before a colon or a dash: "NAO report: how many ...?", "PAC 2016 - what ...?". */
const PREAMBLE = /^(.+?)(?::\s|\s[-–—]+\s)/;

/** Framing words ("the latest figures") find the right passage but need not stand in the answer. */
const FRAMING_WEIGHT = 0.3;

export function questionEvidence(query: AnalysedQuery, vocabulary: SearchVocabulary, lexical: LexicalIndex): QuestionEvidence {
  const framing = new Set(query.framing);
  const termWeights = new Map<string, number>();
  for (const term of query.terms) termWeights.set(term, lexical.idf(term) * (framing.has(term) ? FRAMING_WEIGHT : 1));
  // A term no passage holds has no IDF of its own: weigh it as the rarest indexed term would be.
  const rarest = Math.max(1, ...termWeights.values());
  for (const term of query.terms) if (!lexical.has(term)) termWeights.set(term, rarest);
  const words = vocabulary.normaliser.words(query.text);
  const preamble = PREAMBLE.exec(query.text);
  const specificity = questionSpecificity(words, lexical, vocabulary.generalRanks);
  return {
    query,
    vocabulary,
    termWeights,
    orderedTerms: vocabulary.normaliser.terms(query.text),
    asksForPerson: /^\s*(?:who|whom|whose)\b|\bwho (?:is|was|were|are|said|led|leads|runs|ran)\b/i.test(query.text),
    asksForPlace: asksForPlace(query.text),
    specificity,
    termSpecificity: new Map(words.map((word) => [word.term, termSpecificity(word, lexical, vocabulary.generalRanks)])),
    preambleTerms: new Set(preamble ? vocabulary.normaliser.terms(preamble[1] as string) : []),
  };
}

export interface EvidenceTools {
  /** The question's and the windows' sentences' vectors. */
  sentenceVectors: CachedVectors;
  /** Their words' vectors, for the closest word to each question word. */
  wordVectors: CachedVectors;
  /** The learned term importance (from the ranker's weights); without it no term is weighed by it. */
  termImportance?: TermImportanceModel;
  /** The figures the statistics lookup lists for the question, in its order (none: no window states one). */
  listedFigures?: readonly ListedFigure[];
}

export async function windowEvidence(question: QuestionEvidence, windows: readonly AnswerWindow[], tools: EvidenceTools): Promise<WindowEvidence[]> {
  const { normaliser } = question.vocabulary;
  // Sentences are embedded once each, however many windows hold them; a window's similarity is
  // its sentences', weighted by their words, which spares embedding every window as well.
  const texts = [...new Set([question.query.text, ...windows.flatMap((window) => window.sentences)])];
  const vectors = await tools.sentenceVectors.get(texts);
  const questionVector = vectors.get(question.query.text)!;
  const similarityOf = new Map(texts.map((text) => [text, cosine(questionVector, vectors.get(text)!)]));

  const questionWords = normaliser.words(question.query.text);
  // Each window's text is read once for its terms, its words and its folded form.
  const windowTexts = windows.map((window) => normaliser.read(window.text));
  const wordVectors = await tools.wordVectors.get([...questionWords, ...windowTexts.flatMap((read) => read.words)].map((w) => w.word));

  // Windows overlap and repeat words: each pair of words is compared once for all of them.
  const wordSimilarities = new WordSimilarities(wordVectors);
  const termsOf = (text: string) => normaliser.terms(text);
  const byAcronym = acronymReader(question.query.text, termsOf);
  const shareTerms = termsOf(SHARE_WORDS);
  const bySymbol = (text: string) => (PERCENTAGE.test(text) ? shareTerms : []);
  // Each sentence is the best of one window and stands in several: its terms are read once.
  const sentenceTerms = new Map<string, string[]>();
  const termsOfSentence = (sentence: string) => {
    let terms = sentenceTerms.get(sentence);
    if (!terms) sentenceTerms.set(sentence, (terms = termsOf(sentence)));
    return terms;
  };
  // A table's answering row holds the terms likeliest to stand in the answer (the learned importance), the rarer the better.
  const focusRowOf = (window: AnswerWindow, importance: ReadonlyMap<string, number>, tableHeader: string | undefined) => {
    const weights = importance.size === 0 ? question.termWeights : new Map([...question.termWeights].map(([term, idf]) => [term, idf * (importance.get(term) ?? 0)]));
    const row = windowTableRow(window, { text: question.query.text, weights }, termsOf, tableHeader);
    return row ? { focusRow: row } : {};
  };
  const shares = candidateTermShares(windows, [...question.termWeights.keys()], termsOfSentence);
  const questionTerms = {
    weights: question.termWeights,
    framing: new Set(question.query.framing),
    specificity: question.termSpecificity,
    ordered: question.orderedTerms,
    preamble: question.preambleTerms,
  };
  // Windows of one passage share its title and heading, and so their title terms and term features.
  const byTitle = new Map<string, { titleTerms: Set<string>; features: Map<string, number[]>; importance: Map<string, number> }>();
  return windows.map((window, index) => {
    const { terms, words, folded } = windowTexts[index]!;
    const { passage } = window.hit;
    const titleText = passageContext(passage);
    const key = `${passage.docId}\n${titleText}`;
    let titled = byTitle.get(key);
    if (!titled) {
      const titleTerms = new Set(termsOf(titleText));
      const features = termFeatures(questionTerms, titleTerms, shares, passage.docId);
      titled = { titleTerms, features, importance: tools.termImportance ? termImportance(tools.termImportance, features) : new Map() };
      byTitle.set(key, titled);
    }
    return {
      window,
      terms,
      termSet: new Set([...terms, ...byAcronym(window.text), ...bySymbol(window.text)]),
      sentenceTerms: new Set([...termsOfSentence(window.sentence), ...byAcronym(window.sentence), ...bySymbol(window.sentence)]),
      titleTerms: titled.titleTerms,
      windowSimilarity: weightedSimilarity(window.sentences, similarityOf),
      sentenceSimilarity: similarityOf.get(window.sentence) ?? 0,
      wordSimilarity: closestWords(questionWords, words, wordSimilarities),
      foldedText: folded,
      foldedTitle: foldText(titleText).toLowerCase(),
      termFeatures: titled.features,
      termImportance: titled.importance,
      ...focusRowOf(window, titled.importance, passage.tableHeader),
      listedFigureRank: listedFigureRank(window, tools.listedFigures ?? []),
    };
  });
}

/** The place (from 1) of the first of `listed` the window states, 0 for none. */
function listedFigureRank(window: AnswerWindow, listed: readonly ListedFigure[]): number {
  const { passage } = window.hit;
  const from = passage.start + window.start;
  const to = passage.start + window.end;
  const place = listed.findIndex((figure) => figure.passageId === passage.id && figure.at >= from && figure.at < to);
  return place + 1;
}

/** The mean of the sentences' similarities to the question, each weighted by its words. */
function weightedSimilarity(sentences: readonly string[], similarityOf: ReadonlyMap<string, number>): number {
  let total = 0;
  let words = 0;
  for (const sentence of sentences) {
    const count = wordCount(sentence);
    total += count * (similarityOf.get(sentence) ?? 0);
    words += count;
  }
  return words === 0 ? 0 : total / words;
}

/** The cosine similarity of two words' vectors, each pair worked out once; undefined for a word with no vector. */
class WordSimilarities {
  private readonly known = new Map<string, Map<string, number>>();

  constructor(private readonly vectors: ReadonlyMap<string, Float32Array>) {}

  has(word: string): boolean {
    return this.vectors.has(word);
  }

  between(word: string, other: string): number | undefined {
    let row = this.known.get(word);
    if (!row) this.known.set(word, (row = new Map()));
    let similarity = row.get(other);
    if (similarity === undefined) {
      const a = this.vectors.get(word);
      const b = this.vectors.get(other);
      if (!a || !b) return undefined;
      similarity = cosine(a, b);
      row.set(other, similarity);
    }
    return similarity;
  }
}

/** For each question term, the best cosine similarity of its word to any of the window's words. */
function closestWords(
  questionWords: readonly { word: string; term: string }[],
  windowWords: readonly { word: string; term: string }[],
  similarities: WordSimilarities,
): Map<string, number> {
  const similarity = new Map<string, number>();
  for (const { word, term } of questionWords) {
    if (!similarities.has(word)) continue;
    let best = 0;
    for (const other of windowWords) {
      const value = similarities.between(word, other.word);
      if (value !== undefined) best = Math.max(best, value);
    }
    similarity.set(term, Math.max(similarity.get(term) ?? 0, best));
  }
  return similarity;
}
