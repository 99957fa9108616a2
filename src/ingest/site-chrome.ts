/**
 * The lines a web page carries around its article, which reports saved from the web keep: cookie
 * notices, "Skip to main content", newsletter sign-ups, comment counts. They are no part of the
 * report, and quoted as evidence they answer nothing (a newsletter's promise to keep the reader's
 * address private was once cited as an answer). A block that is only that is dropped at load.
 */
import type { LoadedDocument } from './types.js';

/** Longer than this, a block is text of the report, whatever it mentions. */
const MAX_CHROME_WORDS = 60;

const CHROME = [
  /\bcookies?\b.*\b(?:disabled|enabled?|consent|accept|settings|policy)\b|\b(?:use|uses|using) cookies\b/i,
  // Skip links alone: a byline may follow them in the same block ("Skip to main content Amanda Kelly").
  /^\W*(?:skip to (?:main )?(?:content|navigation)\W*)+$/i,
  /\bunsubscribe\b/i,
  /\bsign up (?:to|for)\b.*\b(?:email|newsletter|bulletin|alerts?)\b/i,
  /\bshare (?:in the comments|this (?:article|page|story)|on (?:twitter|facebook|linkedin|x))\b/i,
  /^\W*(?:\d+\s+)?comments?\W*$/i,
  /\bclick to like\b|\blike us on facebook\b|\bfollow us on (?:twitter|x|facebook|linkedin)\b/i,
  /\ball rights reserved\b|\bprivacy (?:policy|notice)\b|\bterms (?:and|&) conditions\b/i,
  // Notices to the reader about their browser: that it is out of date or unsupported, advice to
  // update it or switch to another (not a report's own words about browsers).
  /\byour browser (?:is|appears|may|does)\b|\b(?:we recommend|please) (?:that )?(?:you )?(?:upgrade|update|use|switch)\b.{0,60}\bbrowser\b/i,
  // Links to elsewhere: "Follow this link for more details", "Click here"; a teaser ending "Read on".
  /\b(?:follow|click) (?:this|the) link\b|\bclick here\b/i,
  // Within its last line, so that a block of many blank lines (a code block) is not scanned from each.
  /(?:^|\n)[^\w\n]*(?:read (?:on|more)|continue reading|find out more)\W*$/i,
];

export function isSiteChrome(text: string): boolean {
  return hasWordsUpTo(text, MAX_CHROME_WORDS) && CHROME.some((pattern) => pattern.test(text));
}

/**
 * Whether `text` has at least one word and at most `max`, read no further than the word after the
 * limit: a 30 MB report without a blank line is one block, and splitting it all into words to count
 * them took most of a second.
 */
function hasWordsUpTo(text: string, max: number): boolean {
  const word = /\S+/g;
  let count = 0;
  while (word.exec(text)) if (++count > max) return false;
  return count > 0;
}

/** The document without its blocks of site chrome; unchanged if that would leave nothing. */
export function withoutSiteChrome(document: LoadedDocument): LoadedDocument {
  const blocks = document.blocks.filter((block) => !isSiteChrome(block.text));
  return blocks.length === 0 || blocks.length === document.blocks.length ? document : { ...document, blocks };
}
