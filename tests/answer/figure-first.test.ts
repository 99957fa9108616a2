import { describe, expect, it } from 'vitest';
import { rankFiguresByEvidence, withFigureFirst } from '../../src/answer/figure-first.js';
import { directionsIn } from '../../src/search/direction.js';
import { figureValues } from '../../src/search/query.js';
import type { Citation, Reply } from '../../src/answer/types.js';
import { extractFigures, groupMatches } from '../../src/stats/index.js';
import type { Figure, FigureMatch } from '../../src/stats/types.js';
import { passage } from '../stats/helpers.js';

const [older, newer] = extractFigures([
  passage('In 2010, 20% of councils were judged inadequate.', { docId: 'a-older.md', title: 'Older review' }),
  passage('In 2015, 28% of councils were judged inadequate.', { docId: 'b-newer.md', title: 'Newer review' }),
]) as [Figure, Figure];

const match = (figure: Figure, confidence: number): FigureMatch => ({ figure, confidence, confident: true, signals: { words: 1 }, measure: 'Inadequate · percent · local authorities' });

const citationOf = (figure: Figure): Citation => ({
  passageId: figure.citation.passageId,
  docId: figure.citation.docId,
  title: figure.citation.title,
  source: figure.citation.source,
  location: 'opening',
  extract: figure.sentence.text,
  score: 1,
  figures: [],
});

const unanswered: Reply = { question: 'q', answered: false, answer: 'no answer', confidence: 0.2, citations: [] };

describe('rankFiguresByEvidence', () => {
  it('tells apart figures the index rates alike by where the search quotes them, past the 1.0 cap', () => {
    const ranked = rankFiguresByEvidence([match(older, 0.97), match(newer, 0.95)], [citationOf(newer), citationOf(older)]);
    expect(ranked.map((m) => m.figure.raw)).toEqual(['28%', '20%']);
    expect(ranked.every((m) => m.confidence <= 1)).toBe(true);
  });
});

describe('rankFiguresByEvidence, for a question about a change one way', () => {
  it('puts a figure for a change the other way below one that agrees, and no longer counts it confident', () => {
    const [improved, declined] = extractFigures([
      passage('Of the 65 councils inspected twice, 26 councils improved their overall judgement.', { docId: 'e-up.md', title: 'Outcomes' }),
      passage('There were 12 councils that had a decline in their overall judgement.', { docId: 'f-down.md', title: 'Outcomes' }),
    ]).filter((figure) => figure.raw !== '65') as [Figure, Figure];
    const ranked = rankFiguresByEvidence([match(improved, 0.84), match(declined, 0.8)], [], { directions: directionsIn('how many councils got a worse overall judgement?'), grades: [], statedFigures: [] });
    expect(ranked.map((m) => m.figure.raw)).toEqual(['12', '26']);
    expect(ranked[1]!.confident).toBe(false);
    // Without a direction in the question, the index's own order stands.
    expect(rankFiguresByEvidence([match(improved, 0.84), match(declined, 0.8)], [], { directions: directionsIn('how many councils were inspected twice?'), grades: [], statedFigures: [] }).map((m) => m.figure.raw)).toEqual(['26', '12']);
  });
});

describe('rankFiguresByEvidence, for a question about a change and no grade', () => {
  it('puts a count of a grade, which is no change, below a figure for the change', () => {
    const [graded, improved] = extractFigures([
      passage('Of the 54 councils inspected, six were judged outstanding.', { docId: 'l-graded.md', title: 'Annual report' }),
      passage('Of the 65 councils inspected twice, 26 councils improved their overall judgement.', { docId: 'm-up.md', title: 'Outcomes' }),
    ]).filter((figure) => figure.raw !== '54' && figure.raw !== '65') as [Figure, Figure];
    const asked = (question: string) => ({ directions: directionsIn(question), grades: [], statedFigures: [] });
    expect(rankFiguresByEvidence([match(graded, 0.9), match(improved, 0.8)], [], asked('how many councils improved?')).map((m) => m.figure.raw)).toEqual(['26', 'six']);
    // Asked about a grade, or about no change, the index's order stands.
    expect(rankFiguresByEvidence([match(graded, 0.9), match(improved, 0.8)], [], { ...asked('how many councils improved to outstanding?'), grades: ['Outstanding'] }).map((m) => m.figure.raw)).toEqual(['six', '26']);
    expect(rankFiguresByEvidence([match(graded, 0.9), match(improved, 0.8)], [], asked('how many councils were inspected?')).map((m) => m.figure.raw)).toEqual(['six', '26']);
  });
});

describe('rankFiguresByEvidence, for a question that states a figure and asks for another', () => {
  it('puts the figure the question states below the others', () => {
    const [councils, homes] = extractFigures([
      passage('Some 24% of local authority services were rated inadequate.', { docId: 'g-las.md', title: 'Annual report' }),
      passage('Just 1% of children’s homes were rated inadequate.', { docId: 'h-homes.md', title: 'Annual report' }),
    ]) as [Figure, Figure];
    const question = 'councils were 24% inadequate: what was the inadequate figure for children’s homes?';
    const ranked = rankFiguresByEvidence([match(councils, 0.9), match(homes, 0.85)], [], { directions: new Set(), grades: [], statedFigures: figureValues(question) });
    expect(ranked.map((m) => m.figure.raw)).toEqual(['1%', '24%']);
  });
});

