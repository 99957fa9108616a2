import { describe, expect, it } from 'vitest';
import { composeReply, DEFAULT_COMPOSE, readCandidates, type ComposeContext } from '../../src/answer/compose.js';
import { aboutOtherProviders, countedAsked, countsOtherThings, providersNamed } from '../../src/answer/counted.js';
import type { Passage } from '../../src/ingest/types.js';
import { analyseQuery } from '../../src/search/query.js';
import type { SearchHit } from '../../src/search/types.js';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const vocabulary = await loadSearchVocabulary('data');
const NO_ANSWER = 'The reports I have do not seem to answer that. These are the closest extracts:';

function passage(id: string, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, docId: `${id}.md`, title: `Report ${id}`, source: `https://example.org/${id}`, text, start: 0, end: text.length, heading: 'Findings', ...extra };
}

function hits(...passages: Passage[]): SearchHit[] {
  return passages.map((p, i) => ({ passage: p, score: 1 - i * 0.1, lexical: 1 - i * 0.1, semantic: 0.5 }));
}

/** The reply with what the engine fills in given by hand: the extracts' vector similarity to the question. */
function replyWithSemantic(question: string, found: SearchHit[], semantic: number) {
  const query = analyseQuery(question, vocabulary);
  const termWeights = new Map(query.terms.map((t) => [t, 1]));
  const candidates = readCandidates(found).map((c) => ({ ...c, semantic }));
  return composeReply({ query, candidates, vocabulary, termWeights, noAnswerText: NO_ANSWER });
}

function reply(question: string, found: SearchHit[], maxCitations = 3) {
  const query = analyseQuery(question, vocabulary);
  const termWeights = new Map(query.terms.map((t) => [t, 1]));
  return composeReply({ query, candidates: readCandidates(found), vocabulary, termWeights, noAnswerText: NO_ANSWER }, { ...DEFAULT_COMPOSE, maxCitations });
}

const RATINGS = passage(
  'ratings',
  'The report looked at eight years of inspections. In 2007/08, 69% of councils were rated Good and none were rated Inadequate. By 2015, 28% of councils were rated Inadequate. The authors found that confidence in inspection was low.',
);
const COSTS = passage('costs', 'Failed inspections cost the system around £30 million. Councils then spend more on agency staff.');
const WEATHER = passage('weather', 'The summer was warm and dry across the region. Rainfall was below the long-term average.');

