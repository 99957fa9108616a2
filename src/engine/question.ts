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

/** "and in 2019?" after "what share were inadequate in 2015?" means the same question for 2019. */
export function isFollowUp(question: string): boolean {
  const words = question.split(/\s+/).filter(Boolean);
  return words.length <= 5 || /^(and|what about|how about|same for|but|or)\b/i.test(question);
}

export function mergeFollowUp(previous: string, current: string): string {
  if (!previous || !isFollowUp(current)) return current;
  // The new question's year replaces the old one's; the rest of the old question carries over.
  const previousWithoutYears = yearsIn(current).length > 0 ? stripYears(previous) : previous;
  return `${previousWithoutYears} ${current}`.replace(/\s+/g, ' ').trim();
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
