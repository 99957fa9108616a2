import { describe, expect, it } from 'vitest';
import { areaAgreement, dateAgreement, figureAgreement, gradeAgreement, personAgreement, placeAgreement, placeAnswer, yearAgreement } from '../../src/search/signals/agreement.js';
import { askCoverage, phraseMatch, proximity, sentenceCoverage, sentenceLearnedCoverage, titleCoverage, windowBm25, windowCoverage } from '../../src/search/signals/lexical.js';
import { softCoverage } from '../../src/search/signals/meaning.js';
import { documentStart, domainSpecificity, listedFigure, peakSpecificity, searchRank, windowLength } from '../../src/search/signals/structure.js';
import { evidence, question, vocabulary, windowFrom } from './signals.helpers.js';

describe('lexical signals', () => {
  const asked = question('how many foster carers left the service last year?');

  it('coverage is the weighted share of the question the text holds', () => {
    expect(windowCoverage(asked, evidence('Foster carers who left the service last year numbered 310.'))).toBeCloseTo(1);
    const half = windowCoverage(asked, evidence('Foster carers were thanked at the annual dinner.'));
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(1);
    expect(windowCoverage(asked, evidence('The weather was mild.'))).toBe(0);
  });

  it('sentence and title coverage read only the best sentence, and only the title and heading', () => {
    const window = evidence('Nothing relevant stands here.', { title: 'Foster carers leaving the service' });
    expect(sentenceCoverage(asked, window)).toBe(0);
    expect(titleCoverage(asked, window)).toBeGreaterThanOrEqual(0.5);
  });

  it('ask coverage counts the terms the title does not hold: what is asked beyond the document named', () => {
    const asked = question('in the yearly fostering review, how many carers were recruited?');
    const title = { title: 'Yearly fostering review' };
    const opening = evidence('The yearly fostering review was published by the county today.', title);
    const answer = evidence('Some 120 carers were recruited during the year.', title);
    expect(windowCoverage(asked, opening)).toBeGreaterThan(windowCoverage(asked, answer));
    expect(askCoverage(asked, answer)).toBeGreaterThan(askCoverage(asked, opening));
    // With a title that names none of the question's terms, it is plain coverage.
    const untitled = evidence('Some 120 carers were recruited during the year.', { title: 'Council papers' });
    expect(askCoverage(asked, untitled)).toBeCloseTo(windowCoverage(asked, untitled));
  });

  it('window BM25 saturates: saying a term many times counts for less than saying more terms', () => {
    const repeated = windowBm25(asked, evidence('Foster foster foster foster foster carers.'));
    const varied = windowBm25(asked, evidence('Foster carers left the service.'));
    expect(varied).toBeGreaterThan(repeated);
  });

  it('proximity is 1 for adjacent terms and falls as they spread apart', () => {
    const q = question('children homes');
    expect(proximity(q, evidence('New children homes opened.'))).toBeCloseTo(1);
    expect(proximity(q, evidence('Children across the county, in its towns, villages and farms, saw new homes open.'))).toBeLessThan(0.5);
    expect(proximity(q, evidence('Only children are named.'))).toBe(0);
  });

  it('phrase match counts the question\'s word pairs that stand together', () => {
    const q = question('agency social workers');
    expect(phraseMatch(q, evidence('The cost of agency social workers rose.'))).toBe(1);
    expect(phraseMatch(q, evidence('Social care used an agency; workers were scarce.'))).toBeLessThan(1);
  });

  it('learned coverage is the share of the terms\' learned importance the best sentence holds, 0 without the model', () => {
    const [carer, fee] = vocabulary.normaliser.terms('carers fees') as [string, string];
    const q = question('what fees do carers get?');
    const window = evidence('Carers are paid fees weekly.').window;
    const termImportance = new Map([[carer, 0.2], [fee, 0.6]]);
    expect(sentenceLearnedCoverage(q, windowFrom(window, { termImportance }))).toBeCloseTo(1);
    const carersOnly = evidence('Carers met in the spring.').window;
    expect(sentenceLearnedCoverage(q, windowFrom(carersOnly, { termImportance }))).toBeCloseTo(0.25);
    expect(sentenceLearnedCoverage(q, windowFrom(carersOnly))).toBe(0);
  });
});

describe('meaning signals', () => {
  it('soft coverage gives part credit for a word the window says otherwise', () => {
    const q = question('unstable placements');
    const base = evidence('Shaky placements were common.');
    const [unstable] = vocabulary.normaliser.terms('unstable');
    const soft = windowFrom(base.window, { wordSimilarity: new Map([[unstable as string, 0.6]]) });
    expect(softCoverage(q, soft)).toBeGreaterThan(softCoverage(q, base));
    expect(softCoverage(q, soft)).toBeLessThan(1);
  });
});

