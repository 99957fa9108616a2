/**
 * A generated corpus of any size for the benchmark: Markdown reports made of sentences in this
 * domain's shape (grades, years, figures, bodies), from a seeded generator so runs compare.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Adequate', 'Inadequate'];
const BODIES = ['councils', 'local authorities', "children's homes", 'fostering services', 'adoption agencies', 'academies'];
const ORGS = ['Ofsted', 'the National Audit Office', 'the Local Government Association', 'the Department for Education', 'iMPOWER', 'ADCS'];
const TOPICS = [
  'staff turnover', 'agency social workers', 'referral volumes', 'early help', 'leadership', 'caseloads', 'court proceedings',
  'placement stability', 'care leavers', 'inspection frameworks', 'improvement plans', 'budget pressures', 're-referral rates',
];
const VERBS = ['rose', 'fell', 'stayed level', 'doubled', 'improved', 'declined', 'varied widely'];
const REGIONS = ['the North West', 'London', 'the South East', 'the Midlands', 'the North East', 'the South West', 'Yorkshire'];

/** Mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many sentences state a figure. The 30 real documents of the eval set hold about 1.6 figures
 * per 100 words; "like-reports" matches that, "dense" (every figure template, as earlier benchmarks
 * used) holds about 4.4, the worst case for the figures index.
 */
export type FigureDensity = 'like-reports' | 'dense';
const FIGURE_SHARE: Record<FigureDensity, number> = { 'like-reports': 0.22, dense: 0.6 };

export function syntheticSentence(random: () => number, density: FigureDensity = 'like-reports'): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const year = 2005 + Math.floor(random() * 20);
  const percent = Math.floor(random() * 100);
  if (random() < FIGURE_SHARE[density]) {
    switch (Math.floor(random() * 3)) {
      case 0:
        return `In ${year}, ${percent}% of ${pick(BODIES)} inspected were rated ${pick(GRADES)}.`;
      case 1:
        return `Spending on ${pick(TOPICS)} reached £${1 + Math.floor(random() * 400)} million a year, according to ${pick(ORGS)}.`;
      default:
        return `After an ${pick(GRADES)} judgement, ${pick(TOPICS)} and ${pick(TOPICS)} ${pick(VERBS)} by up to ${percent}%.`;
    }
  }
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${capitalise(pick(ORGS))} reported that ${pick(TOPICS)} ${pick(VERBS)} in ${pick(REGIONS)} during ${year}/${String((year + 1) % 100).padStart(2, '0')}.`;
    case 1:
      return `${capitalise(pick(ORGS))} said that ${pick(TOPICS)} matter more than ${pick(TOPICS)} when ${pick(BODIES)} try to improve.`;
    case 2:
      return `Inspectors found that ${pick(BODIES)} rated ${pick(GRADES)} struggled with ${pick(TOPICS)} and ${pick(TOPICS)}.`;
    default:
      return `${capitalise(pick(ORGS))} warned that ${pick(TOPICS)} in ${pick(REGIONS)} would not improve without ${pick(TOPICS)}.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Writes about `passages` passages' worth of reports into `dir`: documents of ten sections, each
 * section one passage of roughly 110 words (the chunker's target), with figures at `density`.
 */
export async function writeSyntheticCorpus(dir: string, passages: number, seed = 42, density: FigureDensity = 'like-reports'): Promise<{ documents: number }> {
  const random = seededRandom(seed);
  await mkdir(dir, { recursive: true });
  const sectionsPerDocument = 10;
  const documents = Math.max(1, Math.ceil(passages / sectionsPerDocument));
  for (let d = 0; d < documents; d++) {
    const lines = [`title: Synthetic report ${d + 1}`, `source: https://example.org/synthetic/${d + 1}`, '', `# Synthetic report ${d + 1}`, ''];
    for (let s = 0; s < sectionsPerDocument; s++) {
      lines.push(`## Section ${s + 1}`, '');
      const sentences: string[] = [];
      let words = 0;
      while (words < 110) {
        const sentence = syntheticSentence(random, density);
        sentences.push(sentence);
        words += sentence.split(' ').length;
      }
      lines.push(sentences.join(' '), '');
    }
    await writeFile(join(dir, `synthetic-${String(d + 1).padStart(6, '0')}.md`), lines.join('\n'));
  }
  return { documents };
}

/** Questions in the corpus's own words, for latency runs. */
export function syntheticQuestions(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentence = syntheticSentence(random).replace(/\.$/, '');
    questions.push(`what did they say about ${sentence.split(' ').slice(2, 9).join(' ')}?`);
  }
  return questions;
}

/**
 * One plain-text report of about `megabytes` MB, without a heading or a blank line: generated
 * sentences hard-wrapped at 76 characters, the worst case for splitting a section into sentences.
 */
export async function writeLargeTextFile(path: string, megabytes: number, seed: number): Promise<number> {
  const random = seededRandom(seed);
  const target = Math.round(megabytes * 1024 * 1024);
  const lines: string[] = [];
  let size = 0;
  let line = '';
  while (size < target) {
    for (const word of syntheticSentence(random).split(' ')) {
      if (line.length + word.length + 1 > 76) {
        lines.push(line);
        size += line.length + 1;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  await mkdir(join(path, '..'), { recursive: true });
  const text = `${lines.join('\n')}\n`;
  await writeFile(path, text);
  return Buffer.byteLength(text);
}
