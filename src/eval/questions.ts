/** The eval question file: JSON Lines, as ../shared/eval/questions.dev.jsonl. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const questionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  doc: z.string().nullable(),
  answer: z.string().nullable(),
  kind: z.string(),
  doc2: z.string().nullable().optional(),
  answer2: z.string().nullable().optional(),
  doc3: z.string().nullable().optional(),
  answer3: z.string().nullable().optional(),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

export async function readEvalQuestions(path: string): Promise<EvalQuestion[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const questions: EvalQuestion[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${index + 1}: not valid JSON`);
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    questions.push(parsed.data);
  });
  return questions;
}

/** Gold spans a citation may contain: the answer, and the same fact (or other half) in a second or third line or document. */
export function goldSpans(question: EvalQuestion): { doc: string; answer: string }[] {
  const spans: { doc: string; answer: string }[] = [];
  if (question.doc && question.answer) spans.push({ doc: question.doc, answer: question.answer });
  if (question.doc2 && question.answer2) spans.push({ doc: question.doc2, answer: question.answer2 });
  if (question.doc3 && question.answer3) spans.push({ doc: question.doc3, answer: question.answer3 });
  return spans;
}
