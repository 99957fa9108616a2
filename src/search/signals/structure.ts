/** Signals of where a window stands: in the search results, in its document, and how long it is. */
import { wordCount } from '../windows.js';
import type { Signal } from './types.js';

/** 1 for the first passage search returned, 1/2 for the second, and so on. */
export const searchRank: Signal = (_question, { window }) => 1 / (1 + window.rank);

/** Near the document's start (summaries and headlines stand there): 1 at the start, 1/2 two thousand characters in. */
export const documentStart: Signal = (_question, { window }) => 1 / (1 + (window.hit.passage.start + window.start) / 2000);

/** The window's length in words over 90: a longer extract holds more, a shorter one is more to the point. */
export const windowLength: Signal = (_question, { window }) => Math.min(1, wordCount(window.text) / 90);

/**
 * 1 when the window states the first figure the statistics lookup lists for the question, 1/2 the
 * second, and so on; 0 when it states none of them. The lookup reads what a question asks for as a
 * figure (its grade, period, kind of figure and counted thing) apart from how a window words it.
 */
export const listedFigure: Signal = (_question, { listedFigureRank }) => (listedFigureRank > 0 ? 1 / listedFigureRank : 0);

/** How much more (or less) the reports use the question's terms than English does (the same for every window: read by the confidence models). */
export const domainSpecificity: Signal = (question) => question.specificity.mean;

/** How much more the reports use the question's most characteristic term than English does (the same for every window: read by the confidence models). */
export const peakSpecificity: Signal = (question) => question.specificity.peak;