describe('agreement signals', () => {
  it('are 0 when the question asks for nothing of the kind', () => {
    const q = question('what did the review recommend?');
    const window = evidence('In 2019 it found 40% of Inadequate councils in London.');
    for (const signal of [yearAgreement, gradeAgreement, placeAgreement, figureAgreement, dateAgreement, personAgreement, placeAnswer, areaAgreement]) expect(signal(q, window)).toBe(0);
  });

  it('year: +1 when a year asked for is named, in the text or the title, -1 when not', () => {
    const q = question('what happened in 2019?');
    expect(yearAgreement(q, evidence('In 2019 the service improved.'))).toBe(1);
    expect(yearAgreement(q, evidence('The service improved.', { title: 'Annual review 2019' }))).toBe(1);
    expect(yearAgreement(q, evidence('In 2021 the service improved.'))).toBe(-1);
  });

  it('year and place: a long report\'s section heading counts as its title does', () => {
    const inSection = { title: 'Ten years of inspection', heading: 'Leeds in 2019' };
    expect(yearAgreement(question('what happened in 2019?'), evidence('The service improved.', inSection))).toBe(1);
    expect(yearAgreement(question('what happened in 2017?'), evidence('The service improved.', inSection))).toBe(-1);
    expect(placeAgreement(question('how did Leeds do?'), evidence('The city was praised.', inSection))).toBe(1);
    expect(placeAgreement(question('how did Bristol do?'), evidence('The city was praised.', inSection))).toBe(-1);
  });

  it('grade: +1 for the grade asked about', () => {
    const q = question('how many were rated inadequate?');
    expect(gradeAgreement(q, evidence('Four councils were rated inadequate.'))).toBe(1);
    expect(gradeAgreement(q, evidence('Four councils were rated good.'))).toBe(-1);
  });

  it('place: +1 for the place asked about, in the text or the title', () => {
    const q = question('how did Leeds do?');
    expect(placeAgreement(q, evidence('Leeds was praised by inspectors.'))).toBe(1);
    expect(placeAgreement(q, evidence('The city was praised.', { title: 'Leeds children services review' }))).toBe(1);
    expect(placeAgreement(q, evidence('Bristol was praised by inspectors.'))).toBe(-1);
  });

  it('figure: a share, a sum or a count of the kind asked for', () => {
    expect(figureAgreement(question('what share were late?'), evidence('Some 12% were late.'))).toBe(1);
    expect(figureAgreement(question('what share were late?'), evidence('Many were late.'))).toBe(-1);
    expect(figureAgreement(question('how much funding was cut?'), evidence('Funding fell by £3 million.'))).toBe(1);
    // A year is no count.
    expect(figureAgreement(question('how many staff left?'), evidence('Staff left in 2020.'))).toBe(-1);
    expect(figureAgreement(question('how many staff left?'), evidence('Some 45 staff left.'))).toBe(1);
  });

  it('date and person: a "when" question wants a year or month, a "who" question a name', () => {
    expect(dateAgreement(question('when did the pilot start?'), evidence('The pilot began in March.'))).toBe(1);
    expect(dateAgreement(question('when did the pilot start?'), evidence('The pilot began quietly.'))).toBe(-1);
    expect(personAgreement(question('who led the pilot?'), evidence('The pilot was led by Dana Whitfield of the council.'))).toBe(1);
    expect(personAgreement(question('who led the pilot?'), evidence('The pilot was led by the council.'))).toBe(-1);
  });

  it('judgement area: +1 for the part of the service asked about, -1 for only other parts, 0 for none named', () => {
    const q = question('was the council good for care leavers?');
    expect(areaAgreement(q, evidence('Services for care leavers were judged good.'))).toBe(1);
    expect(areaAgreement(q, evidence('Overall effectiveness was judged good.'))).toBe(-1);
    expect(areaAgreement(q, evidence('The council was judged good.'))).toBe(0);
  });

  it('place asked for: a "which council?" or "which region?" question wants a place it does not name itself', () => {
    const q = question('which region had the fewest foster carers?');
    expect(q.asksForPlace).toBe(true);
    expect(placeAnswer(q, evidence('Foster carers were fewest in the North East, at 310.'))).toBe(1);
    expect(placeAnswer(q, evidence('Foster carers numbered 4,100 across the country.'))).toBe(-1);
    const beyondLeeds = question('which 3 councils besides Leeds ran the pilot?');
    expect(placeAnswer(beyondLeeds, evidence('Leeds ran the pilot first.'))).toBe(-1);
    expect(placeAnswer(beyondLeeds, evidence('Leeds, Derby and Kent ran the pilot.'))).toBe(1);
    expect(question('worst region for adoption delays?').asksForPlace).toBe(true);
    expect(question('what did the council say about the region?').asksForPlace).toBe(false);
    expect(question('which areas were judged inadequate?').asksForPlace).toBe(false);
  });
});

