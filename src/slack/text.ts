/**
 * Making untrusted text (questions, report extracts, titles) safe to put in Slack mrkdwn.
 * Slack treats `<...>` as mentions and links and `&` as the start of an entity, so those three characters
 * are escaped everywhere; a few layout characters are defused where they would break our own layout.
 */

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Control characters (other than newline and tab), and the bidi override/isolate controls that can make text
 * display in a different order from the one it is stored in. Right-to-left letters themselves are kept.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Drops control and bidi-override characters and folds runs of blank lines. Never throws. */
export function sanitiseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\n{3,}/g, '\n\n');
}

/** Slack's three escapes: after this, `<!channel>` and `<@U123>` display as text and never ping. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escaped and defused for use inside our blocks: no control characters, no code fences that would swallow the
 * rest of the message, no line that Slack would turn into a quote of its own.
 */
export function toSafeMrkdwn(text: string): string {
  return escapeSlackText(sanitiseText(text))
    .replace(/```/g, `\`${ZERO_WIDTH_SPACE}\`${ZERO_WIDTH_SPACE}\``)
    .replace(/^(\s*)&gt;/gm, `$1${ZERO_WIDTH_SPACE}&gt;`);
}

/**
 * Shortens text that is already escaped to at most `max` characters, ending with an ellipsis.
 * It never cuts an entity (`&amp;`) or a surrogate pair in half, which would show as garbage.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const ampersand = text.lastIndexOf('&', cut);
  if (ampersand !== -1 && ampersand > cut - 6) {
    const semicolon = text.indexOf(';', ampersand);
    if (semicolon === -1 || semicolon >= cut) cut = ampersand;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Cuts raw (unescaped) text to `max` characters with an ellipsis, keeping surrogate pairs whole. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * A URL that may go inside `<url|label>`: http or https only (no `javascript:`, `file:` or Slack's own
 * `<!...>` forms), and with the characters that would end the link early percent-encoded.
 */
export function safeLinkUrl(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** `<url|label>` when the URL is safe, otherwise the label (or the raw source) as plain escaped text. */
export function linkOrText(url: string, label: string): string {
  const safe = safeLinkUrl(url);
  const safeLabel = toSafeMrkdwn(label || url).replace(/\n/g, ' ');
  return safe ? `<${safe}|${safeLabel}>` : safeLabel;
}

/** Slack user ids only: anything else must not be placed inside `<@...>`. */
export function isSlackUserId(value: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(value);
}
