/**
 * What kind of statement a question asks for, beyond its words: a reason ("why ...?"), a
 * consequence ("what's the knock-on ...?") or a recommendation ("what did they want done?"). The
 * sentence that answers says so in its own connectives ("because", "therefore", "should"), where a
 * sentence restating the question's premise shares more of its words but none of them.
 */
import { foldText } from './text-analysis.js';

export type Intent = 'reason' | 'consequence' | 'recommendation';

const ASKS: Record<Intent, RegExp> = {
  reason: /^\s*why\b|\bwhy (?:did|do|does|is|are|was|were|has|have)\b|\breasons?\b|\bwhat (?:caused|causes|is causing|drove|drives|is driving)\b/,
  consequence: /\bknock-?on\b|\bconsequences?\b|\bwhat (?:happens|happened|follows|followed)\b|\bwhat (?:is|was|are|were) the (?:effects?|impact|results?|outcome)\b|\bwhat (?:effect|impact)\b|\bleads? to what\b/,
  recommendation: /\brecommend(?:s|ed|ations?)?\b|\bwant(?:s|ed)? (?:done|to see)\b|\bcall(?:s|ed)? for\b|\burg(?:e|es|ed)\b|\bpropos(?:e|es|ed|als?)\b|\bwhat should\b|\bwhat needs? to\b/,
};

const SAYS: Record<Intent, RegExp> = {
  reason: /\b(?:because|due to|owing to|as a result of|caused by|driven by|thanks to|stems? from|the reason)\b/,
  consequence: /\b(?:therefore|as a result|consequently|so that|leading to|led to|leads to|which means|means that|resulting in|results? in|thus|hence)\b/,
  recommendation: /\b(?:should|must|recommend(?:s|ed|ations?)?|calls? for|called for|urg(?:e|es|ed)|needs? to|propos(?:e|es|ed))\b/,
};

const INTENTS = Object.keys(ASKS) as Intent[];

export function intentsAsked(question: string): Intent[] {
  const lower = foldText(question).toLowerCase();
  return INTENTS.filter((intent) => ASKS[intent].test(lower));
}

/** Whether a sentence states a statement of this kind, by its connectives. */
export function states(intent: Intent, sentence: string): boolean {
  return SAYS[intent].test(foldText(sentence).toLowerCase());
}
