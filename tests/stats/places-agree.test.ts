import { describe, expect, it } from 'vitest';
import { placeAgreement, placesAgree } from '../../src/stats/places-agree.js';
import type { Figure, StatsMatches } from '../../src/stats/types.js';

/** Places read from a sentence: the made-up towns it names. */
const placesIn = (text: string) => ['Eastmoor', 'Redbank', 'Southcliff'].filter((place) => text.includes(place));
const figure = (raw: string, sentence: string) => ({ raw, sentence: { text: sentence } }) as unknown as Figure;

const eastmoor = figure('12%', 'In Eastmoor, 12% of homes were empty.');
const redbank = figure('9%', 'In Redbank, 9% of homes were empty.');
const bare = figure('10%', 'Overall, 10% of homes were empty.');
const both = figure('11%', 'Eastmoor and Redbank together left 11% of homes empty.');

describe('placeAgreement', () => {
  it('keeps a figure naming the place asked, or naming no place, and leaves out one naming only others', () => {
    const agrees = placeAgreement(['Redbank'], placesIn);
    expect([eastmoor, redbank, bare, both].filter(agrees).map((f) => f.raw)).toEqual(['9%', '10%', '11%']);
  });

  it('keeps every figure when no place is asked', () => {
    expect([eastmoor, redbank].filter(placeAgreement([], placesIn))).toHaveLength(2);
  });
});

describe('placesAgree', () => {
  it('counts again the closest figures left (partly: the last listed)', () => {
    const found: StatsMatches = { figures: [redbank, eastmoor, bare], everyWord: true, partly: 2 };
    const agreed = placesAgree(found, placeAgreement(['Redbank'], placesIn));
    expect(agreed.figures.map((f) => f.raw)).toEqual(['9%', '10%']);
    expect(agreed.partly).toBe(1);
  });
});
