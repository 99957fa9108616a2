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

  it('marks each name that is an everyday word on its own, so a short form can be one', () => {
    const counties = parsePlaces(['Wiltshire | =Wilts', 'Gloucestershire | Glos'].join('\n'));
    expect(counties.find('did glos and Wilts improve?', { anyCase: true })).toEqual(['Gloucestershire', 'Wiltshire']);
    expect(counties.find('the flowers wilts in glos', { anyCase: true })).toEqual(['Gloucestershire']);
    expect(counties.find('wiltshire, as people type it', { anyCase: true })).toEqual(['Wiltshire']);
  });

  it('are not found inside other words', () => {
    expect(places.find('Barnetshire and Barnet')).toEqual(['Barnet']);
  });

  it('ship with the project: England\'s regions and councils', () => {
    expect(vocabulary.places.find('Birmingham; Buckinghamshire; Coventry Knowsley; Manchester Rotherham and Slough')).toHaveLength(7);
    expect(vocabulary.places.find('top in London at 85%, bottom in the North West at 36%')).toEqual(['London', 'North West']);
    expect(vocabulary.places.find('notts, north yorks and lancs', { anyCase: true })).toEqual(['Nottinghamshire', 'North Yorkshire', 'Lancashire']);
  });
});
