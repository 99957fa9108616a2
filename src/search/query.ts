/** What a question asks for, read once and shared by search, re-ranking and answer composition. */
import { acronymLetters } from './acronyms.js';
import { directionsIn, type Direction } from './direction.js';
import { intentsAsked, type Intent } from './intent.js';
import { MONTH_NAME, foldText, yearsIn } from './text-analysis.js';
import { expansionTerms, findExpansions, type Expansion, type GradeVocabulary, type SearchVocabulary } from './vocabulary.js';

export interface AnalysedQuery {
  text: string;
  /** The question's own search terms. */
  terms: string[];
  /** Phrases the domain vocabulary says mean the same as phrases of the question. */
  expansions: Expansion[];
  /** The distinct terms those phrases add (searched at a lower weight). */
  expansionTerms: string[];
  /** Years and split years named ("2015", "2007/08"), other than those that bound a period (`yearBounds`). */
  years: string[];
  /**
   * "After 2017", "before 2010": the answer is from a later or earlier year than the one named, so
   * evidence from that year alone does not answer ("what grade did it get after 2017?" is not
   * answered by its 2017 re-inspection).
   */
  yearBounds: { after?: number; before?: number };
  /** Ofsted grades named, canonical ("Inadequate", "Good or outstanding"). */
  grades: string[];
  /** Parts of children's services judged apart that the question names ("Adoption", "Care leavers"). */
  areas: string[];
  /** "From inadequate to good": a move between grades, which evidence tells by naming either end. */
  movesBetweenGrades: boolean;
  /**
   * Whether the question says something is, or was rated, a grade it names ("was its leadership
   * judged good?", "how many were rated inadequate?"), rather than naming the grade only as its
   * premise ("did Ofsted call for intervention in the 7 inadequate councils?", "what happens after
   * an inadequate judgement?").
   */
  gradePredicated: boolean;
  asksFor: { percent: boolean; count: boolean; money: boolean };
  /** "between 2015 and 2024", "how has it moved", "compared with": one extract can hold only one side. */
  comparesPeriods: boolean;
  /** The question wants a number as its answer ("how many", "what share", "what %"), not just mentions money. */
  asksForNumber: boolean;
  /**
   * Figures the question itself states while asking for another ("LAs were 24% inadequate: what
   * was the figure for children's homes?"), by value: a premise, not the answer.
   */
  statedFigures: number[];
  /** "What %", "what share", "what proportion": the answer is a share, not any number. */
  asksForShare: boolean;
  /** "latest", "most recent", "now": the newest figures are wanted. */
  asksLatest: boolean;
  /** "When", "what year", "which date": the answer is a date or a year. */
  asksForDate: boolean;
  /** "When did the PAC put out its report?", "what date was the piece?": the answer is the piece's dateline. */
  asksWhenPublished: boolean;
  /** "How long", "how often": the answer is a length of time or a frequency ("a four-week inspection every four years"). */
  asksForDuration: boolean;
  /** Regions and councils the question names (data/places.txt): evidence about another place does not answer it. */
  places: string[];
  /**
   * "Which councils ...?" (several) or "which LA ...?" (one): the answer names councils, areas or
   * regions rather than counting them, and need not say "councils" (`terms`) when it names them.
   */
  asksForPlaces?: { how: 'one' | 'several'; terms: string[] };
  /** Which way a change asked about went ("how many got worse?": down), read once for every extract. */
  directions: ReadonlySet<Direction>;
  /** A reason, consequence or recommendation asked for, which the answering sentence states by its connectives. */
  intents: Intent[];
  /**
   * What a "who/what was X" question asks for ("who was iMPOWER's chief executive" -> chief, execut):
   * evidence that never names it does not answer, however much else it shares with the question.
   */
  focus: string[];
  /**
   * Terms of the names the question uses: words written with a capital, other than its first word
   * ("councils in Wales", "Scottish councils"). A name the reports never use is a subject they do
   * not cover, whatever else the question shares with them.
   */
  names: string[];
  /** The names written as acronyms ("CYP"), with their letters: a report may spell one out instead. */
  acronyms: { term: string; letters: string }[];
  /**
   * The question's terms that frame it rather than name what is asked, which an answer need not
   * contain: the vocabulary's framing words ("view", "latest figures"), and words that only place a
   * year in time ("late 2013", "early 2014", "mid-2015", "the end of 2013", "autumn 2013"), which
   * are part of the period asked about as "in" is (a report says "November 2013").
   */
  framing: string[];
}

