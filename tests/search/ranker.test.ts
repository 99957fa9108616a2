import { describe, expect, it } from 'vitest';
import { Ranker, parseRankerModel, rankedListInputs, type RankerModel } from '../../src/search/ranker.js';
import { TERM_FEATURES } from '../../src/search/term-importance.js';
import { evidence, question } from './signals.helpers.js';

const linear = (features: string[], weights: number[], bias = 0) => ({ features, mean: features.map(() => 0), scale: features.map(() => 1), weights, bias });

function model(overrides: Partial<RankerModel> = {}): RankerModel {
  return parseRankerModel({
    about: 'test',
    ranking: linear(['windowCoverage', 'yearAgreement'], [2, 1]),
    confidence: linear(['score'], [3], -2),
    answerable: linear(['domainSpecificity', 'windowCoverage'], [2, 1], -1),
    declineBelow: 0.5,
    provenance: {},
    ...overrides,
  });
}

describe('the ranker model file', () => {
  it('refuses a model naming a signal Citeline does not have, or with arrays of other lengths', () => {
    expect(() => model({ ranking: linear(['noSuchSignal'], [1]) })).toThrow(/noSuchSignal/);
    expect(() => model({ answerable: linear(['otherSignal'], [1]) })).toThrow(/otherSignal/);
    expect(() => model({ ranking: { ...linear(['windowCoverage'], [1]), mean: [0, 0] } })).toThrow(/arrays of other lengths/);
    expect(() => parseRankerModel({ about: 'x' })).toThrow(/not a valid ranker model/);
  });

  it('refuses a model weighing the learned coverage without the term importance it reads, or one reading other term features', () => {
    expect(() => model({ ranking: linear(['sentenceLearnedCoverage'], [1]) })).toThrow(/no termImportance/);
    expect(() => model({ termImportance: linear(['noSuchFeature'], [1]) })).toThrow(/term features Citeline does not have: noSuchFeature/);
    expect(() => model({ termImportance: { ...linear(['relativeIdf'], [1]), scale: [1, 1] } })).toThrow(/termImportance has 1 features but arrays of other lengths/);
    const features = [...TERM_FEATURES];
    const termImportance = linear(features, features.map(() => 0.5));
    expect(model({ ranking: linear(['sentenceLearnedCoverage'], [1]), termImportance }).termImportance?.features).toEqual(features);
  });
});

describe('ranking and confidence', () => {
  const ranker = new Ranker(model());
  const asked = question('how many foster carers left in 2021?');
  const windows = [
    evidence('The weather in 2021 was mild.', { id: 'a' }),
    evidence('In 2021, 310 foster carers left the service.', { id: 'b' }),
    evidence('Foster carers left the service.', { id: 'c' }),
  ];

  it('orders windows by the weighted signals, best first, as the weights say', () => {
    const ids = (r: Ranker) => r.rank(asked, windows).map((item) => item.evidence.window.hit.passage.id);
    // Coverage 1/4 and the year (2 x 0.25 + 1) beats coverage 3/4 without it (2 x 0.75 - 1).
    expect(ids(ranker)).toEqual(['b', 'a', 'c']);
    // Weighed on coverage alone, the window without the year but with the rest of the question wins.
    expect(ids(new Ranker(model({ ranking: linear(['windowCoverage'], [1]) })))).toEqual(['b', 'c', 'a']);
  });

  it('gives a higher confidence to a stronger best window, between 0 and 1', () => {
    const strong = ranker.confidence(ranker.rank(asked, windows));
    const weak = ranker.confidence(ranker.rank(asked, [windows[0]!]));
    expect(strong).toBeGreaterThan(weak);
    expect(strong).toBeLessThanOrEqual(1);
    expect(weak).toBeGreaterThanOrEqual(0);
    expect(ranker.confidence([])).toBe(0);
  });

  it('reads answerability from the question\'s words and the best window: a question in the reports\' language with a covering window is likelier answered', () => {
    const onTopic = ranker.answerability(ranker.rank(question('how many foster carers left in 2021?', { specificity: { mean: 2, peak: 2.5 } }), windows));
    const everyday = question('where can I get lunch near the office?', { specificity: { mean: -2, peak: -1 } });
    const offTopic = ranker.answerability(ranker.rank(everyday, windows));
    expect(onTopic).toBeGreaterThan(0.5);
    expect(offTopic).toBeLessThan(0.5);
    expect(ranker.answerability([])).toBe(0);
  });
});

describe('what a ranked list says of its best window', () => {
  const item = (passageId: string, score: number, values: Record<string, number>) => ({ passageId, score, values });
  const breaksYear = { sentenceYearAgreement: -1, sentenceGradeAgreement: 1, placeAgreement: 0, sentenceFigureAgreement: 1 };
  const agrees = { sentenceYearAgreement: 1, sentenceGradeAgreement: 0, placeAgreement: 1, sentenceFigureAgreement: 0 };

  it('reads the lead over the best window of another passage, and whether any window, or one of the best five, agrees on everything pinned down', () => {
    const list = [item('a', 3, breaksYear), item('a', 2.5, breaksYear), item('b', 2, breaksYear), ...Array.from({ length: 4 }, (_, i) => item(`c${i}`, 1 - i / 10, breaksYear)), item('d', 0.2, agrees)];
    const inputs = rankedListInputs(list);
    expect(inputs.score).toBe(3);
    expect(inputs.lead).toBe(1);
    expect(inputs.agreesAnywhere).toBe(1);
    expect(inputs.agreesNearTop).toBe(0);
    expect(rankedListInputs(list.slice(0, 3))).toMatchObject({ agreesAnywhere: 0, agreesNearTop: 0 });
    expect(rankedListInputs([item('d', 1, agrees)])).toMatchObject({ agreesAnywhere: 1, agreesNearTop: 1, lead: 1 });
    expect(rankedListInputs([])).toEqual({});
  });

  it('says whether the best window names only years other than the one asked, apart from agreeing or naming none', () => {
    const inputs = (yearAgreement: number) => rankedListInputs([item('a', 2, { ...agrees, yearAgreement }), item('b', 1, { ...agrees, yearAgreement: 1 })]);
    expect(inputs(-1).leadYearConflict).toBe(1);
    expect(inputs(0).leadYearConflict).toBe(0);
    expect(inputs(1).leadYearConflict).toBe(0);
  });

  it('counts a list that never names the council or region asked for as agreeing nowhere', () => {
    const namesNone = { ...agrees, placeAnswer: -1 };
    expect(rankedListInputs([item('a', 2, namesNone), item('b', 1, namesNone)])).toMatchObject({ agreesAnywhere: 0, agreesNearTop: 0 });
    expect(rankedListInputs([item('a', 2, namesNone), item('b', 1, { ...agrees, placeAnswer: 1 })])).toMatchObject({ agreesAnywhere: 1, agreesNearTop: 1 });
  });
});