describe('composeReply', () => {
  it('leads with the sentence that answers and quotes it exactly, with its citation', () => {
    const result = reply('what share of councils were rated inadequate in 2015?', hits(RATINGS, COSTS));
    expect(result.answered).toBe(true);
    expect(result.answer).toBe('By 2015, 28% of councils were rated Inadequate.');
    const [first] = result.citations;
    expect(first).toMatchObject({ title: 'Report ratings', location: 'Findings', source: 'https://example.org/ratings', docId: 'ratings.md' });
    expect(RATINGS.text).toContain(first?.extract);
    expect(first?.figures).toContain('28%');
  });

  it('reads an acronym the vocabulary does not know as said by a sentence that spells it out', () => {
    const response = passage(
      'response',
      'The committee said reform had been unacceptably slow. Dr Ruth Allen, chief executive of the British Association of Social Workers, was quoted saying the findings were no surprise.',
    );
    const result = reply('who was the BASW person quoted reacting to the committee report?', hits(response));
    expect(result.answer).toContain('Dr Ruth Allen');
    // An acronym the vocabulary knows keeps the vocabulary's weighing: its spelled-out name is an equivalent, not the acronym itself.
    const framework = passage('framework', 'The single inspection framework began in 2013. The SIF replaced separate inspections in November 2013.');
    expect(reply('when did the SIF replace separate inspections?', hits(framework)).answer).toContain('The SIF replaced');
  });

  it('prefers the sentence naming the year asked for', () => {
    const result = reply('what % of councils were rated good in 2007/08?', hits(RATINGS));
    expect(result.answer).toContain('69%');
  });

  it('declines when nothing bears on the question, showing the closest extracts as such', () => {
    const result = reply('who was the chief executive of the consultancy?', hits(WEATHER));
    expect(result.answered).toBe(false);
    expect(result.answer).toBe(NO_ANSWER);
    expect(result.citations).toHaveLength(1);
    expect(result.confidence).toBeLessThan(DEFAULT_COMPOSE.answerThreshold);
  });

  it('declines when the evidence shares the question\'s words but never names what it asks for', () => {
    const about = passage('lock', 'The consultancy iMPOWER published the report Breaking the lock in 2015, on council children\'s services.', { title: 'Breaking the lock' });
    const result = reply("who was iMPOWER's chief executive when Breaking the lock was published?", hits(about));
    expect(result.answered).toBe(false);
    const chaired = reply('who chaired the consultancy when Breaking the lock was published?', hits(about));
    expect(chaired.answered).toBe(false);
    expect(result.citations[0]?.extract).toContain('Breaking the lock');
  });

  it('declines a figure for another grade than the one asked for', () => {
    const result = reply('what % of councils were rated outstanding in 2015?', hits(passage('g', 'In 2015, 18% of councils were rated Good.')));
    expect(result.answered).toBe(false);
  });

  it('answers a question about Good from a "good or outstanding" figure, but not one about Outstanding alone', () => {
    const combined = passage('c', 'As at March 2024, 60% of councils were judged good or outstanding.');
    expect(reply('what % of councils were rated good in March 2024?', hits(combined)).answered).toBe(true);
    const outstanding = reply('how many councils were outstanding as at March 2024?', hits(combined));
    expect(outstanding.answered).toBe(false);
    expect(outstanding.citations[0]?.extract).toContain('60%');
  });

  it('prefers the extract that names the change the question asks about over one naming the other direction', () => {
    // The first sentence holds more of the question's words; the second says which way it went.
    const both = passage('d', 'Of the councils inspected twice, 26 councils improved their overall effectiveness judgement. There were 12 councils whose judgement got worse.');
    expect(reply('how many councils inspected twice got a worse overall effectiveness judgement?', hits(both)).answer).toContain('12 councils');
    expect(reply('how many councils inspected twice improved their overall effectiveness judgement?', hits(both)).answer).toContain('26 councils');
  });

  it('declines a "what %" or "how many" question from an extract that states no quantity at all', () => {
    const about = passage('q', 'Struggling councils are overly reliant on agency staff, which costs more money. In 2015, 16% of social workers were agency staff.');
    const none = reply('what % of social workers are agency staff?', hits(passage('n', 'Struggling councils are overly reliant on agency staff, which costs more money.')));
    expect(none.answered).toBe(false);
    expect(none.citations[0]?.extract).toContain('agency staff');
    expect(reply('what % of social workers are agency staff?', hits(about)).answer).toContain('16%');
    // Numbers in words count: "twice as many", "seven councils", "none".
    expect(reply('how many councils were rated worse?', hits(passage('w', 'Twice as many councils were rated worse as were rated better.'))).answered).toBe(true);
  });

  it('declines a "how much" money question from an extract that states no sum of money', () => {
    const count = passage('count', 'Two further councils this week received a requires improvement judgement from the inspectorate.');
    expect(reply('how much does the inspectorate pay councils for each judgement?', hits(count)).answered).toBe(false);
    const sum = passage('sum', 'The inspectorate pays councils £5,000 for each judgement it makes.');
    expect(reply('how much does the inspectorate pay councils for each judgement?', hits(sum)).answered).toBe(true);
  });

  it('declines a "what %" or "what share" question from an extract that states a count but no share', () => {
    const poll = passage('poll', 'An LGC poll of 236 chief executives found concerns that the new regime was punitive.');
    expect(reply('what % of chief executives in the poll said the new regime was punitive?', hits(poll)).answered).toBe(false);
    const share = passage('share', 'An LGC poll of chief executives found one in seven said the new regime was punitive.');
    expect(reply('what % of chief executives in the poll said the new regime was punitive?', hits(share)).answered).toBe(true);
    const outOf = passage('out-of', 'In the LGC poll, 34 of 236 chief executives said the new regime was punitive.');
    expect(reply('what share of chief executives in the poll said the new regime was punitive?', hits(outOf)).answered).toBe(true);
  });

  it('prefers an extract that states a year for a "when" or "what year" question', () => {
    // Each sentence holds three of the question's four words, and the other in its passage.
    const framework = passage('f', 'The inspection framework was first set out for councils. The framework was first published in November 2017.');
    expect(reply('when was the inspection framework first published?', hits(framework)).answer).toContain('November 2017');
    expect(reply('in what year was the inspection framework first published?', hits(framework)).answer).toContain('November 2017');
    expect(reply('how was the inspection framework first published?', hits(framework)).answer).toContain('set out for councils');
  });

  it('declines evidence for another year even when it holds every other word of the question', () => {
    const other = passage('y', 'In 2015, Ofsted inspectors rated 28% of children\'s services councils in the north of England inadequate for leadership and management.');
    const result = replyWithSemantic(
      'what share of children\'s services councils in the north of England did Ofsted inspectors rate inadequate for leadership and management in 2024?',
      hits(other),
      0.9,
    );
    expect(result.citations[0]?.extract).toContain('28%');
    expect(result.answered).toBe(false);
    expect(result.confidence).toBeLessThan(DEFAULT_COMPOSE.answerThreshold);
  });

  it('judges an extract that states its own years by them, one that states none by its passage, and undated evidence as no other year', () => {
    const question = 'what % of councils were rated good or outstanding as at 31 March 2023?';
    // The passage mentions 2023, but the figure's own sentence is for 2024 and 2022.
    const later = passage('l', 'As at 31 March 2024, 60% of councils were rated good or outstanding, against 53% as at 31 March 2022. Inspections ran from 1 April 2023 to 31 March 2024.');
    expect(reply(question, hits(later)).answered).toBe(false);
    // A year stated once for the passage serves the sentence that states none.
    const dated = passage('d', 'Ofsted published its figures for 31 March 2023. Of the councils inspected, 58% were rated good or outstanding.');
    expect(reply(question, hits(dated)).answer).toContain('58%');
    // A question that is not after a figure may name the year something was said, not the one its answer states.
    const plan = passage('p', 'Ofsted set out its plans in 2014. All 152 councils will be inspected within three years, by 2017.');
    expect(reply('Ofsted said in 2014 that all 152 councils would be inspected within three years: by when?', hits(plan)).answer).toContain('by 2017');
    // Evidence dated nowhere is not evidence for another year.
    const undated = passage('u', 'Ofsted said it was right that the inspectorate is itself scrutinised, and it welcomed the debate.');
    expect(reply('in May 2015, did Ofsted say the inspectorate itself should be scrutinised?', hits(undated)).answered).toBe(true);
  });

  it('declines evidence that never names what a "who was" question asks for, however much else it shares', () => {
    const report = passage('c', 'The committee published its report on council children\'s services inspections in March 2015.');
    const result = replyWithSemantic('who was the chair of the committee when its report on council children\'s services inspections was published in March 2015?', hits(report), 0.9);
    expect(result.citations[0]?.extract).toContain('published its report');
    expect(result.answered).toBe(false);
    expect(result.confidence).toBeLessThan(DEFAULT_COMPOSE.answerThreshold);
  });

  it('is less confident when the extract misses the year the question insists on', () => {
    const withYear = reply('what share of councils were rated inadequate in 2015?', hits(RATINGS));
    const otherYear = reply('what share of councils were rated inadequate in 2024?', hits(RATINGS));
    expect(otherYear.confidence).toBeLessThan(withYear.confidence);
  });

  it('quotes a sentence once when overlapping passages both hold it', () => {
    const overlap = passage('ratings-2', 'By 2015, 28% of councils were rated Inadequate. Nothing else here.', { docId: 'ratings.md' });
    const result = reply('what share of councils were rated inadequate in 2015?', hits(RATINGS, overlap));
    const extracts = result.citations.map((c) => c.extract);
    expect(new Set(extracts).size).toBe(extracts.length);
  });

  it('quotes reported speech whole when a sentence opens a quotation', () => {
    const speech = passage('speech', 'Alan Wood, president of the directors\' association, told the press: “Our members value robust inspection of their services. But we believe the new framework is flawed and must change.” He spoke in 2014.');
    const result = reply('what did Alan Wood say about inspection?', hits(speech));
    expect(result.citations[0]?.extract).toContain('framework is flawed');
    expect(result.citations[0]?.extract).not.toContain('He spoke');
  });

  it('quotes a sentence with the next when that one carries on from it, or when it ends in a colon', () => {
    const shock = passage(
      'shock',
      'The consequence of such a cycle is what iMPOWER calls a systematic shock across the service. This means the service falls apart and partners avoid it. Staff numbers were stable in 2014.',
    );
    const [lead] = reply("what does iMPOWER mean by 'systematic shock'?", hits(shock)).citations;
    expect(lead?.extract).toContain('This means the service falls apart');
    expect(lead?.extract).not.toContain('Staff numbers');
    const aims = passage('aims', 'The report set out three aims for the work with councils:\n• to test our conviction against what councils see\n• to draw on insight from elsewhere');
    expect(reply('what aims did the report set out for the work with councils?', hits(aims)).citations[0]?.extract).toMatch(/aims for the work with councils:\n• to test our conviction/);
  });

  it('scores down text run together past sixty words (a flattened key-facts page), which holds many facts at once', () => {
    const facts =
      'Key facts 391,000 children in need on 31 March 621,500 referrals during the year £1.8bn spent on social work by councils up 11% since the review 124% rise in enquiries over ten years 23% of councils judged good for help and protection 26 out of 152 councils where the department is intervening 2020 the year by which the department has committed to transform the quality of the child protection system';
    const lock = passage('lock', `${facts}\n\nThe department has committed to transform the child protection system by 2020.`);
    expect(reply('by when has the department committed to transform child protection?', hits(lock)).answer).toBe(
      'The department has committed to transform the child protection system by 2020.',
    );
  });

  it('prefers the newest evidence when the question asks for the latest', () => {
    const older = passage('older', 'As at August 2019, 49% of councils were judged good or outstanding.');
    const newer = passage('newer', 'As at March 2024, 60% of councils were judged good or outstanding.');
    expect(reply('what share of councils were good or outstanding in the latest figures?', hits(older, newer)).answer).toContain('60%');
    expect(reply('what share of councils were good or outstanding in 2019?', hits(newer, older)).answer).toContain('49%');
  });

  it('declines a figure for other places than the region asked about, and prefers one for that region', () => {
    const regions = passage('regions', 'As at March 2024, the share of councils judged good or outstanding was highest in London (85%) and lowest in the North West (36%).');
    expect(reply('what % of councils in the north east were good or outstanding as at March 2024?', hits(regions)).answered).toBe(false);
    expect(reply('what % of councils in the north west were good or outstanding as at March 2024?', hits(regions)).answered).toBe(true);
    expect(reply('what % of councils in Wales were good or outstanding as at March 2024?', hits(regions)).answered).toBe(false);
    const national = passage('national', 'As at March 2024, 60% of councils were judged good or outstanding at their most recent inspection.');
    const midlands = passage('midlands', 'The West Midlands had the lowest share of councils judged good or outstanding, at 21%.', { title: 'Regional outcomes, March 2024' });
    expect(reply('what % of west mids councils were good or better in March 2024?', hits(national, midlands)).answer).toContain('21%');
  });

  it('answers "which councils" with the extract that names them rather than one that counts them', () => {
    const count = passage('count', 'Seven councils were rated inadequate after their inspections that year.');
    const names = passage('names', 'The seven judged inadequate were: Birmingham; Buckinghamshire; Coventry; Knowsley; Manchester; Rotherham and Slough.');
    const result = reply('which seven councils were rated inadequate?', hits(count, names));
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('Birmingham');
    // Evidence that names no council does not answer "which councils", however much else it shares.
    const counted = reply('which seven councils were rated inadequate?', hits(count));
    expect(counted.answered).toBe(false);
    expect(counted.citations[0]?.extract).toContain('Seven councils');
  });

  it('takes the year of a question that is not after a figure as where to look, not a requirement, unlike a figure\'s', () => {
    // The passage names 2018, not 2018/19; and a move "from inadequate to good" is told by the grade it ended at.
    const moves = passage('moves', 'Since the framework began in 2018, three councils (Barnet, Bromley and Tower Hamlets) improved by two grades and were judged good.');
    expect(reply('which councils went from inadequate to good in 2018/19?', hits(moves)).answered).toBe(true);
    // The year names the report, which never states it.
    const named = passage('named', 'Ofsted was concerned that in the seven councils rated inadequate children were left at risk due to a lack of decisive action. The framework began in 2013.');
    expect(reply('why were children left at risk in the councils rated inadequate, per the 2015 annual report?', hits(named)).answered).toBe(true);
    const share = passage('share', 'Since the framework began in 2018, 40% of councils improved by two grades.');
    expect(reply('what % of councils improved by two grades in 2018/19?', hits(share)).answered).toBe(false);
  });

  it('answers a question about someone\'s role with the extract that gives their post', () => {
    const wrote = passage('wrote', 'Jane Smith of the consultancy wrote the report on inspection and improvement.');
    const post = passage('post', 'Jane Smith, Executive Director of the consultancy, set out its key points.');
    const result = reply("what is Jane Smith's role at the consultancy?", hits(wrote, post));
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('Executive Director');
  });

  it('prefers an extract that states a length of time for a "how long" or "how often" question', () => {
    const about = passage('about', 'A full inspection looked at council services in depth.');
    const length = passage('length', 'A full inspection of council services took four weeks.');
    expect(reply('how long did a full inspection of council services last?', hits(about, length)).answer).toContain('four weeks');
  });

  it('answers a comparison across periods from one side without declining', () => {
    const result = reply('how has the share of good councils moved between 2015 and 2024?', hits(RATINGS));
    expect(result.answered).toBe(true);
  });

  it('gives at most the citations asked for', () => {
    expect(reply('councils inspections cost', hits(RATINGS, COSTS, WEATHER), 2).citations).toHaveLength(2);
  });

  it('declines with no citations when there are no hits', () => {
    const result = reply('anything', []);
    expect(result).toMatchObject({ answered: false, answer: NO_ANSWER, citations: [], confidence: 0 });
  });
});