export function analyseQuery(text: string, vocabulary: SearchVocabulary): AnalysedQuery {
  const terms = vocabulary.normaliser.terms(withoutIdioms(text));
  const lower = foldText(text).toLowerCase();
  const expansions = findExpansions(terms, vocabulary.synonymGroups);
  const asksForDate = ASKS_FOR_DATE.test(lower);
  return {
    text,
    terms: [...new Set(terms)],
    expansions,
    expansionTerms: expansionTerms(expansions, terms),
    ...yearsAsked(text, lower),
    grades: gradesIn(lower, vocabulary.grades),
    areas: vocabulary.areas.find(text),
    movesBetweenGrades: MOVE_BETWEEN_GRADES.test(lower),
    gradePredicated: gradePredicated(lower, vocabulary.grades),
    asksFor: {
      percent: /%|\bper ?cent|\bshare\b|\bproportion|\bpercentage|\bwhat fraction|\bsplit\b/.test(lower),
      count: /\bhow many\b|\bnumber of\b|\bcount\b/.test(lower),
      money: /£|\bspend|\bcost|\bspent|\bmoney|\bfunding|\bbudget|\bpounds?\b|\bpaid\b|\bpay\b|\bsalar(?:y|ies)\b|\bwages?\b|\bfees?\b|\b(?:day|daily|hourly) rates?\b|\bearn(?:s|ed|ings)?\b/.test(lower),
    },
    focus: focusTerms(lower, vocabulary),
    names: nameTerms(text, vocabulary),
    acronyms: acronymTerms(text, vocabulary),
    framing: [...new Set([...terms.filter((term) => vocabulary.framingTerms.has(term)), ...periodWordTerms(lower, vocabulary)])],
    asksForNumber: NUMBER_QUESTION.test(lower),
    asksForShare: SHARE_QUESTION.test(lower),
    statedFigures: ASKS_FOR_A_FIGURE.test(lower) ? figureValues(text) : [],
    comparesPeriods: /\b(between|compar(?:e|es|ed|ing|ison)|versus|vs|moved|changed|change|shifted|since|trend|over time)\b/.test(lower),
    asksLatest: /\b(latest|most recent|newest|current|currently|now|nowadays|today|these days|up[\s-]+to[\s-]+date)\b/.test(lower),
    directions: directionsIn(text),
    intents: intentsAsked(text),
    places: vocabulary.places.find(text, { anyCase: true }),
    ...placesAsked(lower, vocabulary),
    asksForDuration: /\bhow (?:long|often|frequently)\b/.test(lower),
    asksForDate,
    asksWhenPublished: asksForDate && PUBLICATION.test(lower),
  };
}

/** "After 2017", "post-2011", "later than 2015"; "before 2010", "prior to 2008", "pre-2013". A year after "the" ("after the 2017 re-inspection") dates an event, not a bound. */
const AFTER_YEAR = /\b(?:after|post-|later than|beyond)\s*((?:19|20)\d\d)\b(?![/-]\d)/i;
const BEFORE_YEAR = /\b(?:before|prior to|pre-|earlier than)\s*((?:19|20)\d\d)\b(?![/-]\d)/i;

