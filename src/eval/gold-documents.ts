/** Gold documents are matched by name whatever their format: "report.md" is found as "report.pdf" too. */
import { readdir } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { EvalQuestion } from './questions.js';
import { goldSpans } from './questions.js';

/** A document's name without folder or extension. */
export function documentName(path: string): string {
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length);
}

/** One warning per gold document the reports folder does not hold in any format. */
export async function missingGoldDocuments(questions: readonly EvalQuestion[], reportsDir: string): Promise<string[]> {
  const present = new Set((await readdir(reportsDir, { recursive: true })).map((entry) => documentName(String(entry))));
  const missing = new Set<string>();
  for (const question of questions) for (const span of goldSpans(question)) if (!present.has(documentName(span.doc))) missing.add(span.doc);
  return [...missing].map((doc) => `gold document ${doc} is not in ${reportsDir} (in any format): its questions cannot score`);
}