describe('composeReply, for a question that names a year but asks for no figure', () => {
  it('leads with the reason asked for, not the sentence that repeats the year', () => {
    const report = passage(
      'annual',
      'The annual report, published today, covered 2013-14 and found 7 of 43 councils inadequate. In the seven councils rated inadequate, children were left at risk due to a lack of decisive action.',
    );
    const result = reply('why were children left at risk in the seven inadequate councils in the 2013-14 report?', hits(report));
    expect(result.answer).toContain('due to a lack of decisive action');
    // A figure question still prefers the sentence for its year.
    expect(reply('how many councils were inadequate in 2013-14?', hits(report)).answer).toContain('7 of 43');
  });
});

describe('composeReply, for a question that says what it counts', () => {
  it('scores down an extract whose figures all count something else', () => {
    const question = 'how many inspections did the second annual report draw on?';
    const report = passage(
      'second',
      'The second annual report, published today, showed only 10 of 43 councils inspected in 2013-14 were good. Its findings draw on more than 5,600 inspections of services.',
    );
    const query = analyseQuery(question, vocabulary);
    const asked = countedAsked(question);
    expect(asked).toEqual(['inspections']);
    const compose = (countsOther?: ComposeContext['countsOtherThings']) =>
      composeReply({ query, candidates: readCandidates(hits(report)), vocabulary, termWeights: new Map(query.terms.map((t) => [t, 1])), noAnswerText: NO_ANSWER, ...(countsOther ? { countsOtherThings: countsOther } : {}) });
    expect(compose().answer).toContain('10 of 43');
    expect(compose((extract, found) => countsOtherThings(extract, found, asked)).answer).toContain('5,600 inspections');
  });
});

