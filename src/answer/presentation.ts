/**
 * What the terminal and Slack renderers decide alike about a reply's citations: each passage shown once,
 * the extract split around its best sentence, whether the lead is that sentence (then it is shown once),
 * and where a citation's link should open (a PDF at its page; a local file by its name, never a link).
 */
import type { Citation, Reply } from './types.js';

/**
 * Citations with one per passage id, in order: a passage cited again adds its other lines to the first
 * citation's extract (after an ellipsis) rather than showing the passage twice, and nothing it quoted is lost.
 */
export function distinctCitations(citations: readonly Citation[]): Citation[] {
  const byPassage = new Map<string, Citation>();
  for (const citation of citations) {
    const first = byPassage.get(citation.passageId);
    if (!first) {
      byPassage.set(citation.passageId, citation);
    } else if (!first.extract.includes(citation.extract.trim())) {
      byPassage.set(citation.passageId, {
        ...first,
        extract: `${first.extract.trimEnd()} … ${citation.extract.trim()}`,
        figures: [...new Set([...first.figures, ...citation.figures])],
      });
    }
  }
  return [...byPassage.values()];
}

export interface FocusParts {
  before: string;
  /** The best sentence; '' when the citation marks none (its whole extract is that sentence). */
  focus: string;
  after: string;
}

/** The extract around its focus sentence; offsets out of range are ignored rather than trusted. */
export function focusParts(citation: Pick<Citation, 'extract' | 'focus'>): FocusParts {
  const { extract, focus } = citation;
  if (!focus || !Number.isInteger(focus.start) || !Number.isInteger(focus.end) || focus.start < 0 || focus.end > extract.length || focus.start >= focus.end) {
    return { before: extract, focus: '', after: '' };
  }
  // Spaces at the edges stay outside the sentence, so that bold markers touch its first and last letters.
  const raw = extract.slice(focus.start, focus.end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return {
    before: extract.slice(0, focus.start + lead),
    focus: raw.trim(),
    after: extract.slice(focus.end - trail),
  };
}

/** The sentence a citation rests on: its focus, or the whole extract when it marks none. */
export function focusSentence(citation: Pick<Citation, 'extract' | 'focus'>): string {
  const parts = focusParts(citation);
  return parts.focus || citation.extract;
}

/** Whether the lead is citation 1's best sentence word for word: then it is shown once, in its quote. */
export function leadIsFirstFocus(reply: Pick<Reply, 'answer' | 'answered'>, first: Citation | undefined): boolean {
  if (!reply.answered || !first) return false;
  return comparable(reply.answer) === comparable(focusSentence(first));
}

function comparable(text: string): string {
  return text
    .replace(/[“”"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface CitationTarget {
  /** An http(s) address to link, at the page for a PDF; absent for a local file. */
  url?: string;
  /** A local file's name, shown instead of a link that could not open. */
  fileName?: string;
  page?: number;
}

/** Where a citation points: a web address (a PDF's opened at its page), or a local file's name. */
export function citationTarget(citation: Pick<Citation, 'source' | 'docId' | 'location' | 'page'>): CitationTarget {
  const page = citation.page ?? pageFromLocation(citation.location);
  const pageOf = page !== undefined ? { page } : {};
  let url: URL | undefined;
  try {
    url = new URL(citation.source.trim());
  } catch {
    url = undefined;
  }
  // Any other scheme (javascript:, data:) is neither a page to open nor a file to name.
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:' && !/^[a-z]:$/i.test(url.protocol)) return pageOf;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const name = citation.source.replace(/^file:\/\//, '').split(/[\\/]/).filter(Boolean).pop() ?? citation.docId;
    return { fileName: name || citation.docId, ...pageOf };
  }
  if (page !== undefined && isPdf(url.pathname, citation.docId)) url.hash = `page=${page}`;
  return { url: url.href, ...pageOf };
}

function isPdf(path: string, docId: string): boolean {
  return /\.pdf$/i.test(path) || /\.pdf$/i.test(docId);
}

/** "p. 3", the location compose gives a paged passage, until every citation carries `page` itself. */
function pageFromLocation(location: string): number | undefined {
  const match = /^p\.\s?(\d+)$/.exec(location.trim());
  return match ? Number(match[1]) : undefined;
}
