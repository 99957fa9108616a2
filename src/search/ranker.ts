/**
 * The learned ranker: a linear score over standardised signals; a confidence model that maps the
 * best window's score (and how far it leads) to the probability that it answers; and an
 * answerability model, from the same inputs, for the probability that the reports answer the
 * question at all, which decides declining. All are read from data/ranker-weights.json, which
 * `npm run train` writes with how it was obtained.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SIGNALS, type QuestionEvidence, type WindowEvidence } from './signals/index.js';
import { checkLinearLengths, linearModelSchema, linearScore, sigmoid } from './linear-model.js';
import { TERM_FEATURES } from './term-importance.js';

export { linearScore, sigmoid };

const linearSchema = linearModelSchema;

const modelSchema = z.object({
  about: z.string(),
  ranking: linearSchema,
  confidence: linearSchema,
  answerable: linearSchema,
  /** The learned term importance (term-importance.ts) that sentenceLearnedCoverage reads. */
  termImportance: linearSchema.optional(),
  /** Below this probability that the reports answer, Citeline declines and shows the closest extracts as such. */
  declineBelow: z.number().min(0).max(1),
  provenance: z.record(z.string(), z.unknown()),
});

export type RankerModel = z.infer<typeof modelSchema>;

/** What a confidence model may read of a question's best window besides its signals (rankedListInputs). */
const LIST_INPUTS = ['score', 'lead', 'share', 'agreesAnywhere', 'agreesNearTop', 'leadYearConflict'] as const;

export async function loadRankerModel(path: string): Promise<RankerModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the ranker's weights at ${path}: ${(error as Error).message}`);
  }
  return parseRankerModel(json, path);
}

export function parseRankerModel(json: unknown, where = 'ranker weights'): RankerModel {
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where} is not a valid ranker model: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const model = parsed.data;
  const linears = [['ranking', model.ranking], ['confidence', model.confidence], ['answerable', model.answerable], ...(model.termImportance ? [['termImportance', model.termImportance] as const] : [])] as const;
  for (const [name, linear] of linears) checkLinearLengths(linear, name, where);
  const weighed = [...model.ranking.features, ...model.confidence.features, ...model.answerable.features];
  if (model.termImportance) {
    const unknownFeatures = model.termImportance.features.filter((name) => !(TERM_FEATURES as readonly string[]).includes(name));
    if (unknownFeatures.length > 0) throw new Error(`${where}: termImportance names term features Citeline does not have: ${unknownFeatures.join(', ')}`);
  } else if (weighed.includes('sentenceLearnedCoverage')) {
    throw new Error(`${where}: sentenceLearnedCoverage is weighed but the model has no termImportance`);
  }
  const known = new Set<string>([...Object.keys(SIGNALS), ...LIST_INPUTS]);
  const unknown = weighed.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`${where} names signals Citeline does not have: ${[...new Set(unknown)].join(', ')}`);
  return model;
}

/** Every signal's value for one window, by name. */
export function signalValues(question: QuestionEvidence, window: WindowEvidence): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [name, signal] of Object.entries(SIGNALS)) values[name] = signal(question, window);
  return values;
}

export interface RankedWindow {
  evidence: WindowEvidence;
  values: Record<string, number>;
  score: number;
}

export class Ranker {
  constructor(readonly model: RankerModel) {}

  /** The windows best first. */
  rank(question: QuestionEvidence, windows: readonly WindowEvidence[]): RankedWindow[] {
    return windows
      .map((evidence) => {
        const values = signalValues(question, evidence);
        return { evidence, values, score: linearScore(this.model.ranking, values) };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The probability that the best window answers: from its score, how far it leads the best window
   * of another passage, and its own signals.
   */
  confidence(ranked: readonly RankedWindow[]): number {
    const top = ranked[0];
    if (!top) return 0;
    return sigmoid(linearScore(this.model.confidence, confidenceInputs(ranked)));
  }

  /** The probability that the reports answer the question at all (0 with no candidate): below declineBelow, Citeline declines. */
  answerability(ranked: readonly RankedWindow[]): number {
    if (ranked.length === 0) return 0;
    return sigmoid(linearScore(this.model.answerable, confidenceInputs(ranked)));
  }
}

/** The confidence model's inputs for a ranked list: the best window's signals, its score and its lead. */
export function confidenceInputs(ranked: readonly RankedWindow[]): Record<string, number> {
  return rankedListInputs(ranked.map((item) => ({ score: item.score, passageId: item.evidence.window.hit.passage.id, values: item.values })));
}

/**
 * The agreements a candidate must not break to state what the question pins down: the year, grade,
 * place and kind of figure (on its best sentence), and a council or region when one is asked for.
 */
const PINNED = ['sentenceYearAgreement', 'sentenceGradeAgreement', 'placeAgreement', 'sentenceFigureAgreement', 'placeAnswer'] as const;
/** How many of the best windows agreesNearTop looks at. */
const NEAR_TOP = 5;

/**
 * What a ranked list (best first) says of its best window, beside that window's own signals: its
 * score, its lead over the best window of another passage, its share of the list's softmax weight
 * (1 when nothing else comes close), and whether any window, or any of the best few, has a best
 * sentence that breaks none of the question's pinned-down items (a question on a year or place the
 * reports do not cover has none), and whether the best window names only years other than the one
 * asked (held out, three in four such leads answer nothing; a linear weight on the year agreement,
 * -1 to 1, cannot say so, since agreeing and naming no year answer alike). Training reads its
 * examples through this too.
 */
export function rankedListInputs(ranked: readonly { score: number; passageId: string; values: Readonly<Record<string, number>> }[]): Record<string, number> {
  const top = ranked[0];
  if (!top) return {};
  const rival = ranked.find((item) => item.passageId !== top.passageId);
  const share = 1 / ranked.reduce((sum, item) => sum + Math.exp(item.score - top.score), 0);
  const agrees = (item: (typeof ranked)[number]) => PINNED.every((name) => (item.values[name] ?? 0) >= 0);
  return {
    ...top.values,
    score: top.score,
    lead: rival ? top.score - rival.score : 1,
    share,
    agreesAnywhere: ranked.some(agrees) ? 1 : 0,
    agreesNearTop: ranked.slice(0, NEAR_TOP).some(agrees) ? 1 : 0,
    leadYearConflict: (top.values.yearAgreement ?? 0) < 0 ? 1 : 0,
  };
}
