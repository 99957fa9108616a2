/**
 * Extractive answering: read the sentences of the top passages, score each as an answer to the
 * question, quote the best exactly, and decline when the evidence is weak. No language model.
 */
import { splitSentences } from '../ingest/sentences.js';
import type { Passage } from '../ingest/types.js';
import { EQUIVALENT_CREDIT, tieredCoverage } from '../search/coverage.js';
import { spellsOut } from '../search/acronyms.js';
import { newestYear, recencyOf } from '../search/rerank.js';
import { contradictsDirection, directionsIn } from '../search/direction.js';
import { states as statesIntent } from '../search/intent.js';
import { gradesIn, type AnalysedQuery } from '../search/query.js';
import { MONTH_NAME, foldText, yearsIn } from '../search/text-analysis.js';
import type { SearchHit } from '../search/types.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import { countWordsIn, findFigures, statesCount, statesMoney, statesQuantity, statesShare, statesShareInWords, type FigureMention } from './figures.js';
import { orBetterGrade } from './grades.js';
import { datesThePiece, isDateline } from './datelines.js';
import { citationLocation } from './location.js';
import { aboutAskedPlaces, namesAskedPlaces } from './place-names.js';
import type { Citation, Reply } from './types.js';
import { round } from '../util/round.js';

export interface ComposeSettings {
  maxCitations: number;
  /** How many retrieved passages are read sentence by sentence. */
  passagesRead: number;
  /**
   * Below this confidence the reply declines and shows the closest extracts as such. Chosen on the
   * dev questions and four further sets written over the same reports (README, "Answer quality"):
   * 0.35, right for the dev set alone, declined one answerable question in seven of the others.
   */
  answerThreshold: number;
  /** A sentence shorter than this many words is quoted with the sentence after it. */
  shortSentenceWords: number;
  /** Weight of the passage's retrieval score against the sentence's own score. */
  passageWeight: number;
  /** Weight of the sentence's vector similarity to the question, beside its term coverage. */
  semanticWeight: number;
  /** Credit for a question term found in the document's title or section heading rather than the sentence. */
  titleCredit: number;
  /** Credit for a question term found elsewhere in the sentence's passage. */
  passageCredit: number;
  /** Most credit for a question word the sentence says in other words ("shaky" for "unstable"). */
  softCredit: number;
  /** Word similarity at which soft credit starts, and at which it is full. */
  softFrom: number;
  softFull: number;
}

export const DEFAULT_COMPOSE: ComposeSettings = {
  maxCitations: 3,
  passagesRead: 10,
  answerThreshold: 0.3,
  shortSentenceWords: 10,
  passageWeight: 0.1,
  semanticWeight: 0.1,
  titleCredit: 1,
  passageCredit: 0.5,
  softCredit: 0.7,
  softFrom: 0.3,
  softFull: 0.75,
};

/** One quotable extract: a sentence (with the next one when it is short) of a retrieved passage. */
export interface SentenceCandidate {
  hit: SearchHit;
  /** The sentence that was scored: the lead when this candidate is the best. */
  sentence: string;
  /** What is quoted: the sentence, with the next one when it is short. */
  extract: string;
  /** Offsets of the extract in the document (passage offset + sentence offset). */
  start: number;
  end: number;
  /** Cosine similarity of the extract to the question, filled in by the engine. */
  semantic: number;
  /** For each question term, the best cosine similarity of its word to a word of the sentence (engine-filled). */
  wordSimilarity: ReadonlyMap<string, number>;
}

/**
 * A sentence that carries on from the one before ("This means ...", "The remaining ...", "Firstly,
 * ...", "As a result, ..."): quoted with it, since the one before alone sets the scene and this one
 * says what it leads to.
 */