describe('withFigureFirst', () => {
  it('leads with the best match and shows the other period beside it', () => {
    const groups = groupMatches([match(newer, 0.9), match(older, 0.8)]);
    // The group itself is chronological: the older figure comes first there.
    expect(groups[0]!.matches[0]!.figure.raw).toBe('20%');
    const reply = withFigureFirst(unanswered, groups, 3, { years: [], grades: [] });
    expect(reply.figures?.map((f) => f.value)).toEqual(['28%', '20%']);
    expect(reply.answer).toBe('In 2015, 28% of councils were judged inadequate.');
  });

  it('leads with the newest when the question asks for the latest', () => {
    const groups = groupMatches([match(older, 0.9), match(newer, 0.85)]);
    const reply = withFigureFirst(unanswered, groups, 3, { years: [], grades: [], latest: true });
    expect(reply.figures?.[0]?.value).toBe('28%');
  });

  it('leads with the best match among figures of the same latest period', () => {
    const [regional, national] = extractFigures([
      passage('In 2015, the share of councils judged inadequate was highest in the North (35%).', { docId: 'c-regions.md', title: 'Regions' }),
      passage('In 2015, 25% of councils were judged inadequate.', { docId: 'd-national.md', title: 'National' }),
    ]) as [Figure, Figure];
    // The group lists the two 2015 figures in its own order; the better match must lead either way.
    for (const order of [[regional, national], [national, regional]] as const) {
      const groups = groupMatches([match(older, 0.5), match(order[0], order[0] === national ? 0.9 : 0.6), match(order[1], order[1] === national ? 0.9 : 0.6)]);
      const reply = withFigureFirst(unanswered, groups, 3, { years: [], grades: [], latest: true });
      expect(reply.figures?.[0]?.value).toBe('25%');
    }
  });

  it('keeps only figures for the year asked', () => {
    const groups = groupMatches([match(newer, 0.9), match(older, 0.88)]);
    const reply = withFigureFirst(unanswered, groups, 3, { years: ['2010'], grades: [] });
    expect(reply.figures?.map((f) => f.value)).toEqual(['20%']);
    // The later figure fits too when its year is asked, though the group lists the older one first.
    expect(withFigureFirst(unanswered, groups, 3, { years: ['2015'], grades: [] }).figures?.map((f) => f.value)).toEqual(['28%']);
  });

  it('takes a "good or outstanding" figure for Good (good or better), never for Outstanding alone', () => {
    const [homes, councils] = extractFigures([
      passage('At 30 September 2017, 82% of homes were judged good or outstanding.', { docId: 'i-homes.md', title: 'Homes' }),
      passage('In 2017, 30% of councils were judged requires improvement or inadequate.', { docId: 'j-las.md', title: 'Councils' }),
    ]).filter((figure) => figure.raw.endsWith('%')) as [Figure, Figure];
    const lead = (figure: Figure, grades: string[]) => withFigureFirst(unanswered, groupMatches([match(figure, 0.9)]), 3, { years: [], grades }).figures?.map((f) => f.value);
    expect(lead(homes, ['Good'])).toEqual(['82%']);
    expect(lead(homes, ['Good or outstanding'])).toEqual(['82%']);
    expect(lead(homes, ['Outstanding'])).toBeUndefined();
    // "Requires improvement or inadequate" is no count of inadequate councils, nor of those requiring improvement.
    expect(lead(councils, ['Inadequate'])).toBeUndefined();
    expect(lead(councils, ['Requires improvement'])).toBeUndefined();
  });

  it('does not take a figure in the sentence quoted after a short lead for agreement with the search', () => {
    const [rated] = extractFigures([passage('In total, eight councils were rated good and 10 as requires improvement.', { docId: 'k-lgc.md', title: 'LGC analysis' })]) as [Figure];
    const lead: Citation = { ...citationOf(rated), extract: `By contrast, 10 received a worse rating than before.  ${rated.sentence.text}` };
    const answered: Reply = { question: 'q', answered: true, answer: 'By contrast, 10 received a worse rating than before.', confidence: 0.6, citations: [lead] };
    expect(withFigureFirst(answered, groupMatches([match(rated, 0.9)]), 3, { years: [], grades: [] }).answer).toBe(answered.answer);
    // The same figure quoted first is the search's own choice, and leads.
    expect(withFigureFirst({ ...answered, citations: [citationOf(rated)] }, groupMatches([match(rated, 0.9)]), 3, { years: [], grades: [] }).figures?.[0]?.value).toBe(rated.raw);
  });

  it('leads, for a question about one part of the service, only with a figure naming that part', () => {
    const [overall, helpAndProtection] = extractFigures([
      passage('As at 31 March 2024, 60% of councils were judged to be good or outstanding.', { docId: 'n-overall.md', title: 'Outcomes' }),
      passage('As at 31 March 2024, 54% of councils were judged good or outstanding for help and protection.', { docId: 'o-hp.md', title: 'Outcomes' }),
    ]).filter((figure) => figure.raw.endsWith('%')) as [Figure, Figure];
    const areas = (asked: string[]) => ({ asked, named: (text: string) => (/help and protection/.test(text) ? ['Help and protection'] : []) });
    const lead = (asked: string[]) =>
      withFigureFirst(unanswered, groupMatches([match(overall, 0.9), match(helpAndProtection, 0.8)]), 3, { years: [], grades: [], areas: areas(asked) }).figures?.[0]?.value;
    expect(lead(['Help and protection'])).toBe('54%');
    expect(lead([])).toBe('60%');
  });
});
