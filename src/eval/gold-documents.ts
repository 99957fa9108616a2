/**
 * Which gold documents of an eval are missing from the reports folder: an eval run on a folder of
 * converted files, or the wrong folder, would otherwise score 0.00 without a word.
 */
import { goldSpans, type EvalQuestion } from './questions.js';
import { baseName } from './metrics.js';

/**
 * The gold documents (as the questions name them) that no file in `files` matches by base name.
 * `files` are report paths or document ids, with any extension.
 */
export function missingGoldDocuments(questions: readonly EvalQuestion[], files: readonly string[]): string[] {
  const present = new Set(files.map(baseName));
  const gold = new Set(questions.flatMap((question) => goldSpans(question).map((span) => span.doc)));
  return [...gold].filter((doc) => !present.has(baseName(doc))).sort();
}

/** The warning to print, or undefined when every gold document is there. */
export function missingGoldWarning(questions: readonly EvalQuestion[], files: readonly string[]): string | undefined {
  const missing = missingGoldDocuments(questions, files);
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, and ${missing.length - 5} more` : '');
  return `Warning: ${missing.length} of the questions' gold documents are not in the reports folder (matched by name without extension): ${shown}. Their questions cannot score.`;
}
