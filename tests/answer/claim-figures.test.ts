import { describe, expect, it } from 'vitest';
import { claimFigures, figuresBacked } from '../../src/answer/claim-figures.js';
import { loadStatsVocabulary } from '../../src/stats/index.js';

const vocabulary = loadStatsVocabulary('data');
const unstated = (claim: string, ...lines: string[]) => claimFigures(claim, lines, vocabulary).unstated;

describe('the figures a claim states that no line found states', () => {
  it('finds none when a line states each figure, as written or rounded the way people round', () => {
    expect(unstated('apparently about 1,800 referrals arrive every day', 'Councils receive up to 1,796 referrals a day.')).toEqual([]);
    expect(unstated('foster carers fell to about 25.3k by March', 'The number fell to 25,300 carers.')).toEqual([]);
    expect(unstated('the review set out three aims', 'It was written with 3 aims in mind.')).toEqual([]);
    expect(unstated('roughly a fifth of placements broke down', 'In all, 21% of placements ended early.')).toEqual([]);
    expect(unstated('seven of the 43 teams were rated weak', 'Of the 43 teams, 7 were rated weak.')).toEqual([]);
    expect(unstated('nearly two thirds of parents had appealed', 'In the survey, 62% of parents had appealed.')).toEqual([]);
    expect(unstated('the rate fell to about 200 per 100k by Sept 24', 'It stood at 194 per 100,000 children.')).toEqual([]);
  });

  it('names a figure no line states, and reads years and split years as no figures', () => {
    expect(unstated('the average caseload was 16.3 in 2023', 'The average caseload was 16.9, down from 17.4.')).toEqual(['16.3']);
    expect(unstated('the scheme saved councils £1.2bn', 'The scheme cost £1.4bn over five years.')).toEqual(['£1.2bn']);
    expect(unstated('spending rose sharply in 2017/18', 'Spending rose in every year.')).toEqual([]);
    expect(unstated('inspectors praised the leadership', 'Leaders were praised.')).toEqual([]);
    // Unhedged, a figure is read at the precision it is written: 194 is "190" or "200", not "210".
    expect(unstated('the rate fell to 210', 'It stood at 194.')).toEqual(['210']);
    expect(unstated('the rate fell to 190', 'It stood at 194.')).toEqual([]);
  });

  it('backs a figure only by a value of its kind: a share by a share, a sum by a sum, never by a year or a day of a date', () => {
    expect(unstated('about 25% of the panel were new', 'The panel had 25 members.')).toEqual(['25%']);
    expect(unstated('about 25% of the panel were new', 'Of the panel, 23% were new.')).toEqual([]);
    expect(unstated('residents pay about £32 an hour', 'Waits fell to 21 days by 31 March 2026.')).toEqual(['£32']);
    expect(unstated('there were about 2,000 carers waiting', 'Complaints in 2021 to 2022 fell.')).toEqual(['2,000']);
    expect(unstated('around 15 homes closed', 'It was the 15th rise in a row.')).toEqual(['15']);
    // "For every £1 ... £4" is read as a ratio, and still states both sums.
    expect(unstated('boroughs spend £4 on crisis work for every £1 on prevention', 'For every £1 spent on prevention, £4 went on crisis work.')).toEqual([]);
  });

  it('backs no figure by a numbered paragraph or a reference to one, in a window of several sentences as in one', () => {
    const window = 'Every child should be placed near home. 31. No child should live more than 40 miles away (see paragraph 30).';
    expect(unstated('children live about 30 miles from home', window)).toEqual(['30']);
    expect(unstated('children live about 31 miles from home', window)).toEqual(['31']);
    expect(unstated('children live at most 40 miles from home', window)).toEqual([]);
    // A sentence ending in a figure is still a figure: only a number opening a sentence before a capital numbers it.
    expect(unstated('the tally reached 31', 'The tally reached 31. Nobody expected it.')).toEqual([]);
  });

  it('allows a hedge or rounding a tenth either way, and a share three points', () => {
    expect(unstated('there were 2,000 carers waiting', 'There were 1,600 carers waiting.')).toEqual(['2,000']);
    expect(unstated('there were 2,000 carers waiting', 'There were 1,960 carers waiting.')).toEqual([]);
    expect(unstated('occupancy ran at ~98%', 'Occupancy should be no more than 90 per cent.')).toEqual(['~98%'.slice(1)]);
  });

  it('reads an age naming who is counted, or a number joined to the word it describes, as no figure', () => {
    expect(claimFigures('an under-2 place costs ~£1,400 a month', [], vocabulary).claimed).toEqual(['£1,400 a month']);
    expect(claimFigures('over-65s waited about 20 days', [], vocabulary).claimed).toEqual(['20']);
    expect(claimFigures('the board wanted a one-word grade dropped for 3 councils', [], vocabulary).claimed).toEqual(['3']);
    expect(claimFigures('there were 40-odd closures', [], vocabulary).claimed).toEqual(['40']);
  });

  it('reads a short year of account or a quarter as no figure: "in 24/25", "in Q2"', () => {
    expect(claimFigures('re-referrals were still ~25% in 25/26', [], vocabulary).claimed).toEqual(['25%']);
    expect(claimFigures('transport cost ~£2.1bn in 24/25', [], vocabulary).claimed).toEqual(['£2.1bn']);
    expect(claimFigures('a third of audits were good in Q2', [], vocabulary).claimed).toEqual(['a third']);
    expect(claimFigures('spend rose in 14/15 and 15/16', [], vocabulary).claimed).toEqual([]);
    // Two numbers that are not consecutive years are no year of account: an age range stays as it was read.
    expect(claimFigures('only half of our 19-21 care leavers are in EET', [], vocabulary).claimed).toEqual(['half', '21']);
  });

  it('backs a claim when lines state at least half its figures, a claim adding one of its own reckoning', () => {
    const line = 'The bill rose from £4.5 million in 2023/24 to £8.4 million in 2025/26.';
    expect(figuresBacked('the bill nearly doubled in 2 years, from 4.5m to 8.4m', [line], vocabulary)).toBe(true);
    expect(figuresBacked('the bill tripled in 3 years, from 3m to 9m', [line], vocabulary)).toBe(false);
    expect(figuresBacked('the bill went up a lot', [line], vocabulary)).toBe(true);
  });
});
