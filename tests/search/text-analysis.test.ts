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

  it("keeps an ordinal's or a decade's ending with its number, and no other letters", () => {
    expect(tokenize('the 3rd review, 21st century, the 1990s')).toEqual(['the', '3', 'review', '21', 'century', 'the', '1990']);
    // Letters that are not such an ending stay a word; a figure with a unit stays whole.
    expect(tokenize('at 10am, £3.5m and 1,000th')).toEqual(['at', '10', 'am', '3.5', 'm', 'and', '1,000']);
  });

  it('stems and drops function words', () => {
    expect(vocabulary.normaliser.terms('What share of the councils were inspected?')).toEqual(['share', 'council', 'inspect']);
  });
  it('drops contractions of function words: "doesn\'t" and "they\'re" are no search terms, "Ofsted\'s" is Ofsted', () => {
    const terms = (text: string) => vocabulary.normaliser.terms(text);
    expect(terms("what if a council doesn't improve and can't recruit, won't they've failed?")).toEqual(terms('what if a council improve and recruit failed?'));
    expect(terms("Ofsted's verdict")).toEqual(terms('Ofsted verdict'));
  });

  it('reads a text once for its terms, its words and its folded form, as each is read alone', () => {
    const text = 'In 2013–14 the Harbour Board’s 3rd review found 28% of berths idle.';
    const read = vocabulary.normaliser.read(text);
    expect(read.terms).toEqual(vocabulary.normaliser.terms(text));
    expect(read.words).toEqual(vocabulary.normaliser.words(text));
    expect(read.folded).toBe(foldText(text).toLowerCase());
    expect(read.words.map((w) => w.word)).toContain('harbour');
    expect(read.terms).toContain('2013/14');
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
