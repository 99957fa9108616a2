import { describe, expect, it } from 'vitest';
import { acronymReader, acronymsIn, spelledOut, spellingWords } from '../../src/search/acronyms.js';
import { vocabulary } from './signals.helpers.js';

const termsOf = (text: string) => vocabulary.normaliser.terms(text);

describe('acronyms', () => {
  it('finds words of two capitals or more, dropping a plural s, and leaves ordinary words alone', () => {
    expect(acronymsIn('Did the CSC teams and the DfE say how many SWs left? no, Ofsted did not')).toEqual(['CSC', 'DfE', 'SW']);
    expect(acronymsIn('numbers of CiC rose')).toEqual(['CiC']);
    expect(acronymsIn('the council met on time')).toEqual([]);
  });

  it('finds the words an acronym stands for by their initials, letting joining words give a letter or none', () => {
    const words = spellingWords('The Department for Education wrote to every full-time equivalent worker');
    expect(spelledOut('DfE', words)).toEqual([1, 4]);
    expect(spelledOut('FTE', words)).toEqual([7, 10]);
    expect(spelledOut('CYP', spellingWords('the children and young people board'))).toEqual([1, 5]);
    expect(spelledOut('CSC', spellingWords('council services were cut'))).toBeUndefined();
  });

  it('credits a text with an acronym the question writes when it spells it out, and the other way round', () => {
    // The question's "ASC" is the text's "adult social care".
    expect(acronymReader('how fast did ASC requests grow?', termsOf)('requests for adult social care grew')).toEqual(termsOf('ASC'));
    // The question's "looked after children" is the text's "LAC".
    expect(acronymReader('how many looked after children?', termsOf)('LAC numbers rose again')).toEqual(termsOf('looked after children'));
    expect(acronymReader('how fast did ASC requests grow?', termsOf)('requests for school places grew')).toEqual([]);
  });
});
