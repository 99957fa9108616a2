/**
 * Plain text: one block per paragraph (paragraphs are separated by blank lines), line breaks inside a
 * paragraph kept. A front matter header (`title:`, `source:` ...) is read when present.
 * Title: front matter `title:`, else the file name.
 */
import { parseFrontMatter } from './front-matter.js';
import type { SourceFile } from './source-file.js';
import { assembleDocument, decodeText, tidyLines } from './source-file.js';
import type { DocumentBlock, LoadedDocument } from './types.js';

export function loadText(file: SourceFile): LoadedDocument {
  const frontMatter = parseFrontMatter(decodeText(file));
  return assembleDocument(file, 'text', textBlocks(frontMatter.body), {}, frontMatter);
}

export function textBlocks(text: string): DocumentBlock[] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) => tidyLines(paragraph))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ text: paragraph }));
}
