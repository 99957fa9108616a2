import { describe, expect, it } from 'vitest';
import { foldText, tokenize, yearsIn } from '../../src/search/text-analysis.js';
import { expansionTerms, findExpansions, loadSearchVocabulary } from '../../src/search/vocabulary.js';
import { analyseQuery, gradesIn } from '../../src/search/query.js';

const vocabulary = await loadSearchVocabulary('data');

describe('text analysis', () => {
  it('folds curly quotes and dashes so the same words match', () => {
    expect(foldText('‘Good’ in 2013–14')).toBe("'Good' in 2013-14");
  });

  it('reads split years in their several spellings as one period', () => {
    expect(yearsIn('In 2007/08 and 2013-14, and 2018/2019')).toEqual(expect.arrayContaining(['2007/08', '2013/14', '2018/19', '2007']));
    expect(yearsIn('pages 2010-20')).not.toContain('2010/20');
  });

  it('keeps split years and figures whole as tokens', () => {
    const tokens = tokenize('28% of councils in 2007/08 spent £2,300');
    expect(tokens).toEqual(expect.arrayContaining(['2007/08', '28', '2,300', 'councils']));
    // A split year is itself and its first year; its short second half is no number of its own.
    expect(tokenize('in 2013-14 and 2018/2019')).toEqual(['2013/14', '2018/19', 'in', '2013', 'and', '2018', '2019']);
  });

  it('stems and drops function words', () => {
    expect(vocabulary.normaliser.terms('What share of the councils were inspected?')).toEqual(['share', 'council', 'inspect']);
  });
  it('drops contractions of function words: "doesn\'t" and "they\'re" are no search terms, "Ofsted\'s" is Ofsted', () => {
    const terms = (text: string) => vocabulary.normaliser.terms(text);
    expect(terms("what if a council doesn't improve and can't recruit, won't they've failed?")).toEqual(terms('what if a council improve and recruit failed?'));
    expect(terms("Ofsted's verdict")).toEqual(terms('Ofsted verdict'));
  });
});

describe('domain vocabulary', () => {
  it('expands a question term to the phrases that mean the same', () => {
    const terms = vocabulary.normaliser.terms('what did the auditors say');
    const expanded = expansionTerms(findExpansions(terms, vocabulary.synonymGroups), terms);
    expect(expanded).toEqual(expect.arrayContaining(['nao', 'nation', 'audit']));
  });

  it('reads a title as the people who held it, without making the holders one another', () => {
    const terms = vocabulary.normaliser.terms('what did the chief inspector say');
    const expanded = expansionTerms(findExpansions(terms, vocabulary.synonymGroups), terms);
    expect(expanded).toEqual(expect.arrayContaining(['hmci', 'wilshaw', 'spielman']));
    const byName = vocabulary.normaliser.terms('what did Wilshaw say');
    const fromName = expansionTerms(findExpansions(byName, vocabulary.synonymGroups), byName);
    expect(fromName).toEqual(expect.arrayContaining(['chief', 'inspector']));
    expect(fromName).not.toContain('spielman');
  });

  it('widens the words people write in chat to the words reports use', () => {
    const widened = (question: string) => {
      const terms = vocabulary.normaliser.terms(question);
      return expansionTerms(findExpansions(terms, vocabulary.synonymGroups), terms);
    };
    expect(widened('how many kids were in care')).toContain(vocabulary.normaliser.term('children'));
    expect(widened('what did the govt propose')).toContain(vocabulary.normaliser.term('government'));
    expect(widened('what did town halls say')).toContain(vocabulary.normaliser.term('councils'));
    expect(widened('the 2019 stats')).toContain(vocabulary.normaliser.term('statistics'));
    expect(widened('end Aug 2019')).toContain(vocabulary.normaliser.term('august'));
    // Plain words for the reports' terms of art.
    expect(widened('was the legally required work shielded')).toEqual(expect.arrayContaining(['statutori', 'protect'].map((t) => vocabulary.normaliser.term(t))));
    expect(widened('was early help squeezed')).toContain(vocabulary.normaliser.term('cuts'));
    expect(widened('do poorer areas score worse')).toContain(vocabulary.normaliser.term('deprivation'));
    expect(widened('how many looked after children')).toContain(vocabulary.normaliser.term('care'));
    expect(widened('how many kept a good grade')).toContain(vocabulary.normaliser.term('retained'));
    // Everyday words for how reports describe a department's admissions, shortfalls and money.
    expect(widened('when did the department concede that safeguarding was falling short')).toEqual(
      expect.arrayContaining(['admitted', 'protection', 'enough'].map((t) => vocabulary.normaliser.term(t))),
    );
    expect(widened('what about the money')).toContain(vocabulary.normaliser.term('budgets'));
    expect(widened('nobody intervenes')).toContain(vocabulary.normaliser.term('intervention'));
    expect(widened("what does the CiC label cover")).toContain(vocabulary.normaliser.term('looked'));
    expect(widened('were more councils slipping or climbing')).toEqual(expect.arrayContaining(['worse', 'improved'].map((t) => vocabulary.normaliser.term(t))));
    expect(widened('were bosses keeping an eye on unfilled posts')).toEqual(expect.arrayContaining(['oversight', 'vacancies'].map((t) => vocabulary.normaliser.term(t))));
    expect(widened('how much more strain can the sector take')).toContain(vocabulary.normaliser.term('stretched'));
    expect(widened('when will the round of visits wrap up')).toContain(vocabulary.normaliser.term('complete'));
    expect(widened('what is the purpose of the framework')).toContain(vocabulary.normaliser.term('ambition'));
    // "vs" is a function word, not a term to search for.
    expect(vocabulary.normaliser.terms('2015 vs 2024 versus 2019')).toEqual(['2015', '2024', '2019']);
  });

  it('adds nothing for a question outside the vocabulary', () => {
    expect(findExpansions(vocabulary.normaliser.terms("purple elephants"), vocabulary.synonymGroups)).toEqual([]);
  });
});

