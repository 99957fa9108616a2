/**
 * HTML: the visible text of the page as blocks (one per paragraph, list item, table row...), each under
 * the nearest h1-h6 above it. Scripts, styles, navigation, footers, forms' option lists and hidden
 * elements are dropped; entities are decoded by the parser (htmlparser2).
 * Title: front matter `title:`, else <title>, else og:title, else the first <h1>, else the file name.
 * Source: front matter `source:`, else <link rel="canonical"> or og:url, else the file path.
 */
import { parseFrontMatter } from './front-matter.js';
import type { SourceFile } from './source-file.js';
import { TableReader } from './table-row.js';
import { assembleDocument, decodeText } from './source-file.js';
import type { DocumentBlock, LoadedDocument } from './types.js';
import { fail } from '../util/fail.js';

type HtmlParser = typeof import('htmlparser2');
let htmlParser: HtmlParser | undefined;

/**
 * htmlparser2, imported on first use by an await here rather than a static import: in the ingest
 * worker's bundle a static one would be hoisted to its top and imported by every ingest, HTML or not.
 */
export async function loadHtmlParser(): Promise<void> {
  htmlParser ??= await import('htmlparser2');
}

export async function loadHtml(file: SourceFile): Promise<LoadedDocument> {
  await loadHtmlParser();
  const frontMatter = parseFrontMatter(decodeText(file));
  const page = htmlBlocks(frontMatter.body);
  const title = page.title ?? page.firstH1;
  return assembleDocument(
    file,
    'html',
    page.blocks,
    {
      ...(title ? { title } : {}),
      ...(page.canonical ? { source: page.canonical } : {}),
      ...(page.publisher ? { publisher: page.publisher } : {}),
      ...(page.date ? { date: page.date } : {}),
    },
    frontMatter,
  );
}

export interface HtmlContent {
  blocks: DocumentBlock[];
  /** <title>, else og:title. */
  title?: string;
  firstH1?: string;
  canonical?: string;
  publisher?: string;
  date?: string;
}

/** Elements whose content is never shown as text of the document. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'footer', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'datalist', 'button', 'head',
]);

/** Elements that start a new block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

/** A colspan beyond this is a layout table's, not a table of figures. */
const MAX_SPAN = 20;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const PUBLISHER_META = new Set(['og:site_name', 'publisher', 'dc.publisher', 'dcterms.publisher', 'citation_publisher']);
const DATE_META = new Set([
  'article:published_time', 'date', 'dc.date', 'dcterms.date', 'dcterms.issued', 'citation_publication_date',
  'pubdate', 'publish-date',
]);