const CONTINUES = new RegExp(
  String.raw`^(?:["“‘']\s*)?(?:${[
    'this|these|those|they|it|its',
    'the remaining|the rest',
    'firstly|first,|secondly|thirdly|finally',
    'however|but|instead',
    'as a result|therefore|consequently|so,',
    'in particular|specifically|for example|for instance',
  ].join('|')})\b`,
  'i',
);

export function readCandidates(hits: readonly SearchHit[], settings: ComposeSettings = DEFAULT_COMPOSE): SentenceCandidate[] {
  const candidates: SentenceCandidate[] = [];
  for (const hit of hits.slice(0, settings.passagesRead)) {
    const sentences = splitSentences(hit.passage.text);
    sentences.forEach((sentence, index) => {
      const next = sentences[index + 1];
      // A short sentence, one that opens a quotation it does not close ("X told PSE: “Our members
      // value ... ), one ending in a colon, or one the next carries on from, is quoted with the next
      // one, so the answer is not cut in half.
      const extend =
        next !== undefined &&
        (wordCount(sentence.text) < settings.shortSentenceWords || opensQuote(sentence.text) || /:$/.test(sentence.text) || CONTINUES.test(next.text));
      const end = extend ? next.end : sentence.end;
      candidates.push({
        hit,
        sentence: sentence.text,
        extract: hit.passage.text.slice(sentence.start, end),
        start: hit.passage.start + sentence.start,
        end: hit.passage.start + end,
        semantic: 0,
        wordSimilarity: new Map(),
      });
    });
  }
  return candidates;
}

export interface ComposeContext {
  query: AnalysedQuery;
  candidates: readonly SentenceCandidate[];
  vocabulary: SearchVocabulary;
  /** IDF of each question term. */
  termWeights: ReadonlyMap<string, number>;
  /** Names the question uses that no report does (AnalysedQuery.names): the reports do not cover its subject. */
  unknownNames?: readonly string[];
  /**
   * Whether an extract's figures all count something other than what a "how many X" question
   * counts (counted.ts): such evidence is scored down as not what was asked. Unset, nothing is.
   */
  countsOtherThings?: (extract: string, passage: Passage) => boolean;
  /** Whether a sentence is about other kinds of provider than the question names (counted.ts); unset, none is. */
  aboutOtherProviders?: (sentence: string) => boolean;
  noAnswerText: string;
}

interface Scored {
  candidate: SentenceCandidate;
  sentenceScore: number;
  constraintsMet: boolean;
  score: number;
}

export function composeReply(context: ComposeContext, settings: ComposeSettings = DEFAULT_COMPOSE): Reply {
  const { query, candidates } = context;
  const placeTerms = new PlaceTerms(context.vocabulary);
  const latestYear = query.asksLatest ? newestAmong(candidates) : undefined;
  const topPassageScore = Math.max(0, ...candidates.map((c) => c.hit.score));
  const scored: Scored[] = candidates.map((candidate) => {
    const sentenceScore = scoreSentence(candidate, context, settings, placeTerms) + recencyBonus(candidate, latestYear);
    const passageScore = topPassageScore > 0 ? candidate.hit.score / topPassageScore : 0;
    return {
      candidate,
      sentenceScore,
      constraintsMet: constraintsMet(candidate, context),
      score: settings.passageWeight * passageScore + (1 - settings.passageWeight) * sentenceScore,
    };
  });
  scored.sort((a, b) => b.score - a.score);
  const chosen = leadAnsweringKind(leadNamingFocus(pickDistinct(scored, settings.maxCitations), context, settings), query);

  const best = chosen[0];
  const confidence = best ? confidenceOf(best, answerCoverage(best.candidate, context, settings, placeTerms), settings, context) : 0;
  const answered = best !== undefined && confidence >= settings.answerThreshold;
  return {
    question: query.text,
    answered,
    answer: answered && best ? best.candidate.sentence : context.noAnswerText,
    confidence: round(confidence, 3),
    citations: chosen.map((item) => toCitation(item, query)),
  };
}

