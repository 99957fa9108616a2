/** Questions as people type them: tidied for search, and follow-ups read with the question before. */
import { yearsIn } from '../search/text-analysis.js';

/** The longest question searched; beyond this a question is a pasted document, and its start is what matters. */
export const MAX_QUESTION_CHARS = 2000;

/** Drops control characters and Slack markup, folds white space, keeps at most MAX_QUESTION_CHARS. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<[@#!][^>]*>/g, ' ') // <@U123>, <#C123|name>, <!channel>
    .replace(/<(https?:[^|>]+)\|([^>]*)>/g, '$2') // <url|label> -> label
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/**
 * "18/19", "'17-18": a financial or academic year as people type it, spelled out as the reports
 * write it ("2018/19"), so that it is read as a year rather than two numbers. Only consecutive years
 * from 2000 to 2039, and never part of a longer number, a date or a percentage.
 */
const SHORT_SPLIT_YEAR = /(?<![\d/.,£$-])'?(\d\d)\s?[/-]\s?(\d\d)(?![\d/%]|[.,]\d|\s?per ?cent)/g;

export function spellOutShortYears(question: string): string {
  return question.replace(SHORT_SPLIT_YEAR, (written, first: string, second: string) =>
    Number(first) <= 39 && Number(second) === Number(first) + 1 ? `20${first}/${second}` : written,
  );
}

/**
 * Whether a message leans on the question before it rather than standing alone: "and in 2019?",
 * "what about Leeds?", "how does that compare?", "inadequate in 2016?". Decided by the shape of the
 * message, never its length: it is a follow-up when it
 * - opens with a connective ("and", "but", "what about", "how about", ...),
 * - refers back with a pronoun or demonstrative ("they", "that", "those", "the same") that does not
 *   follow a noun of its own (so "councils that were rated good" is no reference back),
 * - is a fragment: no verb and no content word beyond years, numbers, grades, names and time words
 *   ("2019?", "Leeds?", "in 2019 then?"), or a prepositional phrase ("for councils rated good?"),
 * - is a question of grammar words alone ("why?", "how many were there?").
 * A question with a subject of its own ("who is Debbie Jones?") stands alone, and so does a message
 * of words that are not words ("asdf qwerty zzkj"): neither is read with the question before.
 */
export function isFollowUp(question: string): boolean {
  const words = followUpWords(question);
  if (words.length === 0) return false;
  const lower = words.map((word) => word.toLowerCase());
  if (opensWithConnective(lower)) return true;
  if (refersBack(words)) return true;
  const kinds = words.map((word) => wordKind(word));
  if (kinds.includes('gibberish')) return false;
  const content = kinds.filter((kind) => kind === 'content').length;
  if (content === 0) {
    // All grammar, slots and names: a fragment ("in 2019?", "Leeds?") or a bare question ("why?").
    // A wh-question that names someone or something ("who is Debbie Jones?") has its own subject.
    const asks = QUESTION_WORDS.has(lower[0]!) || AUXILIARIES.has(lower[0]!);
    if (asks) return !kinds.includes('name');
    // Grammar words alone ("ok", "me too") ask nothing: there is no slot to carry over.
    return kinds.includes('slot') || kinds.includes('name');
  }
  // A prepositional phrase with no verb or question of its own: "for councils rated good?", "in Leeds?"
  // ("in 2015, what share were good?" has both).
  return PREPOSITIONS.has(lower[0]!) && !lower.some((word) => AUXILIARIES.has(word) || QUESTION_WORDS.has(word));
}

/** Whether a message is put as a question (a question mark, or a question word or auxiliary first), not a remark. */
export function asksSomething(message: string): boolean {
  const first = followUpWords(message)[0]?.toLowerCase();
  return /\?\s*$/.test(message) || (first !== undefined && (QUESTION_WORDS.has(first) || AUXILIARIES.has(first)));
}

