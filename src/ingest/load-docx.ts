/**
 * DOCX through mammoth: converted to HTML (Heading 1-6 and Title styles become headings), then read
 * by the HTML loader's block extraction so headings survive. Images are left out.
 * Title: the first Title or Heading 1 paragraph, else the file name.
 */
import { htmlBlocks, loadHtmlParser } from './load-html.js';
import type { SourceFile } from './source-file.js';
import { assembleDocument, unreadable } from './source-file.js';
import type { LoadedDocument } from './types.js';

/**
 * Title and Subtitle become headings too. The style-id rules (`p.Heading1`) catch documents written
 * without a styles part, whose paragraphs carry a style id but no style name.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  'p.Title => h1:fresh',
  'p.Heading1 => h1:fresh',
  'p.Heading2 => h2:fresh',
  'p.Heading3 => h3:fresh',
  'p.Heading4 => h4:fresh',
  'p.Heading5 => h5:fresh',
  'p.Heading6 => h6:fresh',
];

export async function loadDocx(file: SourceFile): Promise<LoadedDocument> {
  // Imported here, not at the top: see loadHtmlParser.
  const [{ default: mammoth }] = await Promise.all([import('mammoth'), loadHtmlParser()]);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: file.bytes },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw unreadable(file, `not a readable DOCX (${docxFailure(error)})`);
  }
  const content = htmlBlocks(html);
  return assembleDocument(file, 'docx', content.blocks, content.firstH1 ? { title: content.firstH1 } : {});
}

function docxFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/central directory|zip file|end of data|signature/i.test(message)) return 'not a zip archive';
  if (/main document part/i.test(message)) return 'no word/document.xml inside';
  return message.replace(/\s+/g, ' ').trim().slice(0, 120) || 'unknown error';
}