describe('structure signals', () => {
  it('search rank, place in the document and length', () => {
    const q = question('anything');
    expect(searchRank(q, evidence('First.', {}, 0))).toBe(1);
    expect(searchRank(q, evidence('Third.', {}, 2))).toBeCloseTo(1 / 3);
    expect(documentStart(q, evidence('Opening.'))).toBe(1);
    expect(documentStart(q, evidence('Later.', { start: 2000 }))).toBeCloseTo(0.5);
    expect(windowLength(q, evidence('Four words stand here.'))).toBeCloseTo(4 / 90);
  });

  it('the place of the figure the statistics lookup lists that the window states: 1 for the first, 1/2 the second, 0 none', () => {
    const q = question('how many ferries sailed?');
    expect(listedFigure(q, { ...evidence('Some 40 ferries sailed.'), listedFigureRank: 1 })).toBe(1);
    expect(listedFigure(q, { ...evidence('Some 40 ferries sailed.'), listedFigureRank: 2 })).toBe(0.5);
    expect(listedFigure(q, evidence('Some 40 ferries sailed.'))).toBe(0);
  });

  it('the question\'s language, its mean and its most characteristic term, the same for every window', () => {
    const q = question('anything', { specificity: { mean: 0.4, peak: 2.2 } });
    for (const window of [evidence('Opening.'), evidence('Later.', { start: 2000 }, 3)]) {
      expect(domainSpecificity(q, window)).toBe(0.4);
      expect(peakSpecificity(q, window)).toBe(2.2);
    }
  });
});

describe('signals of what pins the question down', () => {
  it('rare-term coverage asks for the two rarest terms', async () => {
    const { rareTermCoverage } = await import('../../src/search/signals/lexical.js');
    const [kinship, carers, council] = ['kinship', 'carers', 'council'].map((w) => vocabulary.normaliser.term(w) as string);
    const q = question('kinship carers council', { termWeights: new Map([[kinship as string, 5], [carers as string, 3], [council as string, 0.5]]) });
    expect(rareTermCoverage(q, evidence('Kinship carers met.'))).toBe(1);
    expect(rareTermCoverage(q, evidence('The council and its carers met.'))).toBe(0.5);
    expect(rareTermCoverage(q, evidence('The council met.'))).toBe(0);
  });

  it('rare-term coverage of the best sentence alone leaves out what its neighbours say', async () => {
    const { sentenceRareTermCoverage } = await import('../../src/search/signals/lexical.js');
    const { windowsOf } = await import('../../src/search/windows.js');
    const [kinship, carers, council] = ['kinship', 'carers', 'council'].map((w) => vocabulary.normaliser.term(w) as string);
    const q = question('kinship carers council', { termWeights: new Map([[kinship as string, 5], [carers as string, 3], [council as string, 0.5]]) });
    const text = 'Kinship carers asked for help. The council met them in May.';
    const hit = { passage: { id: 'p', docId: 'doc.md', title: 'A report', source: 'https://example.org', text, start: 0, end: text.length }, score: 1, lexical: 1, semantic: 0 };
    const [first, second] = windowsOf(hit, 0).map((w) => windowFrom(w));
    expect(sentenceRareTermCoverage(q, first!)).toBe(1);
    // The second sentence's window holds the first as a neighbour, but its own sentence names neither rare term.
    expect(second!.termSet.has(kinship as string)).toBe(true);
    expect(sentenceRareTermCoverage(q, second!)).toBe(0);
  });

  it('a figure near the question\'s terms counts for more than one far from them', async () => {
    const { figureNearTerms } = await import('../../src/search/signals/agreement.js');
    const q = question('how many adopters were approved?');
    const near = figureNearTerms(q, evidence('Some 640 adopters were approved.'));
    const far = figureNearTerms(q, evidence('Adopters went through a long and careful process that took many months to finish, ending in 640 forms.'));
    expect(near).toBeGreaterThan(far);
    expect(figureNearTerms(q, evidence('Adopters were approved in 2021.'))).toBe(0);
    expect(figureNearTerms(question('what did adopters say?'), evidence('Some 640 adopters were approved.'))).toBe(0);
  });
});
