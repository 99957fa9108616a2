/** The figures index: statistics found in the reports, looked up by grade, period, kind and words. */
export { extractFigures } from './extract.js';
export { FiguresIndex, byPeriodThenDocument, type SavedFiguresIndex } from './figures-index.js';
export { parseStatsQuery } from './query.js';
export { WrittenNames } from './written-names.js';
export { placeAgreementOf, placesAgree } from './places-agree.js';
export { statedNumbers, statedValues, type StatedValue } from './numbers.js';
export { tableRowCells } from './table-rows.js';
export { renderFiguresTable, toTableRows, type FigureTableRow, type RenderTableOptions } from './table.js';
export { buildVocabulary, loadStatsVocabulary, parseVocabulary, vocabularySource, type Vocabulary, type VocabularySource } from './vocabulary.js';
export type {
  Figure,
  FigureCitation,
  FigureUnit,
  LocatedSentence,
  Period,
  PeriodKind,
  StatsMatches,
  StatsQuery,
} from './types.js';
