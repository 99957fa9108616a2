import { describe, expect, it } from 'vitest';
import { intentsAsked, states } from '../../src/search/intent.js';

describe('what kind of statement a question asks for', () => {
  it('reads a reason, a consequence or a recommendation from the question', () => {
    expect(intentsAsked('why are cuts to youth provision making things worse?')).toEqual(['reason']);
    expect(intentsAsked("because the cycle is late, what's the knock-on for DfE?")).toEqual(['consequence']);
    expect(intentsAsked('what happens after an inadequate judgement?')).toEqual(['consequence']);
    expect(intentsAsked('what did the PAC recommend?')).toEqual(['recommendation']);
    expect(intentsAsked('what did iMPOWER want done to inspection?')).toEqual(['recommendation']);
    expect(intentsAsked('what share of councils were inadequate?')).toEqual([]);
  });

  it('finds it stated by a sentence\'s connectives, not by its topic', () => {
    expect(states('reason', 'Demand has been pushed downstream because councils are less able to intervene early.')).toBe(true);
    expect(states('consequence', 'The Department does not therefore have up-to-date assurance.')).toBe(true);
    expect(states('recommendation', 'The Department should set out a plan by 2017.')).toBe(true);
    expect(states('reason', 'Ofsted will not complete the cycle until 2017.')).toBe(false);
    expect(states('recommendation', 'The committee published its report on 16 December.')).toBe(false);
  });
});
