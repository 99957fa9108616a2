/**
 * The ranking signals by name. The ranker's weights file (data/ranker-weights.json) names the
 * signals it was trained on; adding one here and retraining (`npm run train`) is how a new signal
 * earns a weight.
 */
import {
  areaAgreement,
  dateAgreement,
  figureAgreement,
  figureNearTerms,
  gradeAgreement,
  personAgreement,
  placeAgreement,
  placeAnswer,
  sentenceFigureAgreement,
  sentenceGradeAgreement,
  sentenceYearAgreement,
  yearAgreement,
} from './agreement.js';
import { askCoverage, sentenceLearnedCoverage, passageBm25, phraseMatch, proximity, rareTermCoverage, sentenceRareTermCoverage, sentenceCoverage, titleCoverage, windowBm25, windowCoverage } from './lexical.js';
import { passageSimilarity, sentenceSimilarity, softCoverage, windowSimilarity } from './meaning.js';
import { documentStart, domainSpecificity, listedFigure, peakSpecificity, searchRank, windowLength } from './structure.js';
import type { Signal } from './types.js';

export const SIGNALS: Readonly<Record<string, Signal>> = {
  passageBm25,
  windowCoverage,
  askCoverage,
  sentenceLearnedCoverage,
  sentenceCoverage,
  titleCoverage,
  windowBm25,
  proximity,
  phraseMatch,
  rareTermCoverage,
  sentenceRareTermCoverage,
  passageSimilarity,
  windowSimilarity,
  sentenceSimilarity,
  softCoverage,
  yearAgreement,
  gradeAgreement,
  placeAgreement,
  figureAgreement,
  figureNearTerms,
  sentenceYearAgreement,
  sentenceGradeAgreement,
  sentenceFigureAgreement,
  dateAgreement,
  personAgreement,
  placeAnswer,
  areaAgreement,
  searchRank,
  listedFigure,
  documentStart,
  windowLength,
  domainSpecificity,
  peakSpecificity,
};

export type { ListedFigure, QuestionEvidence, Signal, WindowEvidence } from './types.js';
