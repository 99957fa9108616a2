import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../src/search/query.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');
const focus = (question: string) => analyseQuery(question, vocabulary).focus;

describe('the focus of a "who/what was X" question', () => {
  it('is the noun phrase after the wh-word and "be", past a possessive', () => {
    expect(focus("who was the council's chief executive when the report came out?")).toEqual(['chief', 'execut']);
    expect(focus('what were the main recommendations of the review?')).toEqual(['main', 'recommend']);
  });

  it('leaves out framing words', () => {
    expect(focus('what was the latest figure?')).toEqual([]);
    // "Headline verdict", "main findings": how a report's conclusion is asked for, not a word it must use.
    expect(focus("what was the NAO's headline verdict on the department?")).toEqual([]);
    expect(focus('what were the main findings of the review?')).toEqual(['main']);
  });

  it('is what a "who did X" question says the person did', () => {
    expect(focus('who chaired the LGA when A brave new world was published?')).toEqual(['chair']);
    expect(focus('who commissioned the report?')).toEqual(['commiss']);
    // Saying, or a form of "be", is no act of its own: "who said ..." asks for whoever said it.
    expect(focus('who said inspection was punitive?')).toEqual([]);
  });

  it('is the topic of a "what did X say about Y" question', () => {
    expect(focus('what did Meg Hillier say about the ILACS framework?')).toEqual(['ilac', 'framework']);
    expect(focus('what did Ofsted say about cuts to youth services in its 2018 annual report?')).toEqual(['cut', 'youth', 'servic']);
    expect(focus('what does the ADCS think of graded judgements?')).toEqual(['grade', 'judgement']);
  });

  it('is empty for other question shapes', () => {
    expect(focus('what did the auditors conclude about spending?')).toEqual([]);
    expect(focus('how many councils were rated good?')).toEqual([]);
  });
});

describe('the names a question uses', () => {
  const names = (question: string) => analyseQuery(question, vocabulary).names;

  it('are the words written with a capital, other than the first', () => {
    expect(names('how many Scottish councils were inspected under the SIF?')).toEqual(['scottish', 'sif']);
    expect(names('What share of councils in Northern Ireland were rated inadequate?')).toEqual(['northern', 'ireland']);
    expect(names("Ofsted's view on the LGA's report")).toEqual(['lga']);
  });

  it('are not months or weekdays, however abbreviated, nor the lower-case part of a compound', () => {
    expect(names('what was the good/outstanding share at end Aug 2019, and in Sept?')).toEqual([]);
    expect(names('What changed between March and Oct. 2017, by Friday?')).toEqual([]);
    expect(names("what's one of the watchdog's jobs, according to the LGA-backed study?")).toEqual(['lga']);
  });

  it('are none in a question written in lower case', () => {
    expect(names('what did the watchdog say about climate change?')).toEqual([]);
  });
});

describe('framing terms', () => {
  const framing = (question: string) => analyseQuery(question, vocabulary).framing;
  const term = (word: string) => vocabulary.normaliser.term(word)!;

  it('are the words that place a year in time, which an answer need not repeat', () => {
    expect(framing('which grade got renamed in late 2013?')).toEqual([term('late')]);
    expect(framing('what changed at the end of 2014 and in mid-2015?')).toEqual([term('end'), term('mid')]);
    expect(framing('how many were inspected in autumn 2013?')).toEqual([term('autumn')]);
  });

  it('are only such words beside a year: "early help" is a service, not a time', () => {
    expect(framing('what did councils spend on early help in 2015?')).not.toContain(term('early'));
    expect(framing('was the inspection late?')).not.toContain(term('late'));
  });

  it('include the vocabulary\'s framing words the question uses', () => {
    expect(framing("what is the ADCS view on inspection in late 2013?")).toEqual([term('view'), term('late')]);
  });

  it('include words that name where a fact was published', () => {
    expect(framing('how many kids are in care according to the 2024 Ofsted release?')).toEqual([term('according'), term('release')]);
    expect(framing("what's the actual figure in the LGC piece?")).toEqual([term('actual'), term('figure'), term('piece')]);
  });
});
