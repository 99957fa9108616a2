/**
 * A small deterministic CitelineEngine for the Slack tests. It echoes the question (and the previous question,
 * so thread context can be checked) and quotes fixed extracts, one of which contains `<!channel>` and `<@U123>`
 * as a hostile report might. Swap in the real engine here to run the Slack tests over reports/.
 */
import type { Citation, Reply } from '../../src/answer/types.js';
import type { AskOptions, CitelineEngine, IndexAbout, IndexedSource, IngestSummary } from '../../src/engine/types.js';
import { loadStatsVocabulary, parseStatsQuery } from '../../src/stats/index.js';
import type { StatsMatches, StatsQuery } from '../../src/stats/types.js';

export const NO_ANSWER = 'The reports I have do not seem to answer that. These are the closest extracts:';

export const CITATIONS: Citation[] = [
  {
    passageId: 'brave-new-world.md#p12',
    docId: 'brave-new-world.md',
    title: 'A brave new world (summary)',
    source: 'https://schoolsimprovement.net/a-brave-new-world-is-inspection-improving-childrens-services/',
    location: 'How council ratings changed between 2007/08 and 2015',
    extract: 'By 2015, 28% of councils were rated Inadequate.',
    score: 0.91,
    figures: ['28%'],
  },
  {
    passageId: 'hostile.md#p1',
    docId: 'hostile.md',
    title: 'Notes <!here> & more',
    source: 'javascript:alert(1)',
    location: 'p. 3',
    extract: 'Attention <!channel> and <@U123>: see <https://evil.example|this link>.\n> not a quote\n```stray fence',
    score: 0.5,
    figures: [],
  },
  {
    passageId: 'ofsted-grades.md#p4',
    docId: 'ofsted-grades.md',
    title: 'Ofsted grades under the single inspection framework',
    source: 'https://www.gov.uk/government/statistics',
    location: 'p. 2',
    extract: 'In 2015, 55% of councils were rated Requires improvement.',
    score: 0.4,
    figures: [],
  },
];

/** What a larger maxCitations finds beyond CITATIONS: the answer a reader wanted, in the fourth passage. */
export const FURTHER_CITATIONS: Citation[] = Array.from({ length: 7 }, (_, i) => ({
  passageId: `further.pdf#p${i + 1}`,
  docId: 'further.pdf',
  title: 'Further evidence (PDF)',
  source: 'https://example.org/further.pdf',
  location: `p. ${i + 2}`,
  page: i + 2,
  extract: `Further extract number ${i + 1} about council ratings.`,
  score: 0.3 - i * 0.01,
  figures: [],
}));

export interface EngineCall {
  kind: 'ask' | 'find';
  question: string;
  options: AskOptions;
}

export class TestEngine implements CitelineEngine {
  readonly calls: EngineCall[] = [];
  reindexCount = 0;
  /** Read once per engine, as the real engine reads it when it opens. */
  private readonly statsVocabulary = loadStatsVocabulary('data');

  async ask(question: string, options: AskOptions = {}): Promise<Reply> {
    this.calls.push({ kind: 'ask', question, options });
    return this.reply(question, options);
  }

  /** No figures here: the stats tests use the real engine over reports/. */
  async stats(query: string): Promise<{ query: StatsQuery } & StatsMatches> {
    return { query: parseStatsQuery(query, this.statsVocabulary), figures: [], everyWord: true, partly: 0 };
  }

  async findSources(claim: string, options: AskOptions = {}): Promise<Reply> {
    this.calls.push({ kind: 'find', question: claim, options });
    return this.reply(claim, options);
  }

  sources(): IndexedSource[] {
    return [
      { docId: 'brave-new-world.md', title: 'A brave new world (summary)', source: 'https://schoolsimprovement.net/a-brave-new-world/', passages: 14 },
      { docId: 'local.md', title: 'Local notes <!channel>', source: 'reports/local.md', passages: 1 },
    ];
  }

  about(): IndexAbout {
    return { documents: 2, passages: 15, model: 'models/test-model', builtAt: '2026-11-30T09:15:00.000Z' };
  }

  async reindex(): Promise<IngestSummary> {
    this.reindexCount += 1;
    return { documents: 4, passages: 57, added: ['a.md'], updated: [], removed: [], unchanged: ['b.md', 'c.md', 'd.md'], skipped: [], seconds: 1.25 };
  }

  private reply(question: string, options: AskOptions): Reply {
    // A question containing "explode" simulates an engine failure whose message quotes a secret.
    if (question.includes('explode')) throw new Error(`engine blew up (token ${process.env.CITELINE_TEST_SECRET ?? 'none'})`);
    if (question.includes('unanswerable')) {
      return { question, answered: false, answer: NO_ANSWER, confidence: 0.1, citations: CITATIONS.slice(1) };
    }
    const after = options.previousQuestion ? ` (after: ${options.previousQuestion})` : '';
    const citations = [...CITATIONS, ...FURTHER_CITATIONS].slice(0, Math.max(CITATIONS.length, options.maxCitations ?? 3));
    return { question, answered: true, answer: `Answer to: ${question}${after}`, confidence: 0.8, citations };
  }
}