describe('composeReply, for a question about one grade', () => {
  it('scores down a sentence that names only other grades, however many words it shares', () => {
    const outcomes = passage(
      'autumn',
      'As at 31 October 2017, 36% of LAs were judged good or outstanding, an increase from 29% in March. There was a decrease in LAs judged inadequate from 24% to 19%.',
    );
    const result = reply('between March and October 2017 what happened to the share of LAs judged inadequate?', hits(outcomes));
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('from 24% to 19%');
    // Asked about the other grade, the other sentence leads.
    expect(reply('between March and October 2017 what happened to the share of LAs judged good or outstanding?', hits(outcomes)).answer).toContain('36%');
  });
});

describe('composeReply, for a figure running "since" a date', () => {
  it('takes "since November 2013" as the start of a running total, not the year of the figure', () => {
    const running = passage('sif', 'Ofsted has inspected 47 councils under its new framework since November 2013.', { title: 'Inspections so far, January 2015' });
    const result = reply('by January 2015 how many councils had been inspected under the new framework?', hits(running));
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('47 councils');
    // A figure stated for another year still answers no question about 2015.
    const dated = passage('sif-2013', 'In November 2013, Ofsted inspected 47 councils under its new framework.', { title: 'Inspections so far, January 2015' });
    expect(reply('by January 2015 how many councils had been inspected under the new framework?', hits(dated)).answered).toBe(false);
  });
});