/**
 * How well one extract answers: the share of the question's key terms it holds (IDF-weighted, with
 * half credit for vocabulary equivalents), its meaning's closeness to the question, and the year,
 * grade and kind of figure asked for.
 */
function scoreSentence(candidate: SentenceCandidate, context: ComposeContext, settings: ComposeSettings, places: PlaceTerms): number {
  const { query, vocabulary, termWeights } = context;
  // The sentence is judged on its own words; a question's words that name the document ("the NAO",
  // "the 2018 annual report") may stand in the title or nearby instead, for less credit.
  const { passage } = candidate.hit;
  const namesPlaces = namesAskedPlaces(candidate.sentence, query, vocabulary.places);
  const coverage = tieredCoverage(
    [
      { terms: sentenceTerms(candidate.sentence, query, vocabulary, namesPlaces), credit: 1 },
      { terms: places.titleTerms(passage), credit: settings.titleCredit },
      { terms: places.passageTerms(passage), credit: settings.passageCredit },
    ],
    query,
    termWeights,
    (term) => softCredit(candidate, term, settings),
  );

  const score = (1 - settings.semanticWeight) * coverage + settings.semanticWeight * Math.max(0, candidate.semantic);
  const fit = answerFit(candidate.sentence, passage, context, namesPlaces);
  const scored = (score + fit.bonus) * (fit.mismatched ? NOT_ASKED_DISCOUNT : 1);
  // A dateline ("16 December 2016") is a heading, except to a question asking when: it is the answer.
  const answersWhen = query.asksForDate && isDateline(candidate.sentence);
  const discounted = looksLikeHeading(candidate.sentence) && !answersWhen ? scored * HEADING_DISCOUNT : scored;
  return wordCount(candidate.sentence) > RUN_ON_WORDS ? discounted * RUN_ON_DISCOUNT : discounted;
}

/**
 * A "sentence" this long is text run together (a flattened table, a key-facts page, a search
 * snippet of a PDF's cover): it shares many of any question's words by holding many facts at once.
 */
const RUN_ON_WORDS = 60;
const RUN_ON_DISCOUNT = 0.9;

/** Credit for each thing of the kind the question asks for that a sentence states. */
const ANSWER_KIND_BONUS = 0.1;

/**
 * Evidence that is not what was asked, however many words it shares, is scored down, not ruled
 * out: a change the other way ("improved" for "got worse"), other grades or other parts of the
 * service only, figures that all count something else, a count for "which councils ...?" ("seven
 * were inadequate"), or the figure the question states itself.
 */
const NOT_ASKED_DISCOUNT = 0.7;

/**
 * How far a sentence is the kind of answer asked for: a bonus for each of the year (for a figure),
 * grade, part of the service, figure, date, length of time and places the question asks about that
 * it states; and whether it is evidence of another kind (NOT_ASKED_DISCOUNT).
 */
