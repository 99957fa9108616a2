/**
 * The baseline every answer-quality figure is shown beside: plain BM25 over passages of about 80
 * words (the document's title included), no vectors, no re-ranking, never declining. It reads the
 * reports with Citeline's own loaders, so both systems see the same text.
 */
import { findReportFiles } from '../ingest/discover.js';
import { loadDocuments } from '../ingest/load-document.js';
import type { TermNormaliser } from '../search/text-analysis.js';

const PASSAGE_WORDS = 80;
const K1 = 1.2;
const B = 0.75;

interface BaselinePassage {
  docId: string;
  extract: string;
  terms: Map<string, number>;
  length: number;
}

export class Bm25Baseline {
  private constructor(
    private readonly passages: BaselinePassage[],
    private readonly documentFrequency: Map<string, number>,
    private readonly averageLength: number,
    private readonly normaliser: TermNormaliser,
  ) {}

  static async build(reportsDir: string, normaliser: TermNormaliser): Promise<Bm25Baseline> {
    const { files, root } = await findReportFiles([reportsDir]);
    const passages: BaselinePassage[] = [];
    for await (const outcome of loadDocuments(files, root)) {
      if (!('document' in outcome)) continue;
      const { document } = outcome;
      const words = document.blocks.map((block) => block.text).join('\n\n').split(/\s+/).filter(Boolean);
      for (let start = 0; start < words.length; start += PASSAGE_WORDS) {
        const extract = words.slice(start, start + PASSAGE_WORDS).join(' ');
        const terms = new Map<string, number>();
        const all = normaliser.terms(`${document.title}\n${extract}`);
        for (const term of all) terms.set(term, (terms.get(term) ?? 0) + 1);
        passages.push({ docId: document.id, extract, terms, length: all.length });
      }
    }
    const documentFrequency = new Map<string, number>();
    for (const passage of passages) for (const term of passage.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const averageLength = passages.reduce((sum, p) => sum + p.length, 0) / Math.max(1, passages.length);
    return new Bm25Baseline(passages, documentFrequency, averageLength, normaliser);
  }

  /** The `limit` best passages for a question, best first. */
  search(question: string, limit: number): { docId: string; extract: string }[] {
    const terms = [...new Set(this.normaliser.terms(question))];
    const n = this.passages.length;
    return this.passages
      .map((passage) => {
        let score = 0;
        for (const term of terms) {
          const tf = passage.terms.get(term) ?? 0;
          if (tf === 0) continue;
          const df = this.documentFrequency.get(term) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * passage.length) / this.averageLength));
        }
        return { passage, score };
      })
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ passage }) => ({ docId: passage.docId, extract: passage.extract }));
  }
}