describe('composeReply, for a question that states a figure', () => {
  it('does not take a sentence for a restatement of it when it also states a share in words', () => {
    const report = passage(
      'ilacs',
      'In total, 54 councils received an inspection in 2018-19, with half improving their judgements. Of the 54 councils inspected in 2018-19, 12 were judged good.',
    );
    expect(reply('of the 54 councils inspected in 2018-19, how many improved their judgements?', hits(report)).answer).toContain('half improving');
  });
});

describe('composeReply, for a question about one part of the service', () => {
  it('does not answer it with a judgement of another part', () => {
    const report = passage('reinspection', 'This is a re-inspection following a judgement of inadequate for overall effectiveness in 2014. Adoption performance in the council was judged good.');
    expect(reply('what grade did the council get for adoption?', hits(report)).answer).toContain('Adoption performance');
    const overall = passage('overall', 'This is a re-inspection of the council following a judgement of inadequate for overall effectiveness in 2014.');
    expect(reply('what grade did the council get for care leavers in 2014?', hits(overall)).answered).toBe(false);
    // A question about the whole is answered by it.
    expect(reply('what grade did the council get for overall effectiveness in 2014?', hits(overall)).answered).toBe(true);
  });

  it('prefers, other things equal, the sentence that names the part asked about', () => {
    const report = passage('manchester', 'Manchester did well at its reinspection, inspectors said in their report. Adoption performance in Manchester was judged good by the inspectors.');
    expect(reply('how did Manchester do on adoption in the 2017 reinspection?', hits(report)).answer).toMatch(/^Adoption performance/);
  });
});