function answerFit(sentence: string, passage: Passage, context: ComposeContext, namesPlaces: boolean): { bonus: number; mismatched: boolean } {
  const { query, vocabulary } = context;
  const folded = foldText(sentence);
  const years = yearsIn(folded);
  // A count may be written in words ("this year that rose to eight").
  const stated = query.asksFor.count ? [...findFigures(sentence), ...countWordsIn(sentence)] : findFigures(sentence);
  const asked = stated.filter((figure) => asksForFigureIn(query, [figure]));
  // Its figures are the question's own, and it states no share in words besides ("54 LAs were inspected, half improving" answers).
  const restatesPremise = asked.length > 0 && asked.every((figure) => query.statedFigures.includes(figure.value)) && !statesShareInWords(sentence);
  // Read only when the question names grades or parts of the service: most ask about neither.
  const grades = query.grades.length > 0 ? gradesNamed(sentence, vocabulary) : NO_GRADES;
  const areas = query.areas.length > 0 ? vocabulary.areas.find(sentence) : [];
  const states = [
    // The year binds a figure (constraintsMet); in other questions it names the report or the time
    // something was said, which the search already weighs as a term: stating it again is no answer.
    query.asksForNumber && query.years.some((year) => years.includes(year)),
    query.grades.some((grade) => grades.found.includes(grade)),
    areas.some((area) => query.areas.includes(area)),
    asked.length > 0 && !restatesPremise,
    query.asksForDate && years.length > 0,
    // When a piece came out is its dateline's to say, before any date in its text.
    datesThePiece(sentence, query),
    query.intents.some((intent) => statesIntent(intent, sentence)),
    query.asksForDuration && DURATION.test(folded),
    namesPlaces,
    query.places.length > 0 && vocabulary.places.find(sentence).some((place) => query.places.includes(place)),
  ];
  const mismatched =
    contradictsDirection(query.directions, directionsIn(sentence)) ||
    (query.asksForPlaces !== undefined && !namesPlaces) ||
    restatesPremise ||
    namesOnlyOtherGrades(grades, query) ||
    namesOnlyOtherAreas(areas, query) ||
    (context.countsOtherThings?.(sentence, passage) ?? false) ||
    (context.aboutOtherProviders?.(sentence) ?? false);
  return { bonus: ANSWER_KIND_BONUS * states.filter(Boolean).length, mismatched };
}

/**
 * A sentence's terms; one that names the places a "which councils" question asks for says "councils"
 * by naming them, and one that spells out an acronym of the question ("British Association of Social
 * Workers" for "BASW") says the acronym.
 */
function sentenceTerms(sentence: string, query: AnalysedQuery, vocabulary: SearchVocabulary, namesPlaces: boolean): Set<string> {
  const terms = new Set(vocabulary.normaliser.terms(sentence));
  if (namesPlaces) for (const term of query.asksForPlaces?.terms ?? []) terms.add(term);
  // Only for acronyms the vocabulary does not know: those it knows ("SIF") are widened to their
  // spelled-out names already, at the weight of an equivalent.
  for (const { term, letters } of query.acronyms) {
    if (!terms.has(term) && !query.expansions.some((expansion) => expansion.phrase.includes(term)) && spellsOut(letters, sentence)) terms.add(term);
  }
  return terms;
}

/** A length of time or a frequency, as an answer to "how long" or "how often" states one. */
const DURATION =
  /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)(?:\s+and\s+(?:a\s+)?half)?[\s-]+(?:days?|weeks?|months?|years?|decades?)\b|\bevery\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b|\b(?:annually|yearly|monthly|weekly)\b/i;

/** For "latest" questions, the newest evidence among the candidates is preferred, older fading over ten years. */
const RECENCY_BONUS = 0.1;

function recencyBonus(candidate: SentenceCandidate, latestYear: number | undefined): number {
  return RECENCY_BONUS * recencyOf(newestYear(candidate.hit.passage), latestYear);
}

