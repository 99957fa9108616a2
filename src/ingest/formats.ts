/** Which files Citeline reads, by extension. */
import { extname } from 'node:path';
import type { DocumentFormat } from './types.js';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** The format a file is read as, from its extension (case-insensitive); undefined when unsupported. */
export function formatOf(path: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/** The reason shown for a file whose extension is not read. */
export function unsupportedReason(path: string): string {
  const extension = extname(path).toLowerCase();
  const supported = SUPPORTED_EXTENSIONS.join(' ');
  return extension
    ? `unsupported file type (${extension}; reads ${supported})`
    : `unsupported file type (no extension; reads ${supported})`;
}