function yearsAsked(text: string, lower: string): Pick<AnalysedQuery, 'years' | 'yearBounds'> {
  const after = AFTER_YEAR.exec(lower)?.[1];
  const before = BEFORE_YEAR.exec(lower)?.[1];
  return {
    years: yearsIn(text).filter((year) => year !== after && year !== before),
    yearBounds: { ...(after ? { after: Number(after) } : {}), ...(before ? { before: Number(before) } : {}) },
  };
}

/**
 * Idioms whose words would be searched for what they do not mean: "bring it up to date" asks about
 * modernising, not about a date, and had ranked a report's "Inspection dates:" line first. Each is
 * searched as the one word it means, which the vocabulary's groups then widen.
 */
const IDIOMS: readonly [RegExp, string][] = [
  [/\bup[\s-]+to[\s-]+date\b/gi, 'modern'],
  [/\bout[\s-]+of[\s-]+date\b/gi, 'outdated'],
];

export function withoutIdioms(text: string): string {
  return IDIOMS.reduce((rewritten, [idiom, meaning]) => rewritten.replace(idiom, meaning), text);
}

const ASKS_FOR_DATE = /^\s*when\b|\b(?:what|which) (?:year|date|month)s?\b|\bby when\b|\bwhat were the dates\b/;

/** Words of a question about when something was published: "put out its report", "the piece", "last updated". */
const PUBLICATION = /\b(?:publish(?:ed|es)?|piece|article|story|stories|put out|puts out|posted|updated|released?|came out|come out|dated|ran|run)\b/;

/** Percentages and counts written with digits, not years: "24%", "54", "5,600". */
export function figureValues(text: string): number[] {
  const values: number[] = [];
  for (const match of foldText(text).matchAll(/(?<![\d.,/-])\d[\d,]*(?:\.\d+)?(?![\d/]|[.,]\d)/g)) {
    if (/^(?:19|20)\d\d$/.test(match[0])) continue;
    values.push(Number(match[0].replace(/,/g, '')));
  }
  return values;
}

/** "from inadequate to good", "from failing to 'good'", "from RI to outstanding". */
const MOVE_BETWEEN_GRADES = /\bfrom\s+(?:being\s+|rated\s+|judged\s+)?['"]?(?:inadequate|failing|requir(?:es|ing) improvement|ri|adequate|good|outstanding)\b.*\bto\b/;

/** A verb that says what grade something is or got: the grade after it is asked about, not assumed. */
const GRADE_PREDICATE =
  /\b(?:rat(?:e|es|ed|ing)|judg(?:e|es|ed|ing)|grad(?:e|es|ed|ing)|find|finds|found|deem(?:s|ed)?|declar(?:e|es|ed)|consider(?:s|ed)?|call(?:s|ed)?|rank(?:s|ed)?|label(?:s|led)?|is|are|was|were|be|been|being|become|becomes|became|remains?|remained|stays?|stayed|still|get|gets|got|receive|receives|received|given)(?=\s+((?:to be\s+|as\s+)?(?:\S+\s+){0,3}\S+))/g;

function gradePredicated(lowerQuestion: string, grades: GradeVocabulary): boolean {
  // Each verb with the words after it (read ahead, so "was ... judged good" finds "judged good"); with
  // its verb, as "good" is a grade only beside a cue ("judged good").
  return [...lowerQuestion.matchAll(GRADE_PREDICATE)].some((match) => gradesIn(`${match[0]} ${match[1]}`, grades).length > 0);
}

/** "which (seven) councils", "what LA", "which region": the places asked for, and how many. */
const PLACES_QUESTION =
  /\b(?:which|what)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|other|few)\s+)?(councils?|las|la|local authorit(?:y|ies)|authorit(?:y|ies)|areas?|regions?)\b/;

function placesAsked(lowerQuestion: string, vocabulary: SearchVocabulary): Pick<AnalysedQuery, 'asksForPlaces'> {
  const noun = PLACES_QUESTION.exec(lowerQuestion)?.[1];
  if (noun === undefined) return {};
  return { asksForPlaces: { how: /(?:s|ies)$/.test(noun) ? 'several' : 'one', terms: vocabulary.normaliser.terms(noun) } };
}

