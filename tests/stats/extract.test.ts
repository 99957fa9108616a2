import { describe, expect, it } from 'vitest';
import { extractFigures as extractWith, loadStatsVocabulary, parseStatsQuery } from '../../src/stats/index.js';
import type { Figure } from '../../src/stats/index.js';
import { passage } from './helpers.js';
import type { Passage } from '../../src/ingest/types.js';

const vocabulary = loadStatsVocabulary('data');
const extractFigures = (passages: readonly Passage[]) => extractWith(passages, vocabulary);

function only(figures: Figure[], raw: string): Figure {
  const found = figures.filter((f) => f.raw === raw);
  expect(found, `figure "${raw}" among ${figures.map((f) => f.raw).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

describe('extractFigures: kinds of figure', () => {
  it('reads percentages written with % and as "per cent"', () => {
    const figures = extractFigures([passage('In 2016, 31% of councils were rated good and 12 per cent were rated inadequate.')]);
    expect(only(figures, '31%')).toMatchObject({ value: 31, unit: 'percent' });
    expect(only(figures, '12 per cent')).toMatchObject({ value: 12, unit: 'percent' });
  });

  it('reads a number spelled out at a sentence\'s start, tens and units joined, as one figure, a share too', () => {
    const figures = extractFigures([passage('Ninety-one per cent of volunteers had finished their induction. Twenty three councils replied.', { title: 'Volunteer survey 2024/25' })]);
    expect(only(figures, 'Ninety-one per cent')).toMatchObject({ value: 91, unit: 'percent' });
    expect(only(figures, 'Twenty three')).toMatchObject({ value: 23, unit: 'count', counted: 'local authorities' });
  });

  it('reads "up to date" as current, not as a period', () => {
    const figures = extractFigures([passage('Eighty per cent of the harbour logs are up to date. Repairs to date cost £3m.', { title: 'Harbour review 2024/25' })]);
    expect(only(figures, 'Eighty per cent').period?.label).toBe('2024/25');
    // "To date" is a period: the report's own, which its title names.
    expect(only(figures, '£3m').period).toMatchObject({ text: 'to date', label: '2024/25', inferred: false });
  });

  it('reads counts: "10 of 43 councils", "20 local authorities", "3 LAs were judged outstanding"', () => {
    const figures = extractFigures([
      passage('Inspectors found 10 of 43 councils were good. There are 20 local authorities under review. Only 3 LAs were judged outstanding.'),
    ]);
    expect(only(figures, '10 of 43')).toMatchObject({ value: 10, outOf: 43, unit: 'count', counted: 'local authorities' });
    expect(only(figures, '20')).toMatchObject({ value: 20, unit: 'count', counted: 'local authorities' });
    expect(only(figures, '3')).toMatchObject({ value: 3, unit: 'count', grade: 'Outstanding', counted: 'local authorities' });
  });

  it('reads a table row as ingest writes it, each cell (the row label, a column name and its figure) the statement of its figure', () => {
    const figures = extractFigures([passage('Eastpoint: Children in care 612, Children on plans 389, Care leavers 1,390')]);
    expect(figures.map((f) => f.raw)).toEqual(['612', '389', '1,390']);
    expect(only(figures, '389')).toMatchObject({ value: 389, unit: 'count', counted: 'children', sentence: { text: 'Eastpoint: Children on plans 389' } });
  });

  it('takes the figures of a table row whatever their columns count, not a number in the name of a column, with the period its label names', () => {
    const figures = extractFigures([passage('30 June 2025: Moorings let 140, Boats over 12 metres 35, Fees 2024/25 £2,100')]);
    expect(figures.map((f) => f.raw)).toEqual(['140', '35', '£2,100']);
    expect(only(figures, '35').sentence.text).toBe('30 June 2025: Boats over 12 metres 35');
    expect(only(figures, '140').period).toMatchObject({ label: '2025-06-30' });
    expect(only(figures, '140').period?.inferred).toBeFalsy();
    expect(only(figures, '£2,100').period).toMatchObject({ label: '2024/25' });
  });

  it('reads a Markdown table a figure at a time, each named by its row label and its column, with the period its column names', () => {
    const table = ['Measure | 2023/24 | 2024/25', 'Ferry crossings per 1,000 residents | 410 | 395', 'Harbour berths let (number) | 1,220 | 1,305', 'Share of berths let | 81% | 86%'].join('\n');
    const figures = extractFigures([passage(`The harbour board keeps these records.\n\n${table}\n\nBerths were let faster.`)]);
    expect(figures.map((f) => f.raw)).toEqual(['410', '395', '1,220', '1,305', '81%', '86%']);
    expect(only(figures, '1,305')).toMatchObject({ value: 1305, sentence: { text: 'Harbour berths let (number): 2024/25 1,305' }, period: { label: '2024/25' } });
    expect(only(figures, '81%')).toMatchObject({ unit: 'percent', period: { label: '2023/24' } });
    // The header's years and the "1,000" of a label are not figures.
    expect(figures.some((f) => f.value === 1000 || f.raw.startsWith('2023'))).toBe(false);
  });

  it('reads a Markdown table whose first row gives figures without naming columns, by its labels alone', () => {
    const figures = extractFigures([passage('Ferry crossings in 2025 | 410 | 395\nHarbour berths let in 2025 | 1,220 | 1,305')]);
    expect(only(figures, '1,220').sentence.text).toBe('Harbour berths let in 2025: 1,220');
    expect(only(figures, '1,220').period).toMatchObject({ label: '2025' });
  });

  it("reads the rows of a long table's later passage by the header line the chunker kept for it", () => {
    const rest = 'Westreach | 96 | 104\nOld Quay | 210 | 199';
    const figures = extractFigures([passage(rest, { start: 300, tableHeader: 'Quay | 2024/25 | 2025/26' })]);
    expect(only(figures, '104')).toMatchObject({ sentence: { text: 'Westreach: 2025/26 104' }, period: { label: '2025/26' } });
    // Without one, its rows are read as they are.
    expect(only(extractFigures([passage(rest, { start: 300 })]), '104').sentence.text).toBe('Westreach: 104');
  });

  it("reads a table's bare figures as sums of money in the unit its caption or a column's name states", () => {
    const table = ['Quay | Dredging | Berths let | Repairs (£m)', 'Eastpoint | 640 | 81% | 1.5', 'Westreach | 1,120 | 74% | 0.4'].join('\n');
    const figures = extractFigures([passage(`Table 2: Harbour spending by quay, 2025/26 (£ thousand)\n\n${table}`)]);
    expect(only(figures, '640')).toMatchObject({ value: 640_000, unit: 'GBP' });
    expect(only(figures, '1,120')).toMatchObject({ value: 1_120_000, unit: 'GBP' });
    // A share stays a share, and a column's own unit is taken before the caption's.
    expect(only(figures, '81%')).toMatchObject({ value: 81, unit: 'percent' });
    expect(only(figures, '1.5')).toMatchObject({ value: 1_500_000, unit: 'GBP' });
    // Without a unit stated, a table's figures are what they are.
    const plain = extractFigures([passage(`Table 3: Berths by quay\n\nQuay | Berths\nEastpoint | 140\nWestreach | 96`)]);
    expect(only(plain, '140')).toMatchObject({ value: 140, unit: 'count' });
  });

  it('reads the money unit of a row as ingest writes DOCX and PDF tables from its column name or the caption above', () => {
    const figures = extractFigures([passage('Spending by quay (£000)\n\nQuay: Dredging, Repairs\n\nEastpoint: Dredging 640, Repairs 90')]);
    expect(only(figures, '640')).toMatchObject({ value: 640_000, unit: 'GBP', sentence: { text: 'Eastpoint: Dredging 640' } });
  });

  it('leaves out numbers that count nothing named', () => {
    const figures = extractFigures([passage('Chapter 4 covers the review that took 18 months.')]);
    expect(figures).toEqual([]);
  });

  it('reads a count of a plural noun the vocabulary does not know, written after it, before a move to it, or as its label', () => {
    const figures = extractFigures([passage('The panel issued 412 warnings. New approvals rose to 26. Out-of-area placements: 41 at the end of June.')]);
    expect(figures.map((f) => f.raw)).toEqual(['412', '26', '41']);
  });

  it('reads a number opening a sentence as a count before a word in lower case, and as numbering before a capital', () => {
    const texts = ['511 children were waiting for a mooring.', '6.2 The harbour logged 40 complaints.', '3 Harbours and berths'];
    const counts = extractFigures(texts.map((text, i) => passage(text, { docId: `harbour-${i}.md` })));
    expect(counts.map((f) => f.raw)).toEqual(['511', '40']);
  });

  it('reads both counts of a plural noun moving from one period\'s figure to another\'s', () => {
    const figures = extractFigures([passage('Ferry bookings fell from 7,210 in 2024/25 to 6,840 in 2025/26.')]);
    expect(figures.map((f) => [f.raw, f.period?.label])).toEqual([['7,210', '2024/25'], ['6,840', '2025/26']]);
  });

  it('reads no count from a span of time or a numbered label followed by a verb', () => {
    expect(extractFigures([passage('Section 4 covers the 18 months after the review.')])).toEqual([]);
  });

  it('reads an ordinal as no count: "the 12th council" counts nothing', () => {
    const figures = extractFigures([passage('It was the 12th council rated inadequate this year, and 3 councils improved.')]);
    expect(figures.map((f) => f.raw)).toEqual(['3']);
  });

  it('reads sums of money with multipliers and rates', () => {
    const figures = extractFigures([
      passage(
        'Failed inspections may cost £30 million in all. Extra placements add £173m a year. The typical outlay is £2,300 per year, and as little as £340 per child in some places.',
      ),
    ]);
    expect(only(figures, '£30 million')).toMatchObject({ value: 30_000_000, unit: 'GBP' });
    expect(only(figures, '£173m a year')).toMatchObject({ value: 173_000_000, unit: 'GBP', per: 'year' });
    expect(only(figures, '£2,300 per year')).toMatchObject({ value: 2300, per: 'year' });
    expect(only(figures, '£340 per child')).toMatchObject({ value: 340, per: 'child', counted: 'children' });
  });

  it('reads a "for every £1 ... £4" ratio as one figure, not two sums', () => {
    const figures = extractFigures([passage('For every £1 put into early help, councils spent £4 on crisis work.')]);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ unit: 'ratio', value: 4, raw: 'For every £1 put into early help, councils spent £4' });
  });

  it('reads a rate on a round base as one figure, the base never a count of its own', () => {
    const figures = extractFigures([passage('Harbourside looked after 412 children, a rate of 63.5 per 10,000 children, up from 58 per 10,000 in 2023.')]);
    expect(only(figures, '63.5 per 10,000')).toMatchObject({ value: 63.5, unit: 'rate', per: '10,000 children', counted: 'children' });
    expect(only(figures, '58 per 10,000')).toMatchObject({ value: 58, unit: 'rate' });
    expect(figures.map((f) => f.raw)).not.toContain('10,000');
    // "per 12 weeks" is no base of a rate.
    expect(extractFigures([passage('Visits ran at 3 per 12 weeks.')]).filter((f) => f.unit === 'rate')).toEqual([]);
  });

  it('reads a bare value that a measure word leads to: an average, a median, a rise from one to another', () => {
    const figures = extractFigures([
      passage('The median wait for a first visit was 41 days. Mean caseloads in the east team rose from 14.2 to 15.8 in 2024. Mentors held an average of 6.5 cases each.'),
    ]);
    expect(only(figures, '41')).toMatchObject({ value: 41, unit: 'measure' });
    expect(only(figures, '14.2')).toMatchObject({ value: 14.2, unit: 'measure' });
    expect(only(figures, '15.8')).toMatchObject({ value: 15.8, unit: 'measure', period: { label: '2024' } });
    expect(only(figures, '6.5')).toMatchObject({ value: 6.5, unit: 'measure' });
  });

  it('keeps a whole number of counted things a count, and reads no measure from a date, a band of ages, a range of shares or a section', () => {
    const figures = extractFigures([
      passage(
        'The average score across 12 councils was high. The average was reported at 30 September. Rates are given per 1,000 women aged 15 to 44. A vacancy rate of 5 to 10 per cent is the aim. The average is explained in section 4.2 below.',
      ),
    ]);
    expect(only(figures, '12')).toMatchObject({ unit: 'count', counted: 'local authorities' });
    expect(figures.filter((f) => f.unit === 'measure')).toEqual([]);
  });

  it('keeps the sentence exactly, with offsets in the document', () => {
    const text = 'Opening words here. Then 45% of authorities improved.';
    const [figure] = extractFigures([passage(text, { start: 1000 })]);
    expect(figure!.sentence.text).toBe('Then 45% of authorities improved.');
    expect(figure!.sentence.start).toBe(1000 + text.indexOf('Then'));
    expect(figure!.sentence.end).toBe(1000 + text.length);
    expect(figure!.sentence.text.slice(figure!.rawStart, figure!.rawEnd)).toBe('45%');
  });
});

describe('extractFigures: table cells', () => {
  const cells = (table: string) => extractFigures([passage(table)]).map((f) => [f.raw, f.unit, f.value]);

  it('reads the amount that ends a cell by its label, whole or not: a rate on a round base, an average or median, a count; never a number inside the label', () => {
    const table = [
      '| Measure | 2024/25 | 2025/26 |',
      '| --- | --- | --- |',
      '| Custody orders per 1,000 young people aged 12 to 17 | 0.31 | 0.22 |',
      '| Average repeat offences per young person | 2.7 | 2.4 |',
      '| Mentors in post | 14 | 16 |',
      '| Referrals per 10,000 young people | 212 | 198 |',
      '| Median days to a first visit | 41 | 38 |',
    ].join('\n');
    const figures = extractFigures([passage(table)]);
    expect(figures.map((f) => [f.raw, f.unit])).toEqual([
      ['0.31', 'rate'],
      ['0.22', 'rate'],
      ['2.7', 'measure'],
      ['2.4', 'measure'],
      ['14', 'count'],
      ['16', 'count'],
      ['212', 'rate'],
      ['198', 'rate'],
      ['41', 'measure'],
      ['38', 'measure'],
    ]);
    expect(figures[0]).toMatchObject({ value: 0.31, per: '1,000 young people aged', period: { label: '2024/25' } });
  });

  it('keeps the sign of a change a table states', () => {
    expect(cells('| Carers | 2025 | Change |\n| --- | --- | --- |\n| Approved in year | 140 | -12 |')).toEqual([
      ['140', 'count', 140],
      ['-12', 'count', -12],
    ]);
  });

  it('reads a column named by a money unit alone as that unit, and a cell ending in a date as no sum of money', () => {
    expect(cells('| Cause of overspend | £m |\n| --- | --- |\n| Transport for pupils | 3.2 |')).toEqual([['3.2', 'GBP', 3_200_000]]);
    expect(cells('Capital programme (£m)\n\n| Project | Opens |\n| --- | --- |\n| Larkhill nursery | March 2027 |')).toEqual([]);
  });
});

describe('extractFigures: grades', () => {
  it('gives each figure in a list the grade written next to it', () => {
    const figures = extractFigures([passage('In 2009/10 the split was 7% ‘Outstanding’, 61% ‘Good’ and 32% ‘Adequate’.')]);
    expect(figures.map((f) => [f.raw, f.grade])).toEqual([
      ['7%', 'Outstanding'],
      ['61%', 'Good'],
      ['32%', 'Adequate'],
    ]);
  });

  it('reads "good or outstanding" as one combined grade', () => {
    const [figure] = extractFigures([passage('By 2021, 52% of councils were judged good or outstanding.')]);
    expect(figure).toMatchObject({ grade: 'Good or outstanding', grades: ['Good', 'Outstanding'] });
  });

  it('reads "good or better" as good or outstanding', () => {
    const [figure] = extractFigures([passage('By 2021, 52% of councils were judged good or better.')]);
    expect(figure).toMatchObject({ grade: 'Good or outstanding', grades: ['Good', 'Outstanding'] });
  });

  it('knows the other names for requires improvement', () => {
    const figures = extractFigures([
      passage('Some 40% were requiring improvement in 2014. A further 30% were RI in 2015. Then 25% required improvement to be good in 2016.'),
    ]);
    expect(figures.map((f) => f.grade)).toEqual(['Requires improvement', 'Requires improvement', 'Requires improvement']);
  });

  it('shares a grade between figures joined by "from ... to"', () => {
    const figures = extractFigures([passage('The share judged inadequate fell from 21% to 14% in 2020.')]);
    expect(figures.map((f) => f.grade)).toEqual(['Inadequate', 'Inadequate']);
  });

  it('shares a grade between a count and its share restated in brackets: "15 LAs (23%) kept a good judgement"', () => {
    const figures = extractFigures([
      passage('Across 65 LAs, 26 LAs (40%) moved up a judgement, while 15 LAs (23%) kept a good or outstanding judgement.'),
    ]);
    expect(only(figures, '15')).toMatchObject({ grade: 'Good or outstanding', counted: 'local authorities' });
    expect(only(figures, '23%')).toMatchObject({ grade: 'Good or outstanding' });
    // The grade after the second pair is not the first pair's.
    expect(only(figures, '26').grade).toBeUndefined();
    expect(only(figures, '40%').grade).toBeUndefined();
  });

  it('does not read "good" in ordinary prose as a grade', () => {
    const [figure] = extractFigures([passage('There is good news: 70% of children were seen within a week in 2019.')]);
    expect(figure!.grade).toBeUndefined();
  });
});

describe('extractFigures: periods', () => {
  const periodOf = (text: string, fields = {}) => extractFigures([passage(text, fields)])[0]!.period;

  it('normalises financial and academic years', () => {
    expect(periodOf('In 2013-14, 33% of councils were good.')).toMatchObject({ kind: 'financial-year', label: '2013/14', text: '2013-14', years: [2013, 2014] });
    expect(periodOf('Back in 2007/08 some 9% were outstanding.')).toMatchObject({ label: '2007/08', inferred: false });
  });

  it('reads a span of years written with a dash as its end, in a sentence and in a query', () => {
    expect(periodOf('Over 2016-2020 the fleet grew by 12%.')).toMatchObject({ kind: 'year', label: '2020', text: '2016-2020' });
    expect(parseStatsQuery('fleet growth 2016-2020', vocabulary).period).toMatchObject({ label: '2020' });
  });

  it('gives a figure that moved from an earlier one the period of the report, not that of the earlier figure', () => {
    const figures = extractFigures([
      passage('Early in the review we met every team. About 21% of families waited over a month, down from 26% in 2022. In 2021 the figure was 30%.', {
        title: 'Family support review 2024',
      }),
    ]);
    expect(only(figures, '26%').period).toMatchObject({ label: '2022', inferred: false });
    expect(only(figures, '21%').period).toMatchObject({ label: '2024', inferred: true });
    // Groups compared within one period share it.
    const compared = extractFigures([passage('Girls were more often waiting (18% compared with 11% in 2023).', { title: 'Family support review 2024' })]);
    expect(compared.map((f) => f.period?.label)).toEqual(['2023', '2023']);
  });


  it('reads a heading naming a period as the line before the passage: nearer than a sentence after, farther than one before', () => {
    const text = 'Waiting: the average wait for a ferry fell from 41 to 35 minutes. Cancellations fell to 12 (19 in 2022/23).';
    const underHeading = extractFigures([passage(text, { heading: 'Headlines for 2024/25', title: 'Ferry service report' })]);
    expect(only(underHeading, '35').period).toMatchObject({ label: '2024/25', inferred: true });
    // A sentence before it, in the passage, is nearer still.
    const afterYear = extractFigures([passage(`In 2021 the service was reviewed. ${text}`, { heading: 'Headlines for 2024/25', title: 'Ferry service report' })]);
    expect(only(afterYear, '35').period).toMatchObject({ label: '2021', inferred: true });
    // With no heading, the nearest sentence naming one.
    const noHeading = extractFigures([passage(text, { title: 'Ferry service report' })]);
    expect(only(noHeading, '35').period).toMatchObject({ label: '2022/23', inferred: true });
  });
  it('reads dates and seasons', () => {
    expect(periodOf('As at 31 March 2024, 60% of councils were good or outstanding.')).toMatchObject({ kind: 'date', label: '2024-03-31' });
    expect(periodOf('In autumn 2017, 36% of councils were good or outstanding.')).toMatchObject({ kind: 'season', label: 'autumn 2017', years: [2017] });
  });

  it('reads numeric dates day first, as English reports write them, and ranges of dates', () => {
    expect(periodOf('On 12/03/2019, 40 councils were inadequate.')).toMatchObject({ kind: 'date', label: '2019-03-12', sortKey: '2019-03-12' });
    expect(periodOf('From 1 April 2014 to 31 March 2015, 10 councils were inadequate.')).toMatchObject({
      kind: 'date-range',
      label: '2014-04-01 to 2015-03-31',
      years: [2014, 2015],
    });
  });

  it('quotes a date as the date alone, without the weekday or time around it', () => {
    const period = periodOf('Posted 09:05 GMT on Wednesday, 17 December 2008: 20 councils were inadequate.');
    expect(period).toMatchObject({ kind: 'date', label: '2008-12-17', text: '17 December 2008' });
  });

  it('resolves "today" to the document date when there is one, else to the period its title names, and leaves it as stated otherwise', () => {
    expect(periodOf('Today 28% of councils are inadequate.', { date: '2015-11-02' })).toMatchObject({ kind: 'date', label: '2015-11-02', years: [2015], text: 'Today' });
    expect(periodOf('Last year 30% of councils were inadequate.', { date: '2015-11-02' })).toMatchObject({ label: '2014', years: [2014] });
    // The date comes before the title: "today" is the day the report came out.
    expect(periodOf('Today 28% of councils are inadequate.', { date: '2015-11-02', title: 'Ratings 2014/15' })).toMatchObject({ label: '2015-11-02' });
    expect(periodOf('Currently 41% of the ferries run late.', { title: 'Ferry update (Harbour News, 3 March 2019)' })).toMatchObject({ kind: 'date', label: '2019-03-03', inferred: false });
    expect(periodOf('This year £2m of the savings are at risk.', { title: 'Budget monitoring 2025/26' })).toMatchObject({ kind: 'financial-year', label: '2025/26' });
    expect(periodOf('Last year £3m of the savings were delivered.', { title: 'Budget monitoring 2025/26 quarter 2' })).toMatchObject({ kind: 'financial-year', label: '2024/25' });
    expect(periodOf('Today 28% of councils are inadequate.')).toMatchObject({ kind: 'relative', label: 'today', years: [] });
  });

  it('reads the period after "from 19 in" as the earlier figure\'s, not the later one\'s nor its neighbours\'', () => {
    const lines = passage('- 1,210 boats docked, up from 1,090 boats in 2023/24;\n- the ferries carried 48,300 passengers.\n\nNew moorings rose to 26, from 19 in 2022/23.', { title: 'Harbour review 2024/25' });
    const figures = extractFigures([lines]);
    expect(only(figures, '1,090').period?.label).toBe('2023/24');
    expect(only(figures, '1,210').period?.label).toBe('2024/25');
    // The line after names no period: the report's, not the one the boats were counted up from.
    expect(only(figures, '48,300').period).toMatchObject({ label: '2024/25', inferred: true });
    expect(only(figures, '26').period?.label).toBe('2024/25');
  });

  it('keeps "last year" to its own sentence: a neighbour naming no period has the report\'s', () => {
    const figures = extractFigures([passage('Last year 30 ferries ran late. The port has 12 berths.', { title: 'Harbour review 2024/25' })]);
    expect(only(figures, '30').period).toMatchObject({ label: '2023/24', inferred: false });
    expect(only(figures, '12').period).toMatchObject({ label: '2024/25', inferred: true });
  });

  it('takes the period of the figure it sits beside when a sentence names two', () => {
    const figures = extractFigures([passage('Referrals grew from 500,000 children in 2009 to 610,000 children in 2013.')]);
    expect(figures.map((f) => f.period?.label)).toEqual(['2009', '2013']);
  });

  it('falls back to a period named elsewhere in the passage, then the title, marked inferred', () => {
    const fromPassage = extractFigures([passage('The figures below are for 2018. Some 41% of councils were good.')]);
    expect(fromPassage[0]!.period).toMatchObject({ label: '2018', inferred: true });
    const fromTitle = extractFigures([passage('Some 41% of councils were good.', { title: 'Inspection outcomes, summer 2022' })]);
    expect(fromTitle[0]!.period).toMatchObject({ label: 'summer 2022', inferred: true });
    const none = extractFigures([passage('Some 41% of councils were good.')]);
    expect(none[0]!.period).toBeUndefined();
  });

  it('gives a figure outside brackets no period of an aside about another figure inside them', () => {
    const figures = extractFigures([passage('Some 64% of pupils passed (59% in 2023/24).', { title: 'Trust annual report 2025' })]);
    expect(figures.map((f) => [f.raw, f.period?.label])).toEqual([
      ['64%', '2025'],
      ['59%', '2023/24'],
    ]);
  });

  it('does not take from the passage a period named only as the one compared with', () => {
    const figures = extractFigures([passage('Comparisons are with 31 March 2022. Some 41% of councils were good.', { title: 'Inspection outcomes at 31 March 2023' })]);
    expect(figures[0]!.period).toMatchObject({ label: '2023-03-31', inferred: true });
  });

  it('gives no figure the period a sentence names as the one compared with, but the report\'s', () => {
    const since = extractFigures([passage('Registered harbour pilots fell by 40 (8%) since 31 March 2024, to 460 pilots.', { title: 'Harbour pilots at 31 March 2025' })]);
    expect(since.map((f) => [f.raw, f.period?.label])).toEqual([
      ['40', '2025-03-31'],
      ['8%', '2025-03-31'],
      ['460', '2025-03-31'],
    ]);
    const level = extractFigures([passage('The ferry carried 5,120 passengers, 12% above the 2021 level.', { title: 'Ferry review 2023' })]);
    expect(level.map((f) => f.period?.label)).toEqual(['2023', '2023']);
  });

  it('reads a year naming a law as no period', () => {
    const figures = extractFigures([passage('Under section 20 of the Children Act 1989, 19% of children were placed with consent.', { title: 'Care review 2023' })]);
    expect(figures.map((f) => [f.raw, f.period?.label])).toEqual([['19%', '2023']]);
  });
});

describe('extractFigures: what is counted and citations', () => {
  it('names the counted thing from the vocabulary', () => {
    const figures = extractFigures([passage('In 2019, 82% of children’s homes were good, and 14 fostering agencies were inadequate.')]);
    expect(figures.map((f) => f.counted)).toEqual(["children's homes", 'fostering agencies']);
  });

  it('cites the document, and the page or heading', () => {
    const [onPage] = extractFigures([passage('In 2019, 82% of councils were good.', { page: 7, title: 'Annual review' })]);
    expect(onPage!.citation).toMatchObject({ docId: 'reports/example.md', title: 'Annual review', location: 'p. 7' });
    const [underHeading] = extractFigures([passage('In 2019, 82% of councils were good.', { heading: 'Key findings' })]);
    expect(underHeading!.citation.location).toBe('Key findings');
  });

  it('reads a sentence once where passages overlap', () => {
    const first = 'In 2019, 82% of councils were good. In 2020, 85% of councils were good.';
    const second = 'In 2020, 85% of councils were good. In 2021, 88% of councils were good.';
    const overlapStart = first.indexOf('In 2020');
    const figures = extractFigures([passage(first), passage(second, { start: overlapStart })]);
    expect(figures.map((f) => f.raw)).toEqual(['82%', '85%', '88%']);
  });
});