describe('query analysis', () => {
  it('reads the year, grade and kind of figure asked for', () => {
    const query = analyseQuery("what % of councils were rated inadequate in 2007/08?", vocabulary);
    expect(query.years).toContain('2007/08');
    expect(query.grades).toEqual(['Inadequate']);
    expect(query.asksFor).toEqual({ percent: true, count: false, money: false });
  });

  it('reads a day rate or earnings as asking for a sum of money, and a rate alone as not', () => {
    expect(analyseQuery('what is the average day rate for an agency social worker?', vocabulary).asksFor.money).toBe(true);
    expect(analyseQuery('how much do social workers earn?', vocabulary).asksFor.money).toBe(true);
    expect(analyseQuery('what was the inadequate rate in 2015?', vocabulary).asksFor.money).toBe(false);
  });

  it('reads "after 2017" and "before 2010" as bounds on the years asked about, not as years asked about', () => {
    const after = analyseQuery('what grade did Manchester get at its latest inspection after 2017?', vocabulary);
    expect(after.yearBounds).toEqual({ after: 2017 });
    expect(after.years).toEqual([]);
    expect(analyseQuery('how many councils were inadequate pre-2010?', vocabulary).yearBounds).toEqual({ before: 2010 });
    // A year after "the" dates an event: "after the 2014 inspection" asks about no year after 2014.
    const event = analyseQuery('what was the outcome of the 2017 re-inspection after the 2014 judgement?', vocabulary);
    expect(event.yearBounds).toEqual({});
    expect(event.years).toEqual(['2017', '2014']);
  });

  it('treats a combined grade as one grade and RI as requires improvement', () => {
    expect(gradesIn('share good or outstanding in 2024', vocabulary.grades)).toEqual(['Good or outstanding']);
    expect(gradesIn('how many were ri', vocabulary.grades)).toEqual(['Requires improvement']);
    // "Below good" is the two grades under good, as the figures index names them, never Good.
    expect(gradesIn('what share of councils were below good?', vocabulary.grades)).toEqual(['Inadequate or requires improvement']);
    expect(gradesIn('how many were rated less than good', vocabulary.grades)).toEqual(['Inadequate or requires improvement']);
  });

  it('reads an everyday word as a grade only beside a cue', () => {
    expect(gradesIn('why is it hard to attract good permanent recruits', vocabulary.grades)).toEqual([]);
    expect(gradesIn('how many councils were actually good', vocabulary.grades)).toEqual(['Good']);
    expect(gradesIn("the share of good councils", vocabulary.grades)).toEqual(['Good']);
    expect(gradesIn("69% 'good' and 22% 'adequate'", vocabulary.grades)).toEqual(['Good', 'Adequate']);
    expect(gradesIn('rated inadequate', vocabulary.grades)).toEqual(['Inadequate']);
    // A failing grade is the Inadequate one; failing children is no grade.
    expect(gradesIn('inspections that end in a failing grade', vocabulary.grades)).toEqual(['Inadequate']);
    expect(gradesIn('councils failing children', vocabulary.grades)).toEqual([]);
    // The bottom and top of the scale, however said; "the lowest two grades" is the two under good, not Inadequate alone.
    expect(gradesIn('does the lowest possible grade push a council downhill?', vocabulary.grades)).toEqual(['Inadequate']);
    expect(gradesIn('how many got the bottom grade or the worst rating', vocabulary.grades)).toEqual(['Inadequate']);
    expect(gradesIn('how many councils got the top grade?', vocabulary.grades)).toEqual(['Outstanding']);
    expect(gradesIn('authorities in the lowest two grades', vocabulary.grades)).toEqual(['Inadequate or requires improvement']);
    // The plural verb too: "38% require improvement to be good" names no Good.
    expect(gradesIn('38% require improvement to be good', vocabulary.grades)).toEqual(['Requires improvement']);
    expect(gradesIn('26 required improvement', vocabulary.grades)).toEqual(['Requires improvement']);
    // Quoted one by one, the grades are still one combined grade, which names no Outstanding alone.
    expect(gradesIn('three quarters are rated as "good" or "outstanding"', vocabulary.grades)).toEqual(['Good or outstanding']);
    expect(gradesIn("rated 'good' or 'outstanding'", vocabulary.grades)).toEqual(['Good or outstanding']);
  });

  it('reads an idiom as what it means, not as its words: "up to date" names no date', () => {
    const query = analyseQuery('what did iMPOWER want done to inspection - bring it up to date?', vocabulary);
    expect(query.terms).not.toContain(vocabulary.normaliser.term('date'));
    expect(query.expansionTerms).toContain(vocabulary.normaliser.term('modernised'));
    expect(analyseQuery('is the framework out-of-date?', vocabulary).terms).toEqual(expect.arrayContaining([vocabulary.normaliser.term('outdated')]));
    expect(analyseQuery('what are the most up-to-date figures for inadequate councils?', vocabulary).asksLatest).toBe(true);
    // A date asked for is still one.
    expect(analyseQuery('what date was the report published?', vocabulary).terms).toContain(vocabulary.normaliser.term('date'));
  });

  it('spots money and count questions', () => {
    expect(analyseQuery('average spend per child in need?', vocabulary).asksFor.money).toBe(true);
    expect(analyseQuery('how many councils were outstanding?', vocabulary).asksFor.count).toBe(true);
  });

  it('reads a figure the question states beside a wish for another as its premise, but not a claim\'s figure', () => {
    const stated = (question: string) => analyseQuery(question, vocabulary).statedFigures;
    expect(stated('where 24% of LAs were inadequate, what was the inadequate rate for children’s homes?')).toEqual([24]);
    expect(stated('how did the 54 ILACS inspections in 2018 split, and how many of the 5,600 were good?')).toEqual([54, 5600]);
    expect(stated('inadequate ratings rose to 28% by 2015')).toEqual([]);
    expect(stated('of the 236 polled, what % said the regime was punitive?')).toEqual([236]);
  });

  it('tells a question asking for a share from one asking for any number', () => {
    const share = (question: string) => analyseQuery(question, vocabulary).asksForShare;
    expect(share('what % of chief executives said it was punitive?')).toBe(true);
    expect(share("what's the inadequate share in 2015?")).toBe(true);
    expect(share('how many chief executives said it was punitive?')).toBe(false);
  });

  it('asks for a number with "how big a", not with a clause that says how big something is', () => {
    const asksForNumber = (question: string) => analyseQuery(question, vocabulary).asksForNumber;
    expect(asksForNumber('how big a jump in workload do councils see?')).toBe(true);
    expect(asksForNumber('how much higher was it in 2015?')).toBe(true);
    expect(asksForNumber('what was the inadequate rate for children’s homes?')).toBe(true);
    expect(asksForNumber('does the watchdog think leadership matters more than cash or how big the area is?')).toBe(false);
  });

  it('spots a comparison across periods, whichever form of "compare" it uses', () => {
    const compares = (question: string) => analyseQuery(question, vocabulary).comparesPeriods;
    expect(compares('how does the 2018 share compare with 2017?')).toBe(true);
    expect(compares("the 2018 report compares with last year's share: does it match 2017's?")).toBe(true);
    expect(compares('comparing 2015 and 2024, which is higher?')).toBe(true);
    expect(compares('what share of councils were rated good in 2015?')).toBe(false);
  });
});

describe('a grade the question asks about, or names as its premise', () => {
  const predicated = (question: string) => analyseQuery(question, vocabulary).gradePredicated;

  it('asks about a grade said of something, by any form of the verb', () => {
    expect(predicated("was Manchester's leadership, management and governance judged good at the 2017 re-inspection?")).toBe(true);
    expect(predicated('did Ofsted rate Birmingham inadequate in 2014?')).toBe(true);
    expect(predicated('did inspectors find the service inadequate?')).toBe(true);
    expect(predicated('how many councils were rated inadequate?')).toBe(true);
    expect(predicated('is Birmingham still inadequate?')).toBe(true);
  });

  it('names it as a premise when it only describes what the question is about', () => {
    expect(predicated('did Ofsted call for government intervention in some of the 7 inadequate councils in its 2014 report?')).toBe(false);
    expect(predicated('what did iMPOWER say happens after an inadequate judgement?')).toBe(false);
  });
});