/** Parses HTML into blocks and the page's metadata, once loadHtmlParser() has resolved. Exported for the DOCX loader, which goes through HTML. */
export function htmlBlocks(html: string): HtmlContent {
  const result: HtmlContent = { blocks: [] };
  const stack: { name: string; skipped: boolean }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let heading: string | undefined;
  let headingBuffer: string | undefined;
  let headingLevel = 0;
  let titleBuffer: string | undefined;
  let ogTitle: string | undefined;
  let ogUrl: string | undefined;
  let buffer = '';
  // Inside a table row: its cells so far, and the text of the cell being read. Blocks inside a cell
  // (a DOCX cell's <p>) do not end it: the row is one block, read as a sentence (tableRowText).
  let rowCells: string[] | undefined;
  let rowSpans: number[] = [];
  let cellBuffer: string | undefined;
  let cellSpan = 1;
  // The tables open around the row, innermost last: each reads its rows by its header.
  const tables: TableReader[] = [];

  const flush = () => {
    if (cellBuffer !== undefined) {
      cellBuffer += ' ';
      return;
    }
    const text = buffer
      .split('\n')
      .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    buffer = '';
    if (text) result.blocks.push(heading ? { text, heading } : { text });
  };
  const append = (text: string) => {
    if (headingBuffer !== undefined) headingBuffer += text;
    else if (cellBuffer !== undefined) cellBuffer += text;
    else buffer += text;
  };
  const endCell = () => {
    if (cellBuffer === undefined) return;
    rowCells?.push(cellBuffer);
    rowSpans.push(cellSpan);
    cellBuffer = undefined;
  };
  const endRow = () => {
    endCell();
    if (rowCells === undefined) return;
    const text = (tables.at(-1) ?? new TableReader()).row(rowCells, rowSpans);
    rowCells = undefined;
    rowSpans = [];
    if (text) result.blocks.push(heading ? { text, heading } : { text });
  };

  const { Parser } = htmlParser ?? fail('htmlBlocks: call loadHtmlParser() first');
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden =
          attributes.hidden !== undefined ||
          attributes['aria-hidden'] === 'true' ||
          attributes.role === 'navigation' ||
          /display\s*:\s*none/i.test(attributes.style ?? '');
        const skipped = skipDepth > 0 || SKIPPED.has(name) || hidden;
        stack.push({ name, skipped });
        if (name === 'title' && result.title === undefined && !stack.some((open) => open.name === 'svg')) titleBuffer = '';
        if (name === 'meta') readMeta(attributes);
        if (name === 'link' && /\bcanonical\b/i.test(attributes.rel ?? '') && isWebAddress(attributes.href)) {
          result.canonical ??= attributes.href!.trim();
        }
        if (skipped) {
          skipDepth += 1;
          return;
        }
        if (name === 'table') tables.push(new TableReader());
        if (name === 'tr') {
          endRow();
          flush();
          rowCells = [];
        } else if ((name === 'td' || name === 'th') && rowCells !== undefined) {
          endCell();
          cellBuffer = '';
          cellSpan = Math.min(MAX_SPAN, Number.parseInt(attributes.colspan ?? '1', 10) || 1);
        } else if (HEADINGS.has(name) && cellBuffer === undefined) {
          flush();
          headingBuffer = '';
          headingLevel = Number(name[1]);
        } else if (BLOCKS.has(name)) {
          flush();
          if (name === 'pre') preDepth += 1;
        } else if (name === 'br') {
          append('\n');
        } else if ((name === 'td' || name === 'th') && buffer.trim() !== '') {
          // A cell outside any row (malformed HTML): kept apart from the text before it.
          append(' | ');
        }
      },
      ontext(data) {
        if (titleBuffer !== undefined) {
          titleBuffer += data;
          return;
        }
        if (skipDepth > 0) return;
        append(preDepth > 0 && headingBuffer === undefined ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened (implied closes included), so this pops its own entry.
        const index = stack.map((entry) => entry.name).lastIndexOf(name);
        if (index === -1) return;
        const [entry] = stack.splice(index);
        if (name === 'title' && titleBuffer !== undefined) {
          const title = collapse(titleBuffer);
          if (title) result.title = title;
          titleBuffer = undefined;
        }
        if (entry!.skipped) {
          skipDepth = stack.filter((open) => open.skipped).length;
          return;
        }
        if (name === 'td' || name === 'th') {
          endCell();
        } else if (name === 'tr' || name === 'table') {
          endRow();
          if (name === 'table') tables.pop();
        } else if (HEADINGS.has(name) && headingBuffer !== undefined) {
          const text = collapse(headingBuffer);
          headingBuffer = undefined;
          if (text) {
            heading = text;
            if (headingLevel === 1) result.firstH1 ??= text;
          }
        } else if (BLOCKS.has(name)) {
          flush();
          if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );

  function readMeta(attributes: Record<string, string>) {
    const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').trim().toLowerCase();
    const content = collapse(attributes.content ?? '');
    if (!key || !content) return;
    if (key === 'og:title') ogTitle ??= content;
    else if (key === 'og:url' && isWebAddress(content)) ogUrl ??= content;
    else if (PUBLISHER_META.has(key)) result.publisher ??= content;
    else if (DATE_META.has(key)) result.date ??= /^\d{4}-\d{2}-\d{2}T/.test(content) ? content.slice(0, 10) : content;
  }

  parser.write(html);
  parser.end();
  endRow();
  flush();
  if (result.title === undefined && ogTitle) result.title = ogTitle;
  if (result.canonical === undefined && ogUrl) result.canonical = ogUrl;
  return result;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function isWebAddress(value: string | undefined): boolean {
  return value !== undefined && /^https?:\/\/\S+$/i.test(value.trim());
}
