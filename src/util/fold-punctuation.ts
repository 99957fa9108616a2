/**
 * Curly and straight quotes, and the dashes, folded to one form, so that text written with one
 * matches text written with the other: ‘Good’ and 'Good', “Good” and "Good", 2013–14 and 2013-14.
 * For matching only: what is shown is always the text as written. NFKC also takes ligatures apart
 * ("ﬁ" to "fi") and full-width forms to plain ones.
 */
export function foldPunctuation(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}