describe('composeReply, for a question asking when', () => {
  it('does not discount a dateline as a heading: it is the answer', () => {
    const news = passage(
      'pac-news',
      '16 December 2016\n\nLatest news from the committee.\n\nThe committee report on children at risk finds there is still no credible plan. The previous inquiry, in 2011, was also critical of the department.',
    );
    const result = reply('when did the committee publish its report on children at risk?', hits(news), 2);
    expect(result.citations[1]?.extract).toMatch(/^16 December 2016/);
    // To any other question, a dateline is a heading, and what follows it leads.
    expect(reply('what did the committee report on children at risk find?', hits(news)).answer).not.toMatch(/^16 December/);
  });

  it('answers when a piece came out with its dateline, before a date in its text, and with the confidence its title gives', () => {
    const piece = passage(
      'cyp',
      'By Derren Hayes\n\n| 23 January 2015\n\nThe high number of councils in the lowest two grades bears out concerns raised at the framework launch in November 2013 that ratings would fall.',
      { title: 'Nearly half of councils see fall in rating under tougher Ofsted inspections (CYP Now)' },
    );
    const result = reply('what date was the CYP Now piece on nearly half of councils seeing their rating fall?', hits(piece));
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/23 January 2015/);
    // Asked when something happened, not when the piece came out, the dateline has no such claim.
    expect(reply('when was the inspection framework launched?', hits(piece)).answer).toMatch(/November 2013/);
  });

  it('reads a page stamp with its weekday, time and zone as a dateline: "Page last updated at 14:17 GMT, Wednesday, 17 December 2008"', () => {
    const page = passage(
      'bbc',
      'Page last updated at 14:17 GMT, Wednesday, 17 December 2008\n\nMore child services inadequate\n\nOfsted, which came under fire over the death of Baby P, has published its annual assessments of 147 councils.',
    );
    expect(reply('when was the BBC piece on the 2008 Ofsted council assessments last updated?', hits(page)).answer).toMatch(/^Page last updated at 14:17 GMT/);
    // To any other question it is still a heading.
    expect(reply('what did Ofsted publish in its 2008 assessments?', hits(page)).answer).toMatch(/^Ofsted, which came under fire/);
  });
});

