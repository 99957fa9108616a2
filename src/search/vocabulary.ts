/** Loads the data files that shape matching: the domain vocabulary, the stopword list, framing words and places. */
import { parseGeneralRanks, type GeneralRanks } from './domain.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadGradeModel, type GradeModel } from '../grades/model.js';
import { parseJudgementAreas, type JudgementAreas } from './judgement-areas.js';
import { loadPlaces, type Places } from './places.js';
import { TermNormaliser } from './text-analysis.js';

const vocabularySchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(2)),
  judgementAreas: z.record(z.string(), z.union([z.array(z.string().min(1)).min(1), z.string()])),
});

export interface SearchVocabulary {
  normaliser: TermNormaliser;
  /** Groups of equivalent phrases, each phrase as its term sequence. */
  synonymGroups: string[][][];
  /** Ofsted's grades (data/grades.json), shared with the figures index. */
  grades: GradeModel;
  /** Terms that frame a question ("view", "latest figures"): searched, but not required of an answer. */
  framingTerms: Set<string>;
  /** England's regions and councils, as reports and questions name them. */
  places: Places;
  /** The parts of children's services Ofsted judges apart ("adoption", "care leavers"). */
  areas: JudgementAreas;
  /** English words by frequency rank (data/english-frequency.txt): what is everyday, not the reports' own. */
  generalRanks: GeneralRanks;
}

export async function loadSearchVocabulary(dataDir: string): Promise<SearchVocabulary> {
  const stopwordsText = await readFile(join(dataDir, 'stopwords.txt'), 'utf8');
  const stopwords = new Set(
    stopwordsText
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  const normaliser = new TermNormaliser(stopwords);
  const vocabularyPath = join(dataDir, 'domain-vocabulary.json');
  const parsed = vocabularySchema.safeParse(JSON.parse(await readFile(vocabularyPath, 'utf8')));
  if (!parsed.success) throw new Error(`${vocabularyPath} is not a valid vocabulary: ${parsed.error.message}`);
  const synonymGroups = parsed.data.groups.map((group) =>
    group.map((phrase) => normaliser.terms(phrase)).filter((terms) => terms.length > 0),
  );
  const grades = loadGradeModel(dataDir);
  const framingText = await readFile(join(dataDir, 'question-framing.txt'), 'utf8');
  const framingTerms = new Set(
    framingText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .flatMap((line) => normaliser.terms(line)),
  );
  const places = await loadPlaces(join(dataDir, 'places.txt'));
  const generalRanks = parseGeneralRanks(await readFile(join(dataDir, 'english-frequency.txt'), 'utf8'));
  return { normaliser, synonymGroups, grades, framingTerms, places, areas: parseJudgementAreas(parsed.data.judgementAreas), generalRanks };
}

/** A phrase of the question and the phrases the vocabulary says mean the same. */
export interface Expansion {
  /** The question's own terms that the alternatives stand in for. */
  phrase: string[];
  alternatives: string[][];
}

/** For each vocabulary phrase found in the question, the other phrases of its group. */
export function findExpansions(questionTerms: readonly string[], groups: readonly string[][][]): Expansion[] {
  const expansions: Expansion[] = [];
  for (const group of groups) {
    const phrase = group.find((candidate) => containsSequence(questionTerms, candidate));
    if (!phrase) continue;
    const alternatives = group.filter((other) => other !== phrase && !other.every((term) => questionTerms.includes(term)));
    if (alternatives.length > 0) expansions.push({ phrase, alternatives });
  }
  return expansions;
}

/** The distinct terms the expansions add to a question. */
export function expansionTerms(expansions: readonly Expansion[], questionTerms: readonly string[]): string[] {
  const present = new Set(questionTerms);
  const added = new Set<string>();
  for (const expansion of expansions) for (const alternative of expansion.alternatives) for (const term of alternative) if (!present.has(term)) added.add(term);
  return [...added];
}

export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
