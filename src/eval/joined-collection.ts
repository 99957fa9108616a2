/**
 * A collection reshaped as long reports: its documents joined a few to a file, each under a
 * heading of its own title, and its questions pointed at the file that now holds their document.
 * The eval sets are short documents; a team's reports are often long ones whose title names the
 * whole report and whose headings name each part. Asking the same questions of both shapes shows
 * what ranking reads from a document's title that a long report gives only in its headings.
 */
import { parseFrontMatter } from '../ingest/front-matter.js';
import { documentName } from './gold-documents.js';
import type { EvalQuestion } from './questions.js';

export interface SourceDocument {
  /** The file's name in its folder ("04-lgc-poor-ratings.md"). */
  name: string;
  text: string;
}

export interface JoinedFile {
  name: string;
  text: string;
  /** Names of the documents it holds, in order. */
  holds: string[];
}

/** Documents joined `perFile` to a Markdown file, in name order; each opens with a heading of its title (or file name). */
export function joinDocuments(documents: readonly SourceDocument[], perFile: number, prefix = 'joined'): JoinedFile[] {
  if (!Number.isInteger(perFile) || perFile < 1) throw new Error(`documents per file must be a whole number of at least 1, not ${perFile}`);
  const sorted = [...documents].sort((a, b) => a.name.localeCompare(b.name));
  const files: JoinedFile[] = [];
  for (let first = 0; first < sorted.length; first += perFile) {
    const part = files.length + 1;
    const group = sorted.slice(first, first + perFile);
    const sections = group.map((document) => {
      const header = parseFrontMatter(document.text);
      const title = header.title ?? documentName(document.name);
      return `# ${title.replace(/\s+/g, ' ').trim()}\n\n${header.body.trim()}\n`;
    });
    files.push({ name: `${prefix}-${part}.md`, text: `title: Collected reports, part ${part}\n\n${sections.join('\n')}`, holds: group.map((d) => d.name) });
  }
  return files;
}

/** The questions with each gold document (doc, doc2, doc3) renamed to the joined file that holds it; others unchanged. */
export function pointQuestionsAt(questions: readonly EvalQuestion[], files: readonly JoinedFile[]): EvalQuestion[] {
  const fileOf = new Map(files.flatMap((file) => file.holds.map((name) => [documentName(name), file.name] as const)));
  const renamed = <T extends string | null | undefined>(doc: T): T | string => (typeof doc === 'string' ? (fileOf.get(documentName(doc)) ?? doc) : doc);
  return questions.map((question) => ({
    ...question,
    doc: renamed(question.doc),
    ...('doc2' in question ? { doc2: renamed(question.doc2) } : {}),
    ...('doc3' in question ? { doc3: renamed(question.doc3) } : {}),
  }));
}