describe('composeReply, for a question asking why, what followed or what was recommended', () => {
  it('prefers the sentence that says so by its connectives to one that shares more words but states none', () => {
    const cuts = passage(
      'cuts',
      'The report looked at cuts to youth services for children across England. Things got worse for children because councils were less able to intervene early.',
    );
    expect(reply('why are cuts to youth services making things worse for children?', hits(cuts)).answer).toMatch(/^Things got worse for children because/);
    // Asked what the report looked at, the connective earns nothing.
    expect(reply('what did the report look at about cuts to youth services?', hits(cuts)).answer).toMatch(/^The report looked at cuts/);
  });
});

describe('composeReply, for a question naming a kind of provider', () => {
  it('scores down a sentence about other providers, so the one about those asked leads', () => {
    const release = passage(
      'release',
      "Inspection outcomes for all children's homes inspected up to autumn 2017, published by 31 October 2017 (final data). Outcomes for local authority children's services from November 2013 to October 2017, published by 8 December 2017 (final data).",
    );
    const question = 'autumn 2017 stats: LA inspections had to be published by what date to make the final data?';
    const query = analyseQuery(question, vocabulary);
    const asked = providersNamed(question);
    const context: ComposeContext = {
      query,
      candidates: readCandidates(hits(release)),
      vocabulary,
      termWeights: new Map(query.terms.map((t) => [t, 1])),
      aboutOtherProviders: (sentence) => aboutOtherProviders(sentence, asked),
      noAnswerText: NO_ANSWER,
    };
    expect(composeReply(context).answer).toMatch(/^Outcomes for local authority children's services/);
    expect(composeReply({ ...context, aboutOtherProviders: undefined }).answer).toMatch(/^Inspection outcomes for all children's homes/);
  });
});

describe('composeReply, for "who ..."', () => {
  it('settles a near tie by the role asked about: the sentence naming the chair leads and answers', () => {
    const report = passage(
      'pac',
      'Child protection services are failing to improve, the Public Accounts Committee has argued in its report on unacceptably slow reform. Meg Hillier MP, chair of the committee, said the slow progress was unacceptable.',
    );
    const result = reply('who chaired the Public Accounts Committee for the unacceptably slow report?', hits(report));
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/^Meg Hillier MP, chair of the committee/);
    // Far behind, a sentence naming the role does not lead: the leader is declined for missing it instead.
    const far = passage('far', 'The Public Accounts Committee report on unacceptably slow reform of child protection was published in 2016. The chair spoke.');
    expect(reply('who chaired the Public Accounts Committee for the unacceptably slow report?', hits(far)).answered).toBe(false);
  });
});

describe('composeReply, for "what did X say about Y" with Y a compound', () => {
  it('counts part of the compound as naming it only if the part is its head: climate is not climate change', () => {
    const workloads = passage('workloads', 'A climate of increasing workloads and sharply decreasing budgets is making it harder for councils to improve, the regulator said.');
    expect(reply('what did the watchdog say about climate change?', hits(workloads)).answered).toBe(false);
    const change = passage('change', 'The regulator said the change in ratings reflected a tougher framework.');
    expect(reply('what did the watchdog say about the ratings change?', hits(change)).answered).toBe(true);
  });

  it('takes the head named in the vocabulary\'s other words: the social work workforce is its social workers', () => {
    const staff = passage('staff', 'The committee said too many social workers lacked the competence the social work task needs.');
    expect(reply('what did the committee say about the social work workforce?', hits(staff)).answered).toBe(true);
    expect(reply('what did the committee say about the social work budget?', hits(staff)).answered).toBe(false);
  });
});

describe('composeReply, for a sum of money asked for', () => {
  it('declines a share for a day rate', () => {
    const london = passage('london', 'The proportion of LAs judged good or outstanding was highest in London (85%) in 2024.');
    expect(reply('what is the average day rate for an agency social worker in London in 2024?', hits(london)).answered).toBe(false);
    const rate = passage('rate', 'In 2024 agency social workers in London were paid an average day rate of £350.');
    expect(reply('what is the average day rate for an agency social worker in London in 2024?', hits(rate)).answered).toBe(true);
  });
});

describe('composeReply, for a question bounded in time ("after 2017")', () => {
  it('declines evidence from the bounding year and before, and answers from a later one', () => {
    const title = 'Tameside: inspection of children’s services';
    const question = 'what overall grade did Tameside get at its most recent inspection after 2017?';
    const then = passage('then', 'At its re-inspection in 2017, Tameside was judged to require improvement to be good overall.', { title });
    expect(reply(question, hits(then)).answered).toBe(false);
    const later = passage('later', 'At its inspection in 2019, Tameside was judged to require improvement to be good overall.', { title });
    expect(reply(question, hits(later)).answered).toBe(true);
    // A split year runs into its second: 2017/18 is partly after 2017.
    const split = passage('split', 'In 2017/18 Tameside was judged to require improvement to be good overall.', { title });
    expect(reply(question, hits(split)).answered).toBe(true);
  });
});

describe('composeReply, for "what was the outcome" of an inspection', () => {
  it('takes a grade as naming the outcome, and a sentence with none as not', () => {
    const regraded = passage(
      'regraded',
      'Services for children in Tameside are no longer inadequate. They now require improvement to be good.',
      { title: 'Tameside: re-inspection of children’s services, 2017' },
    );
    const result = reply("what was the outcome of Tameside's 2017 re-inspection?", hits(regraded));
    expect(result.answered).toBe(true);
    expect(result.citations.map((citation) => citation.extract).join(' ')).toContain('no longer inadequate');
    const visit = passage('visit', 'Inspectors visited Tameside for its re-inspection and met social workers and managers.', { title: 'Tameside: re-inspection of children’s services, 2017' });
    expect(reply("what was the outcome of Tameside's 2017 re-inspection?", hits(visit)).answered).toBe(false);
  });
});

describe('composeReply, for "what did X say about Y"', () => {
  it('declines words of X that are not about Y, and answers with those that are', () => {
    const quote = passage('chair', 'Meg Hillier MP, chair of the committee, said: "It is completely unacceptable that child protection services are still failing."');
    expect(reply('what did Meg Hillier say about the inspection framework?', hits(quote)).answered).toBe(false);
    const onFramework = passage('chair-2', 'Meg Hillier MP, chair of the committee, said the new inspection framework was a welcome step.');
    expect(reply('what did Meg Hillier say about the inspection framework?', hits(onFramework)).answered).toBe(true);
  });
});

describe('composeReply, for a topic of several words', () => {
  it('needs evidence naming the topic, not one word of it', () => {
    const nao = passage('nao', 'The NAO said funding for social work varies widely between councils and is not related to quality.');
    expect(reply('what did the NAO say about school meals funding?', hits(nao)).answered).toBe(false);
    expect(reply('what did the NAO say about social work funding?', hits(nao)).answered).toBe(true);
  });
});

describe('composeReply, for "how many"', () => {
  const annual = passage(
    'annual',
    "The number of children's services deemed inadequate at keeping children safe has doubled in one year. Last year four councils were found to be inadequate, but this year that rose to eight. Ofsted published its annual assessments of 147 councils.",
  );

  it('answers with the sentence that states the count, in words too, not the one that says how it changed', () => {
    const result = replyWithSemantic('how many councils were inadequate at keeping children safe this year?', hits(annual), 0.5);
    expect(result.answered).toBe(true);
    expect(result.answer).toBe('Last year four councils were found to be inadequate, but this year that rose to eight.');
  });

  it('still takes a change for "how many more" or "how many times"', () => {
    const result = replyWithSemantic('how many times more councils were inadequate at keeping children safe this year?', hits(annual), 0.5);
    expect(result.answer).toBe("The number of children's services deemed inadequate at keeping children safe has doubled in one year.");
  });
});

describe('composeReply, for a grade named only as a premise', () => {
  const action = passage('action', 'Ofsted has called for immediate action, including government intervention in places, because of the risks to children.');

  it('does not require the answer to name it: "the inadequate councils" are the subject, not the question', () => {
    const result = reply('did Ofsted call for government intervention in some of the inadequate councils?', hits(action));
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/^Ofsted has called for immediate action/);
  });

  it('still requires a grade the question asks about: "was it judged good?"', () => {
    const leadership = passage('leadership', "The council's leadership is strong, ambitious and well organised, inspectors said.");
    expect(reply("was the council's leadership judged good by inspectors?", hits(leadership)).answered).toBe(false);
  });
});