const YEAR_QUALIFIER = /\b(early|late|mid|end|start|beginning|middle|spring|summer|autumn|winter)(?:\s+of)?(?:\s+|-)(?:(?:19|20)\d\d)\b/g;

function periodWordTerms(lowerQuestion: string, vocabulary: SearchVocabulary): string[] {
  const words = [...lowerQuestion.matchAll(YEAR_QUALIFIER)].map((match) => match[1] as string);
  return [...new Set(words.flatMap((word) => vocabulary.normaliser.terms(word)))];
}

/** The question's words as written (capitals kept), for telling names from other words. */
function writtenWords(text: string): string[] {
  return foldText(text).match(/[\p{L}][\p{L}'-]*/gu) ?? [];
}

function nameTerms(text: string, vocabulary: SearchVocabulary): string[] {
  const words = writtenWords(text);
  // Of a compound, only its capitalised parts name something ("LGA-backed" names the LGA); a month
  // or weekday is a date, not a subject ("end Aug 2019" where a report says "August").
  const names = words
    .slice(1)
    .flatMap((word) => word.split('-'))
    .filter((part) => /\p{Lu}/u.test(part) && !CALENDAR_WORD.test(part));
  return [...new Set(names.flatMap((word) => vocabulary.normaliser.terms(word)))];
}

function acronymTerms(text: string, vocabulary: SearchVocabulary): { term: string; letters: string }[] {
  return writtenWords(text).flatMap((word) => {
    const letters = acronymLetters(word);
    const term = letters === undefined ? null : vocabulary.normaliser.term(word.toLowerCase());
    return letters !== undefined && term ? [{ term, letters }] : [];
  });
}

/** Months, their usual abbreviations, and weekdays, as a question may write them. */
const CALENDAR_WORD = new RegExp(String.raw`^(?:${MONTH_NAME}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?$`, 'i');

// The ways a question asks for a figure. "How big the area is" after a determiner is a clause
// inside another question ("does leadership matter more than how big the area is?") and asks for
// none; "what was the inadequate rate" allows a word or two before the noun.
const HOW_MUCH = String.raw`\bhow many\b|\bhow (?:much|big|large|high|low|far)\b(?!\s+(?:the|their|its|his|her|this|that|these|those|our|your)\b)`;
const WHAT_THE = String.raw`\bwhat(?:'s| is| was| were| are)? (?:the )?(?:[a-z'-]+ ){0,2}`;
const SHARE_NOUN = String.raw`(?:%|(?:per ?cent|percentage|proportion|share|fraction)\b)`;
const FIGURE_NOUN = String.raw`(?:%|(?:per ?cent|percentage|proportion|share|fraction|number|ratio|range|split|average|total|rate|amount|figure|cost|spend)\b)`;

// Asking for a figure in so many words ("how many", "what was the inadequate rate"): a figure the
// question states beside such a wish is its premise. A claim that states one ("inadequate ratings
// rose to 28%") asks for its source, the figure included.
const ASKS_FOR_A_FIGURE = new RegExp(`${HOW_MUCH}|${WHAT_THE}${FIGURE_NOUN}|\\bfrom what to what\\b`);

// Any question whose answer is a number: a wish in so many words, or a %, "average" or "ratio" anywhere.
const NUMBER_QUESTION = new RegExp(`${ASKS_FOR_A_FIGURE.source}|%|\\baverage\\b|\\bratio\\b`);

// "what % of", "what share", "what proportion", "what percentage": a share, not any number.
const SHARE_QUESTION = new RegExp(`${WHAT_THE}${SHARE_NOUN}|\\bhow much of\\b`);

// "who was iMPOWER's chief executive when ...", "what were the specific recommendations listed ...":
// the noun phrase after a wh-word and a form of "be", up to a preposition, a clause or the end.
const COPULAR_QUESTION =
  /^(?:who|what|which)\s+(?:is|was|were|are|'s)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+'s?\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)(?=\s+(?:when|while|in|at|of|for|that|which|who|listed|named|by|under|during|after|before|on|with|from|about)\b|\s*\?|\s*$)/;

function focusTerms(lowerQuestion: string, vocabulary: SearchVocabulary): string[] {
  const question = lowerQuestion.trim();
  const phrase = COPULAR_QUESTION.exec(question)?.[1] ?? WHO_DID_QUESTION.exec(question)?.[1] ?? SAID_ABOUT_QUESTION.exec(question)?.[1];
  if (!phrase) return [];
  return vocabulary.normaliser.terms(phrase).filter((term) => !vocabulary.framingTerms.has(term));
}

// "what did Meg Hillier say about the ILACS framework?": what was said must be about that, so
// evidence must name it (her words on child protection are no answer). The topic runs from "about"
// to a preposition, a clause or the end.
const SAID_ABOUT_QUESTION =
  /\b(?:say|says|said|think|thinks|thought|feel|feels|felt|write|wrote|comment|commented)\s+(?:about|of|on)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?((?:[a-z'’-]+\s+){0,3}?[a-z'’-]+)(?=\s+(?:in|at|when|while|after|before|during|for|from|and|or|by|since|as)\b|\s*[?,.]|\s*$)/;

// "who chaired the LGA when ...", "who commissioned it": the person asked for is the one who did
// that, so evidence must say it (or an equivalent: "who wrote" is answered by "author").
const WHO_DID_QUESTION = /^who\s+(?!(?:is|was|are|were|'s|said|says|say|did|does|do|has|have|had|will|would|can|could|should|thinks?|thought)\b)([a-z]+)\b/;

/**
 * Grades named in a lower-case text. A combined grade hides its parts ("good or outstanding" is not
 * also "Good"), and a word that is ordinary English too ("good staff") counts only beside a cue
 * ("rated good", "good councils", "'good'").
 */
export function gradesIn(lowerText: string, grades: GradeVocabulary): string[] {
  const words = lowerText.match(/[a-z]+|%|['"]/g) ?? [];
  const present = new Set(words);
  const used = new Array<boolean>(words.length).fill(false);
  const found: string[] = [];
  for (const [grade, phrases] of grades.phrases) {
    for (const parts of phrases) {
      // Most texts name no grade: a phrase whose first word is absent is not looked for word by word.
      if (!present.has(parts[0] as string)) continue;
      for (let i = 0; i + parts.length <= words.length; i++) {
        const end = phraseEnd(words, used, i, parts);
        if (end === -1) continue;
        if (parts.length === 1 && grades.ambiguous.has(parts[0] as string) && !hasCue(words, i, grades)) continue;
        used.fill(true, i, end);
        found.push(grade);
      }
    }
  }
  return [...new Set(found)];
}

/**
 * Where a phrase's words, starting at `start`, end; -1 when they are not there. Quotes between its
 * words are passed over: '"good" or "outstanding"' is the combined grade as much as "good or outstanding".
 */
function phraseEnd(words: readonly string[], used: readonly boolean[], start: number, parts: readonly string[]): number {
  let at = start;
  for (const [j, part] of parts.entries()) {
    if (j > 0) while (at < words.length && (words[at] === '"' || words[at] === "'") && !used[at]) at++;
    if (used[at] || words[at] !== part) return -1;
    at++;
  }
  return at;
}

function hasCue(words: readonly string[], index: number, grades: GradeVocabulary): boolean {
  const before = [words[index - 1], words[index - 2]];
  return before.some((word) => word !== undefined && grades.cuesBefore.has(word)) || grades.cuesAfter.has(words[index + 1] ?? '');
}