function newestAmong(candidates: readonly SentenceCandidate[]): number | undefined {
  const years = candidates.map((candidate) => newestYear(candidate.hit.passage)).filter((year): year is number => year !== undefined);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** A title or caption repeated in the text names the subject but answers nothing. */
const HEADING_DISCOUNT = 0.5;

function looksLikeHeading(sentence: string): boolean {
  return wordCount(sentence) < 15 && !/[.!?…:;"'”’)]$/.test(sentence.trim());
}

function asksForFigureIn(query: AnalysedQuery, figures: readonly FigureMention[]): boolean {
  const { percent, count, money } = query.asksFor;
  return figures.some((f) => (percent && f.kind === 'percent') || (money && f.kind === 'money') || (count && f.kind === 'number'));
}

/**
 * Whether the evidence is about the year, grade and place the question names. The year binds a
 * figure: it is often stated once for a whole passage ("In its December 2018 report, ..."), so the
 * passage, heading, title and date count; but an extract that states years of its own must state one
 * of those asked ("As at 31 March 2024, 60% ..." is no figure for 2023, whatever else its passage
 * mentions). Other questions name the year something was said or published ("what did the 2015
 * annual report say about ...", "Ofsted said in 2014 ..."), which a report often never states, and
 * which their answer need not: for them the year is searched for, not required. Evidence that names
 * no year anywhere is undated, not evidence for another year. A grade the question asks about must
 * be in the quoted extract itself; one it names only as a premise need not be.
 */
function constraintsMet(candidate: SentenceCandidate, context: ComposeContext): boolean {
  const { query, vocabulary } = context;
  const { passage } = candidate.hit;
  const stated = yearsIn(foldText(candidate.extract).replace(SINCE_DATE, ' '));
  const aroundText = `${passage.title}\n${passage.heading ?? ''}\n${passage.date ?? ''}\n${passage.text}`;
  const around = yearsIn(foldText(aroundText));
  const grades = query.grades.length > 0 || query.movesBetweenGrades ? gradesNamed(candidate.extract, vocabulary) : NO_GRADES;
  // A comparison across periods is answered one side at a time: no single extract names every year.
  const yearsMet =
    query.years.length === 0 ||
    query.comparesPeriods ||
    around.length === 0 ||
    !query.asksForNumber ||
    ((stated.length === 0 || query.years.some((year) => stated.includes(year))) && query.years.every((year) => around.includes(year)));
  // "What %", "how many": an extract that states no quantity at all is about the subject, not the answer.
  // "What %", "what share": a count alone ("a poll of 236 chief executives") is no share.
  // "How much does it cost?": a sum of money, not any number ("two further authorities").
  const quantityMet =
    !query.asksForNumber ||
    (query.asksForShare ? statesShare(candidate.extract) : query.asksFor.money ? statesMoney(candidate.extract) : statesQuantity(candidate.extract));
  const placesMet = aboutAskedPlaces(candidate.extract, aroundText, query, vocabulary.places);
  const boundsMet = withinYearBounds([...stated, ...around], query.yearBounds);
  // A grade binds a figure, names which councils a "which councils" question asks for, and is what
  // "was it judged good?" asks; named only as a premise ("did Ofsted call for intervention in the 7
  // inadequate councils?") it is searched for but not required, as a year is.
  const gradeBinds = query.asksForNumber || query.asksForPlaces !== undefined || query.gradePredicated;
  // A move between grades ("from inadequate to good") is told by where it ended or where it began,
  // whichever grades of it the question's wording let us read.
  const gradesMet = query.movesBetweenGrades
    ? grades.found.length > 0
    : !gradeBinds || query.grades.every((grade) => grades.tells(grade));
  const areasMet = query.areas.length === 0 || !namesOnlyOtherAreas(vocabulary.areas.find(candidate.extract), query);
  return yearsMet && boundsMet && quantityMet && placesMet && gradesMet && areasMet;
}

/** Whether evidence is from within the years a question bounds ("after 2017"): it names a year inside them, or none at all (undated). */
function withinYearBounds(years: readonly string[], bounds: AnalysedQuery['yearBounds']): boolean {
  if (bounds.after === undefined && bounds.before === undefined) return true;
  // A split year ("2017/18") runs into its second year.
  const named = years.flatMap((year) => (year.includes('/') ? [Number(year.slice(0, 4)), Number(year.slice(0, 4)) + 1] : [Number(year)]));
  return named.length === 0 || named.some((year) => (bounds.after === undefined || year > bounds.after) && (bounds.before === undefined || year < bounds.before));
}

/**
 * Evidence about other parts of the service only: it names parts Ofsted judges apart, and none the
 * question asks about ("inadequate for overall effectiveness" for "what grade for adoption?").
 * Evidence naming no part may speak of the whole.
 */
function namesOnlyOtherAreas(named: readonly string[], query: AnalysedQuery): boolean {
  return query.areas.length > 0 && named.length > 0 && !named.some((area) => query.areas.includes(area));
}

/**
 * "Since November 2013" starts a running total that reaches the time of writing: it does not make
 * "47 inspected since November 2013" a figure for 2013 alone.
 */
const SINCE_DATE = new RegExp(String.raw`\bsince\s+(?:(?:the\s+)?(?:start|end|beginning)\s+of\s+)?(?:\d{1,2}\s+)?(?:${MONTH_NAME}\s+)?(?:19|20)\d\d\b`, 'gi');

/** The grades a text names, and whether it tells of a grade asked about. */
interface GradesNamed {
  found: string[];
  tells: (grade: string) => boolean;
}

const NO_GRADES: GradesNamed = { found: [], tells: () => false };

function gradesNamed(text: string, vocabulary: SearchVocabulary): GradesNamed {
  const found = gradesIn(foldText(text).toLowerCase(), vocabulary.grades);
  // "Good or outstanding" tells of Good too, never of Outstanding alone (grades.ts).
  const named = new Set(found.flatMap((grade) => [grade, orBetterGrade(gradeParts(grade)) ?? grade]));
  return { found, tells: (grade) => named.has(grade) || coveredByParts(grade, named) };
}

/** Evidence about other grades only: it names grades, and none the question asks about ("36% good or outstanding" for "what share were inadequate?"). */
function namesOnlyOtherGrades(grades: GradesNamed, query: AnalysedQuery): boolean {
  if (query.grades.length === 0 || query.movesBetweenGrades) return false;
  return grades.found.length > 0 && !query.grades.some((grade) => grades.tells(grade));
}

/** A combined grade asked for ("good or outstanding") is met by evidence naming each of its parts. */
function coveredByParts(grade: string, named: ReadonlySet<string>): boolean {
  const parts = gradeParts(grade);
  return parts.length > 0 && parts.every((part) => named.has(part));
}

/** The single grades a combined one is made of: "Good or outstanding" -> ["Good", "Outstanding"]. */
function gradeParts(grade: string): string[] {
  const parts = grade.split(/ or | and /i);
  return parts.length < 2 ? [] : parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase());
}

/**
 * A question that names a year or grade is not answered by a figure for another: the confidence of
 * such evidence is cut below the answer threshold even when it covers everything else (1 x 0.25 <
 * 0.3), so the reply declines and shows it as closest.
 */
export const UNMET_CONSTRAINT_FACTOR = 0.25;

/**
 * Confidence that the best extract answers: how much of what the question asks it covers, its
 * meaning's closeness, cut below the threshold when it misses a year or grade the question insists
 * on, or never names what a "who/what was X" question asks for.
 */
function confidenceOf(best: Scored, coverage: number, settings: ComposeSettings, context: ComposeContext): number {
  const base = Math.min(1, (1 - settings.semanticWeight) * coverage + settings.semanticWeight * Math.max(0, best.candidate.semantic));
  const focused = namesFocus(best.candidate, context, settings) ? base : base * MISSING_FOCUS_FACTOR;
  // A question about a place, body or thing the reports never name ("councils in Wales") is about
  // a subject they do not cover: declined like evidence for another year or grade.
  const covered = (context.unknownNames?.length ?? 0) === 0;
  return best.constraintsMet && covered ? focused : focused * UNMET_CONSTRAINT_FACTOR;
}

/**
 * Evidence that never names what a "who/what was X" question asks for does not answer it, however
 * much else it shares with the question ("who chaired the committee when the report came out?"
 * against a sentence about the report that names no chair; "which councils ...?" against one that
 * names no council; "what did the NAO say about school meals funding?" against its words on
 * social work funding): cut below the threshold like evidence for another year or grade.
 */
const MISSING_FOCUS_FACTOR = 0.25;

/**
 * How close behind the leading extract one that names the role a "who ..." question asks about
 * ("who chaired the committee?": a chair) may be, to lead instead: a near tie is settled by the
 * role, which the leader would otherwise be declined for missing. Only for "who": settling "what
 * did X say about Y" this way answered off-subject questions with extracts naming half of Y.
 * (Discounting every extract that misses the focus was tried and moved more answers down than up.)
 */
const FOCUS_TIE = 0.9;

function leadNamingFocus(chosen: Scored[], context: ComposeContext, settings: ComposeSettings): Scored[] {
  const [lead] = chosen;
  if (!lead || context.query.focus.length === 0 || !/^\s*who\b/i.test(context.query.text) || namesFocus(lead.candidate, context, settings)) return chosen;
  const index = chosen.findIndex((item, i) => i > 0 && item.score >= FOCUS_TIE * lead.score && namesFocus(item.candidate, context, settings));
  return index < 0 ? chosen : [chosen[index]!, ...chosen.filter((_, i) => i !== index)];
}

/**
 * How close behind a lead that states no count one that does may be, to lead a "how many" question
 * instead: "the number doubled in one year" says how it changed, "this year that rose to eight" how
 * many there were. (Settling every near tie by the question's constraints was tried in an earlier
 * round and moved as many answers down as up.)
 */
const ANSWER_KIND_TIE = 0.9;

/** "How many councils ...?" asks for a count; "how many more" or "how many times" may be answered by "doubled". */
const HOW_MANY = /\bhow many\b(?!\s+(?:more|fewer|less|times)\b)/i;

function leadAnsweringKind(chosen: Scored[], query: AnalysedQuery): Scored[] {
  const [lead] = chosen;
  if (!lead || !HOW_MANY.test(query.text)) return chosen;
  const answersKind = (item: Scored) => item.constraintsMet && statesCount(item.candidate.extract);
  if (answersKind(lead)) return chosen;
  const index = chosen.findIndex((item, i) => i > 0 && answersKind(item) && item.score >= ANSWER_KIND_TIE * lead.score);
  return index < 0 ? chosen : [chosen[index]!, ...chosen.filter((_, i) => i !== index)];
}

/** The share of the focus's words (or equivalents) evidence must name: the topic, not one word of it. */
const FOCUS_NAMED = 0.5;

function namesFocus(candidate: SentenceCandidate, context: ComposeContext, settings: ComposeSettings): boolean {
  const { focus } = context.query;
  // "Which councils ...?" asks for councils by name: evidence that names none does not answer it.
  if (context.query.asksForPlaces && !namesAskedPlaces(candidate.extract, context.query, context.vocabulary.places)) return false;
  if (focus.length === 0) return true;
  const terms = new Set(context.vocabulary.normaliser.terms(candidate.extract));
  // "What was the outcome of its re-inspection?" is answered by the grade: "they now require improvement to be good".
  if (focus.some((term) => JUDGEMENT_TERMS.has(term)) && gradesNamed(candidate.extract, context.vocabulary).found.length > 0) {
    for (const term of focus) if (JUDGEMENT_TERMS.has(term)) terms.add(term);
  }
  const shareNamed = (asked: string[]) =>
    tieredCoverage([{ terms, credit: 1 }], { ...context.query, terms: asked }, new Map(), (term) =>
      (candidate.wordSimilarity.get(term) ?? 0) >= settings.softFull ? 1 : 0,
    );
  const named = shareNamed(focus);
  if (named < FOCUS_NAMED) return false;
  // Part of a compound names it only if the part is its head ("climate change": change, not climate),
  // itself or in the vocabulary's other words ("the social work workforce": social workers).
  return named >= 1 || focus.length < 2 || shareNamed([focus[focus.length - 1]!]) >= EQUIVALENT_CREDIT;
}

/** Words for what an inspection concludes, which a grade names. */
const JUDGEMENT_TERMS = new Set(['judgement', 'judgment', 'rate', 'grade', 'verdict', 'outcom', 'result']);

/**
 * Coverage of what the question asks, leaving out the words that only name the document: "who
 * was iMPOWER's chief executive when Breaking the Lock was published?" is not answered by a
 * sentence of Breaking the lock that names no chief executive, however well the title matches.
 */
function answerCoverage(candidate: SentenceCandidate, context: ComposeContext, settings: ComposeSettings, places: PlaceTerms): number {
  const { query, vocabulary, termWeights } = context;
  const { passage } = candidate.hit;
  const ownTerms = sentenceTerms(candidate.sentence, query, vocabulary, namesAskedPlaces(candidate.sentence, query, vocabulary.places));
  const titleTerms = places.titleTerms(passage);
  // A dateline dates its document: asked when the piece came out, the title's words are its own.
  if (datesThePiece(candidate.sentence, query)) for (const term of titleTerms) ownTerms.add(term);
  const asked = query.terms.filter(
    (term) => !query.framing.includes(term) && (ownTerms.has(term) || !titleTerms.has(term)),
  );
  const focus = asked.length > 0 ? { ...query, terms: asked } : query;
  return tieredCoverage(
    [
      { terms: ownTerms, credit: 1 },
      { terms: places.passageTerms(passage), credit: settings.passageCredit },
    ],
    focus,
    termWeights,
    (term) => softCredit(candidate, term, settings),
  );
}

function softCredit(candidate: SentenceCandidate, term: string, settings: ComposeSettings): number {
  const similarity = candidate.wordSimilarity.get(term) ?? 0;
  const ramp = (similarity - settings.softFrom) / (settings.softFull - settings.softFrom);
  return settings.softCredit * Math.min(1, Math.max(0, ramp));
}

/** The best extracts, never two that overlap in the same document (overlapping passages repeat sentences). */
function pickDistinct(scored: readonly Scored[], limit: number): Scored[] {
  const chosen: Scored[] = [];
  for (const item of scored) {
    if (chosen.length >= limit) break;
    const { candidate } = item;
    const overlaps = chosen.some(
      (other) =>
        other.candidate.hit.passage.docId === candidate.hit.passage.docId &&
        other.candidate.start < candidate.end &&
        candidate.start < other.candidate.end,
    );
    if (!overlaps) chosen.push(item);
  }
  return chosen;
}

function toCitation(item: Scored, query: AnalysedQuery): Citation {
  const passage: Passage = item.candidate.hit.passage;
  return {
    passageId: passage.id,
    docId: passage.docId,
    title: passage.title,
    source: passage.source,
    location: citationLocation(passage),
    ...(passage.page !== undefined ? { page: passage.page } : {}),
    extract: item.candidate.extract,
    score: round(item.score, 3),
    figures: findFigures(item.candidate.extract)
      .filter((figure) => asksForFigureIn(query, [figure]))
      .map((figure) => figure.text),
  };
}

function opensQuote(text: string): boolean {
  const opening = (text.match(/“/g) ?? []).length;
  const closing = (text.match(/”/g) ?? []).length;
  return opening > closing;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}


/** Terms of each passage's title and body, worked out once per reply. */
class PlaceTerms {
  private readonly titles = new Map<string, Set<string>>();
  private readonly bodies = new Map<string, Set<string>>();

  constructor(private readonly vocabulary: SearchVocabulary) {}

  titleTerms(passage: Passage): Set<string> {
    return cached(this.titles, passage.id, () => this.vocabulary.normaliser.terms(`${passage.title}\n${passage.heading ?? ''}`));
  }

  passageTerms(passage: Passage): Set<string> {
    return cached(this.bodies, passage.id, () => this.vocabulary.normaliser.terms(passage.text));
  }
}

function cached(map: Map<string, Set<string>>, key: string, terms: () => string[]): Set<string> {
  let value = map.get(key);
  if (!value) {
    value = new Set(terms());
    map.set(key, value);
  }
  return value;
}
