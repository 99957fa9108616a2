import { describe, expect, it } from 'vitest';
import { contradictsDirection, directionsIn } from '../../src/search/direction.js';

describe('direction of change', () => {
  it('reads which way a text says something went', () => {
    expect(directionsIn('how many got a worse grade?')).toEqual(new Set(['down']));
    expect(directionsIn('26 LAs improved their judgement')).toEqual(new Set(['up']));
    expect(directionsIn('the share rose in 2018 and fell in 2019')).toEqual(new Set(['up', 'down']));
    expect(directionsIn('what share of councils were rated inadequate?')).toEqual(new Set());
  });

  it('reads a change said with a phrasal verb or a grade moved', () => {
    expect(directionsIn('how many LAs actually went down in overall effectiveness?')).toEqual(new Set(['down']));
    expect(directionsIn('which councils slipped a grade, or were downgraded?')).toEqual(new Set(['down']));
    expect(directionsIn('how many went up a grade?')).toEqual(new Set(['up']));
    expect(directionsIn('which councils climbed a grade or were upgraded?')).toEqual(new Set(['up']));
    expect(directionsIn('how many LAs went backwards between inspections?')).toEqual(new Set(['down']));
    expect(directionsIn('which councils regressed, or slipped back?')).toEqual(new Set(['down']));
    expect(directionsIn('how many progressed or moved forward a grade?')).toEqual(new Set(['up']));
  });

  it('does not read the grade "requires improvement" as a change', () => {
    expect(directionsIn('38% require improvement to be good, and 12% requires improvement')).toEqual(new Set());
    expect(directionsIn('councils requiring improvement improved')).toEqual(new Set(['up']));
    expect(directionsIn('1 in 5 councils were good or better; 3 were inadequate or worse')).toEqual(new Set());
  });

  it('sees a contradiction only when each side names one direction, and not the same', () => {
    const down = directionsIn('which region had the lowest share?');
    expect(contradictsDirection(down, directionsIn('London has the highest share, at 79%.'))).toBe(true);
    expect(contradictsDirection(down, directionsIn('The West Midlands has the lowest share, at 21%.'))).toBe(false);
    expect(contradictsDirection(down, directionsIn('It rose, then fell.'))).toBe(false);
    expect(contradictsDirection(new Set(), directionsIn('London has the highest share.'))).toBe(false);
  });
});