/** The earlier question with the follow-up read into it; a message that stands alone is returned as it is. */
export function mergeFollowUp(previous: string, current: string): string {
  if (!previous || !isFollowUp(current)) return current;
  // A year named relative to the earlier one ("the year before") becomes that year.
  const relative = relativeYear(previous, current);
  const resolved = relative ? `${current} ${relative}` : current;
  // The new question's year replaces the old one's; the rest of the old question carries over.
  const previousWithoutYears = yearsIn(resolved).length > 0 ? stripYears(previous) : previous;
  return `${previousWithoutYears} ${resolved}`.replace(/\s+/g, ' ').trim();
}

// Closed classes of English grammar, not the subjects of any one set of questions.
const CONNECTIVES = [['and'], ['but'], ['or'], ['so'], ['also'], ['plus'], ['then'], ['what', 'about'], ['how', 'about'], ['what', 'of'], ['same', 'for'], ['same', 'question'], ['likewise']];
const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "what's", "who's", "how's", "where's", "isn't", "aren't", "wasn't", "weren't", "didn't", "doesn't", "don't", "hasn't", "haven't"]);
const REFERENCES = new Set(['it', 'its', 'they', 'them', 'their', 'theirs', 'this', 'that', 'these', 'those', 'he', 'him', 'his', 'she', 'her', 'hers', 'same', 'such', 'ones', 'former', 'latter', 'above', 'previous']);
const PREPOSITIONS = new Set(['in', 'for', 'at', 'of', 'on', 'by', 'from', 'to', 'with', 'about', 'during', 'since', 'before', 'after', 'between', 'among', 'over', 'under', 'across', 'within', 'outside', 'versus', 'vs']);
const FUNCTION_WORDS = new Set([
  ...PREPOSITIONS,
  ...['the', 'a', 'an', 'any', 'all', 'some', 'each', 'every', 'no', 'not', 'much', 'many', 'more', 'most', 'fewer', 'less', 'least', 'few', 'other', 'another'],
  ...['there', 'here', 'then', 'now', 'too', 'only', 'just', 'as', 'well', 'again', 'instead', 'please', 'ok', 'okay', 'than', 'else', 'ever', 'still', 'yet', 'very'],
  ...['i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'one'],
]);
/** Words that place a question in time rather than give it a subject: "the year before", "last year". */
const TIME_WORDS = new Set(['year', 'years', 'month', 'months', 'quarter', 'period', 'decade', 'time', 'last', 'next', 'latest', 'earlier', 'later', 'previous', 'prior', 'following', 'recent', 'recently', 'ago', 'today', 'currently']);
/** Ofsted's grades: with years and places, the slots a follow-up most often changes. */
const GRADE_WORDS = new Set(['outstanding', 'good', 'adequate', 'inadequate', 'requires', 'improvement', 'ri']);

type WordKind = 'grammar' | 'slot' | 'name' | 'content' | 'gibberish';

function followUpWords(question: string): string[] {
  return question
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'%./-]+/gu, ' ')
    .split(' ')
    .map((word) => word.replace(/^[.'/-]+|[.'/-]+$/g, ''))
    .filter(Boolean);
}

function opensWithConnective(lower: readonly string[]): boolean {
  return CONNECTIVES.some((phrase) => phrase.every((word, index) => lower[index] === word));
}

/** A pronoun or demonstrative that points back: not one that follows a noun ("councils that ...") or the message's own subject. */
function refersBack(words: readonly string[]): boolean {
  return words.some((word, index) => {
    if (!REFERENCES.has(word.toLowerCase())) return false;
    const before = index === 0 ? undefined : words[index - 1]!;
    return before === undefined || wordKind(before) !== 'content';
  });
}

function wordKind(word: string): WordKind {
  const lower = word.toLowerCase();
  if (QUESTION_WORDS.has(lower) || AUXILIARIES.has(lower) || FUNCTION_WORDS.has(lower) || REFERENCES.has(lower)) return 'grammar';
  if (/\d/.test(lower) || TIME_WORDS.has(lower) || GRADE_WORDS.has(lower)) return 'slot';
  if (!looksLikeWord(lower)) return 'gibberish';
  // A capital letter marks a name: a place, a council, a person.
  if (/^\p{Lu}/u.test(word)) return 'name';
  return 'content';
}

/** Letters that could be a word: a vowel, and no run of four consonants or three of one letter ("zzkj", "xxxx"). */
function looksLikeWord(lower: string): boolean {
  if (!/^\p{L}/u.test(lower)) return true;
  if (!/^[a-z'-]+$/.test(lower)) return true; // other scripts are not judged
  return /[aeiouy]/.test(lower) && !/[^aeiouy'-]{4}/.test(lower) && !/(.)\1\1/.test(lower);
}

/** "the year before" / "the previous year" / "the year after" as a year, when the earlier question names one. */
function relativeYear(previous: string, current: string): string | undefined {
  const years = yearsIn(previous);
  if (years.length !== 1 || yearsIn(current).length > 0) return undefined;
  const year = Number(/\d{4}/.exec(years[0]!)?.[0]);
  if (!Number.isFinite(year)) return undefined;
  const text = current.toLowerCase();
  if (/\b(?:year|years) (?:before|earlier|prior)\b|\b(?:previous|prior|preceding) year\b/.test(text)) return String(year - 1);
  if (/\b(?:year|years) (?:after|later)\b|\b(?:following|next) year\b/.test(text)) return String(year + 1);
  return undefined;
}

function stripYears(text: string): string {
  return text.replace(/\b(?:19|20)\d\d(?:\s?[/\-–]\s?(?:19|20)?\d\d)?\b/g, ' ');
}

/**
 * A message that greets or thanks rather than asks ("hi!", "how's your day going?", "thanks, that's
 * great"): it is answered with a word of its own, not with the closest extracts of the reports, which
 * would fill a channel with quotes nobody asked for. Only a whole message of such words counts: "hi,
 * what share of councils were inadequate?" and "thanks to the new framework, how many improved?"
 * are questions.
 */
export type SocialMessage = 'greeting' | 'thanks';

const GREETING = String.raw`(?:hi|hello|hey|heya|hiya|howdy|yo|hola|greetings|good (?:morning|afternoon|evening|day)|morning|afternoon|evening)`;
const ADDRESSEE = String.raw`(?:there|all|everyone|everybody|team|folks|friend|mate|citeline|bot)`;
const HOW_ARE_YOU = String.raw`(?:how (?:are|r) (?:you|u|things)(?: doing)?(?: today)?|how(?:'s| is) it going|how(?:'s| is) (?:your|ur) day(?: going)?|how(?:'s| is) things|how do you do|what'?s up|sup|you ok|are you (?:ok|there|awake))`;
// Not "ta", which in these reports is as likely a teaching assistant.
const THANKS_WORD = String.raw`(?:thanks|thank you|thank u|thankyou|thx|ty|cheers|many thanks|much appreciated|appreciated|appreciate it)`;
const PRAISE = String.raw`(?:ok|okay|great|perfect|brilliant|lovely|nice|cool|super|awesome|excellent|good|helpful|useful|very helpful|really helpful|very useful|nice one|that'?s (?:great|helpful|useful|perfect|brilliant|it)|that is (?:great|helpful|useful|perfect)|got it)`;
const THANKS_TAIL = String.raw`(?:a lot|so much|very much|a million|again|indeed|loads|heaps|for (?:that|this|the (?:answer|help|info)|your help|helping)|${ADDRESSEE})`;

const GREETING_MESSAGE = new RegExp(
  String.raw`^(?:${GREETING}(?: ${ADDRESSEE}| again)?(?: ${HOW_ARE_YOU})?|${HOW_ARE_YOU}(?: ${ADDRESSEE})?)$`,
);
// "hey, thanks" and "hi thanks" are thanks with a greeting before them.
const THANKS_MESSAGE = new RegExp(String.raw`^(?:${GREETING} )?(?:${PRAISE} )*${THANKS_WORD}(?: ${THANKS_TAIL})*(?: ${PRAISE})*$`);

export function socialMessage(question: string): SocialMessage | undefined {
  const words = question
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/:[a-z0-9_+'-]+:/g, ' ') // Slack :emoji: codes
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return undefined;
  if (THANKS_MESSAGE.test(words)) return 'thanks';
  if (GREETING_MESSAGE.test(words)) return 'greeting';
  return undefined;
}
