import { describe, expect, it } from 'vitest';
import { candidateTermShares } from '../../src/search/candidate-context.js';
import { TERM_FEATURES, termFeatures, termImportance } from '../../src/search/term-importance.js';
import { windowsOf } from '../../src/search/windows.js';
import { passage, vocabulary } from './signals.helpers.js';

const termsOf = (text: string) => vocabulary.normaliser.terms(text);
const [carer, cost, ofsted] = termsOf('carers cost ofsted') as [string, string, string];

/** Candidate windows of two documents: one whose every sentence names carers, one that names them once. */
function candidates() {
  const hit = (id: string, docId: string, text: string) => ({ passage: passage(text, { id, docId }), score: 1, lexical: 1, semantic: 0 });
  return [
    ...windowsOf(hit('a', 'fostering.md', 'Carers left in numbers. Carers were paid late. Ofsted noted the cost of agency carers.'), 0),
    ...windowsOf(hit('b', 'budget.md', 'The budget grew. Carers were a small part of the cost.'), 1),
  ];
}

describe('what the candidate windows say together', () => {
  it('gives each question term its share of each document\'s distinct sentences and of all of them', () => {
    const shares = candidateTermShares(candidates(), [carer, cost, ofsted], termsOf);
    expect(shares.byDocument.get('fostering.md')?.get(carer)).toBe(1);
    expect(shares.byDocument.get('fostering.md')?.get(cost)).toBeCloseTo(1 / 3);
    expect(shares.byDocument.get('budget.md')?.get(carer)).toBeCloseTo(1 / 2);
    expect(shares.byDocument.get('budget.md')?.get(ofsted)).toBe(0);
    // Five distinct sentences: carers in four, the cost in two, Ofsted in one.
    expect(shares.overall.get(carer)).toBeCloseTo(4 / 5);
    expect(shares.overall.get(cost)).toBeCloseTo(2 / 5);
    expect(shares.overall.get(ofsted)).toBeCloseTo(1 / 5);
  });
});

describe('term features', () => {
  const question = {
    weights: new Map([[carer, 2], [cost, 4], ['2021', 1]]),
    framing: new Set<string>(),
    specificity: new Map([[carer, 3], [cost, -1.5]]),
    ordered: [carer, cost, '2021'],
    preamble: new Set([carer]),
  };
  const shares = candidateTermShares(candidates(), [...question.weights.keys()], termsOf);
  const features = termFeatures(question, new Set([carer]), shares, 'fostering.md');
  const feature = (term: string, name: (typeof TERM_FEATURES)[number]) => features.get(term)?.[TERM_FEATURES.indexOf(name)];

  it('reads each term by its rarity in the question, its place in the title and its document, and its form', () => {
    expect(feature(cost, 'relativeIdf')).toBe(1);
    expect(feature(carer, 'relativeIdf')).toBe(0.5);
    expect(feature(cost, 'rarest')).toBe(1);
    expect(feature(carer, 'twoRarest')).toBe(1);
    expect(feature('2021', 'twoRarest')).toBe(0);
    expect(feature(carer, 'inTitle')).toBe(1);
    expect(feature(cost, 'inTitle')).toBe(0);
    expect(feature(carer, 'documentShare')).toBe(1);
    expect(feature(carer, 'specificity')).toBe(1);
    expect(feature(cost, 'specificity')).toBe(-0.5);
    expect(feature(carer, 'position')).toBe(0);
    expect(feature('2021', 'position')).toBe(1);
    expect(feature('2021', 'numeric')).toBe(1);
    expect(feature(carer, 'numeric')).toBe(0);
    expect(feature(carer, 'inPreamble')).toBe(1);
    expect(feature(cost, 'inPreamble')).toBe(0);
    expect(features.get(carer)).toHaveLength(TERM_FEATURES.length);
  });

  it('turns features into the probability a term stands in the answering sentence, by the fitted weights', () => {
    const weights = TERM_FEATURES.map((name) => (name === 'inTitle' ? -2 : 0));
    const model = { features: TERM_FEATURES, mean: TERM_FEATURES.map(() => 0), scale: TERM_FEATURES.map(() => 1), weights, bias: 1 };
    const importance = termImportance(model, features);
    // A term the title already says is less likely to stand in the answer: sigmoid(1 - 2) against sigmoid(1).
    expect(importance.get(carer)).toBeCloseTo(1 / (1 + Math.exp(1)));
    expect(importance.get(cost)).toBeCloseTo(1 / (1 + Math.exp(-1)));
  });

  it('reads only the features a model names, by name, so a model fitted on fewer still applies', () => {
    const model = { features: ['inTitle'], mean: [0], scale: [1], weights: [-2], bias: 1 };
    const importance = termImportance(model, features);
    expect(importance.get(carer)).toBeCloseTo(1 / (1 + Math.exp(1)));
    expect(importance.get(cost)).toBeCloseTo(1 / (1 + Math.exp(-1)));
  });
});
