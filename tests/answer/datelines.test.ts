import { describe, expect, it } from 'vitest';
import { datesThePiece, isDateline } from '../../src/answer/datelines.js';
import { analyseQuery } from '../../src/search/query.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');

describe('datelines', () => {
  it('are a date with at most the words that stamp a page around it', () => {
    expect(isDateline('16 December 2016')).toBe(true);
    expect(isDateline('Date: 29 APR 2015')).toBe(true);
    expect(isDateline('| 23 January 2015')).toBe(true);
    expect(isDateline('Tuesday 15 October 2013 18:36 BST')).toBe(true);
    expect(isDateline('Page last updated at 14:17 GMT, Wednesday, 17 December 2008')).toBe(true);
    expect(isDateline('On 17 December 2008 Ofsted published its assessments.')).toBe(false);
    expect(isDateline('December 2016')).toBe(false);
  });

  it('answer a question asking when a piece came out, and no other', () => {
    const asked = (question: string) => datesThePiece('Tuesday 15 October 2013 18:36 BST', analyseQuery(question, vocabulary));
    expect(asked('what date did the Independent run its story?')).toBe(true);
    expect(asked('when did the PAC put out its report?')).toBe(true);
    expect(asked('when was the framework introduced?')).toBe(false);
    expect(asked('who ran the story?')).toBe(false);
  });
});
