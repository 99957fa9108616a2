import { describe, expect, it } from 'vitest';
import { aboutOtherProviders, countedAsked, countedInWords, countsOtherThings, declinedIfCountingOtherThings, namesCounted, providersNamed } from '../../src/answer/counted.js';
import type { Reply } from '../../src/answer/types.js';
import type { Passage } from '../../src/ingest/types.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');

const report: Passage = { id: 'p', docId: 'annual.md', title: 'Annual report', source: 'https://example.org/annual', text: '', start: 0, end: 0 };
const countsOther = (extract: string, question: string) => countsOtherThings(extract, report, countedAsked(question));

describe('what a question counts, and extracts that count something else', () => {
  it('reads what follows "how many" or "share of", and nothing from a question that counts nothing', () => {
    expect(countedAsked("how many children's homes were outstanding?")).toEqual(["children's homes"]);
    expect(countedAsked('what share of councils were inadequate?')).toEqual(['local authorities']);
    expect(countedAsked('why did ratings fall?')).toEqual([]);
  });

  it('takes a figure that says what it counts at its word', () => {
    expect(countsOther('The report draws on more than 5,600 inspections.', 'how many councils were inspected?')).toBe(true);
    expect(countsOther('The report draws on more than 5,600 inspections.', 'how many inspections did it draw on?')).toBe(false);
    // Schools and colleges are counted things too, so a council figure is no answer about them.
    expect(countsOther('In 2008, 9% of councils inspected were considered outstanding.', 'what % of primary schools are rated outstanding?')).toBe(true);
    expect(countsOther('In 2008, 9% of councils inspected were considered outstanding.', 'what % of FE colleges were outstanding?')).toBe(true);
  });

  it('reads a graded figure with no noun of its own as a count of what Ofsted grades', () => {
    const graded = 'The seven judged “inadequate” in this report are: Birmingham; Coventry and Slough.';
    expect(countsOther(graded, 'how many social workers left Birmingham after its inadequate rating?')).toBe(true);
    expect(countsOther(graded, 'how many councils were judged inadequate?')).toBe(false);
    expect(countsOther('Today 18% are rated good and 28% inadequate.', 'what share of councils were rated inadequate?')).toBe(false);
  });

  it('says nothing of an extract whose figures count nothing it can tell, or that has none', () => {
    expect(countsOther('It rose to 28 in a year.', 'how many social workers left?')).toBe(false);
    expect(countsOther('Ratings fell sharply.', 'how many social workers left?')).toBe(false);
  });
});

describe('what a "how many" question counts, in any words, and extracts that never name it', () => {
  const counted = (question: string) => countedInWords(question, vocabulary);

  it('reads the words after "how many" up to the verb, and the counted things they name', () => {
    expect(counted('how many SEND tribunal appeals did councils lose last year?')).toEqual({ terms: ['send', 'tribun', 'appeal'], things: [] });
    expect(counted('how many LAs were inadequate?').things).toEqual(['local authorities']);
    // Nothing to count: a verb straight after "how many", regular or not, or only a number.
    expect(counted('how many improved?').terms).toEqual([]);
    expect(counted('of the 54 ILACS inspections, how many came out outstanding?').terms).toEqual([]);
    expect(counted('how many under-18s were assessed as in need?').terms).toEqual([]);
    expect(counted('what share of councils were inadequate?').terms).toEqual([]);
    // Words that count without naming what: a poll of chief executives counts people.
    expect(counted("how many people were in LGC's poll?").terms).toEqual([]);
    expect(counted('how many young people were in care?')).toEqual({ terms: ['young', 'peopl'], things: ['children'] });
  });

  it('finds what is counted in a text, itself or as the counted thing it is', () => {
    const appeals = counted('how many SEND tribunal appeals did councils lose?');
    expect(namesCounted('23% of local authorities with help and protection services were good.', appeals, vocabulary)).toBe(false);
    expect(namesCounted('Councils lost 96% of tribunal appeals.', appeals, vocabulary)).toBe(true);
    expect(namesCounted('Of the 43 local authorities inspected, seven were inadequate.', counted('how many councils were inadequate?'), vocabulary)).toBe(true);
    // The search vocabulary's looser equivalents are no count: Ofsted is not its inspectors.
    expect(namesCounted('At a committee hearing, Ofsted said 75 per cent of councils were below good.', counted('how many inspectors does Ofsted employ?'), vocabulary)).toBe(false);
    expect(namesCounted('The number of children referred rose to 605,100.', counted('how many kids were referred in 2012?'), vocabulary)).toBe(true);
    expect(namesCounted('Anything at all.', counted('how many improved?'), vocabulary)).toBe(true);
    // Children in care, however abbreviated, are children.
    expect(counted('roughly how many CiC are there in England?').things).toEqual(['children']);
    expect(namesCounted('Nearly 84,000 of these children are in care.', counted('how many CiC are there in England?'), vocabulary)).toBe(true);
    expect(namesCounted('23% of local authorities were judged good.', counted('how many LAC are there?'), vocabulary)).toBe(false);
  });

  const passage: Passage = { ...report, text: '23% of local authorities with help and protection services that Ofsted judges as good.' };
  const reply: Reply = {
    question: 'a question',
    answered: true,
    answer: passage.text,
    confidence: 0.67,
    citations: [{ passageId: 'p', docId: 'annual.md', title: 'Annual report', source: report.source, location: '', extract: passage.text, score: 0.67, figures: [] }],
  };
  const decide = (question: string) => declinedIfCountingOtherThings(question, reply, () => passage, 'Not in the reports.', vocabulary);

  it('declines a reply whose passage never names what the question counts, keeping its extract as the closest', () => {
    const declined = decide('how many SEND tribunal appeals did councils lose last year?');
    expect(declined.answered).toBe(false);
    expect(declined.answer).toBe('Not in the reports.');
    expect(declined.citations[0]?.extract).toBe(passage.text);
    expect(declined.confidence).toBeLessThan(reply.confidence);
  });

  it('keeps a reply whose passage names what is counted, or when the question counts nothing in words', () => {
    expect(decide('how many local authorities were judged good for help and protection?')).toBe(reply);
    expect(decide('what share were judged good for help and protection?')).toBe(reply);
  });
});

describe('the kinds of provider Ofsted grades, and sentences about other kinds than the question', () => {
  it('reads councils, children\'s homes and fostering agencies however written', () => {
    expect(providersNamed('when were the LA inspection figures published?')).toEqual(['local authorities']);
    expect(providersNamed("82% of children's homes and most fostering agencies were good")).toEqual(["children's homes", 'fostering agencies']);
    expect(providersNamed('when were the figures published?')).toEqual([]);
  });

  it('finds a sentence about other providers only when it names some and none of those asked', () => {
    const asked = providersNamed('when were the LA inspection figures published?');
    expect(aboutOtherProviders("Outcomes for all children's homes, published by 31 October 2017 (final data)", asked)).toBe(true);
    expect(aboutOtherProviders("Outcomes for local authority children's services, published by 8 December 2017", asked)).toBe(false);
    expect(aboutOtherProviders('All figures were published by 8 December 2017', asked)).toBe(false);
    expect(aboutOtherProviders("Outcomes for all children's homes", [])).toBe(false);
  });
});
