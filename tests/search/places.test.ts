import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/search/places.js';
import { analyseQuery } from '../../src/search/query.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');

describe('places', () => {
  const places = parsePlaces(['North East | north-east', 'North East Lincolnshire', 'West Midlands | West Mids', 'Barnet', '=Reading', '# a comment'].join('\n'));

  it('finds the places a text names, by their first name, longest name first', () => {
    expect(places.find('Barnet and North East Lincolnshire, unlike the North East')).toEqual(['Barnet', 'North East Lincolnshire', 'North East']);
    expect(places.find('the West  Mids and the north-east')).toEqual(['West Midlands', 'North East']);
  });

  it('reads a report as written, and a question in any case, except names that are everyday words', () => {
    expect(places.find('councils in the north east')).toEqual([]);
    expect(places.find('councils in the north east and west mids', { anyCase: true })).toEqual(['North East', 'West Midlands']);
    expect(places.find('reading the report on Reading', { anyCase: true })).toEqual(['Reading']);
    expect(places.find('reading the report', { anyCase: true })).toEqual([]);
  });

  it('are not found inside other words', () => {
    expect(places.find('Barnetshire and Barnet')).toEqual(['Barnet']);
  });

  it('ship with the project: England\'s regions and councils', () => {
    expect(vocabulary.places.find('Birmingham; Buckinghamshire; Coventry Knowsley; Manchester Rotherham and Slough')).toHaveLength(7);
    expect(vocabulary.places.find('highest in the London region (85%) and lowest in the North West (36%)')).toEqual(['London', 'North West']);
  });
});

describe('the places a question asks about', () => {
  it('are the regions and councils it names, however typed', () => {
    expect(analyseQuery('what % of LAs in the north east were good?', vocabulary).places).toEqual(['North East']);
    expect(analyseQuery('1 in 5 west mids councils were good?', vocabulary).places).toEqual(['West Midlands']);
    expect(analyseQuery('what share of councils were inadequate?', vocabulary).places).toEqual([]);
    // The other nations are places too; England is where the reports are, so asks for nothing narrower.
    expect(analyseQuery('what share of Welsh councils, or councils in Scotland, were inadequate?', vocabulary).places).toEqual(['Wales', 'Scotland']);
    expect(analyseQuery('how many children are in care in England?', vocabulary).places).toEqual([]);
  });

  it('and whether it asks which places, one or several', () => {
    expect(analyseQuery('which seven councils were rated inadequate?', vocabulary).asksForPlaces?.how).toBe('several');
    expect(analyseQuery('which LA did Ofsted hold up as a warning?', vocabulary).asksForPlaces?.how).toBe('one');
    expect(analyseQuery('which region was worst?', vocabulary).asksForPlaces?.how).toBe('one');
    expect(analyseQuery('what share of councils were inadequate?', vocabulary).asksForPlaces).toBeUndefined();
  });
});
