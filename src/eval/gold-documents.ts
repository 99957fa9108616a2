/**
 * Gold documents are matched by name whatever their format ("report.md" is found as "report.pdf"),
 * and the ones missing from a reports folder are named: an eval run on the wrong folder would
 * otherwise score 0.00 without a word.
 */
import { basename, extname } from 'node:path';
import { goldSpans, type EvalQuestion } from './questions.js';

/** A document's name without folder or extension. */
export function documentName(path: string): string {
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length);
}

/**
 * The gold documents (as the questions name them) that no file in `files` matches by name.
 * `files` are report paths or document ids, with any extension.
 */
export function missingGoldDocuments(questions: readonly EvalQuestion[], files: readonly string[]): string[] {
  const present = new Set(files.map(documentName));
  const gold = new Set(questions.flatMap((question) => goldSpans(question).map((span) => span.doc)));
  return [...gold].filter((doc) => !present.has(documentName(doc))).sort();
}

/** The warning to print, or undefined when every gold document is there. */
export function missingGoldWarning(questions: readonly EvalQuestion[], files: readonly string[]): string | undefined {
  const missing = missingGoldDocuments(questions, files);
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, and ${missing.length - 5} more` : '');
  return `Warning: ${missing.length} of the questions' gold documents are not in the reports folder (matched by name without extension): ${shown}. Their questions cannot score.`;
}
