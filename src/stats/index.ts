/** The figures index: statistics found in the reports, looked up by grade and period or matched to a question. */
export { extractFigures } from './extract.js';
export { FiguresIndex, byPeriodThenDocument, type SavedFiguresIndex } from './figures-index.js';
export { parseStatsQuery, parseQuestion, type QuestionFeatures } from './query.js';
export { CONFIDENT_AT } from './match.js';
export { groupMatches, measureOf } from './match-groups.js';
export { renderFiguresTable, toTableRows, type FigureTableRow, type RenderTableOptions } from './table.js';
export { buildVocabulary, loadStatsVocabulary, parseVocabulary, vocabularySource, type Vocabulary, type VocabularySource } from './vocabulary.js';
export type {
  Figure,
  FigureCitation,
  FigureMatch,
  FigureMatchGroup,
  FigureUnit,
  LocatedSentence,
  MatchSignals,
  Period,
  PeriodKind,
  StatsQuery,
} from './types.js';
