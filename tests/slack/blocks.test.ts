/** Rendering a Reply as Block Kit within Slack's limits, with untrusted text made safe. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/answer/types.js';
import { decodeFeedbackValue, decodeShareValue } from '../../src/slack/action-values.js';
import type { Citation } from '../../src/answer/types.js';
import { decodeMoreSourcesValue } from '../../src/slack/action-values.js';
import { citationBlocks, renderReply, renderSources, withFeedbackNote, withMoreSources } from '../../src/slack/blocks.js';
import { escapeSlackText, safeLinkUrl, toSafeMrkdwn, truncateEscaped } from '../../src/slack/text.js';
import { buttonsIn, expectWithinSlackLimits, renderedTexts } from './helpers.js';
import { CITATIONS } from './test-engine.js';

const reply = (overrides: Partial<Reply> = {}): Reply => ({ question: 'q?', answered: true, answer: 'Lead.', confidence: 0.7, citations: CITATIONS, ...overrides });

describe('renderReply', () => {
  it('shows at most three citations, each as a quote with a context line', () => {
    const message = renderReply(reply({ citations: [...CITATIONS, ...CITATIONS] }), { kind: 'ask' });
    const quotes = message.blocks.filter((block) => block.type === 'section' && renderedTexts(block)[0]!.startsWith('> '));
    expect(quotes).toHaveLength(3);
    expect(renderedTexts(message.blocks).join('\n')).toContain('*[3]*');
    expect(renderedTexts(message.blocks).join('\n')).not.toContain('*[4]*');
  });

  it('truncates a huge extract with an ellipsis to fit a 3,000-character section, without breaking an entity', () => {
    const extract = `${'A & B < C. '.repeat(600)}`;
    const message = renderReply(reply({ citations: [{ ...CITATIONS[0]!, extract }] }), { kind: 'ask' });
    for (const text of renderedTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const quote = renderedTexts(message.blocks).find((text) => text.startsWith('> '))!;
    expect(quote.endsWith('…')).toBe(true);
    expect(quote).not.toMatch(/&(?:a|am|l|lt|g|gt)?…$/);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('keeps button values within 2,000 characters however long the question, and they decode', () => {
    const question = `why ${'really '.repeat(800)}?`;
    const message = renderReply(reply({ question, answer: 'x'.repeat(5000) }), { kind: 'ask', shareable: true, previousQuestion: 'p'.repeat(3000) });
    const buttons = buttonsIn(message.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(['citeline_feedback_helpful', 'citeline_feedback_not_helpful', 'citeline_more_sources', 'citeline_share']);
    for (const button of buttons) expect(button.value.length).toBeLessThanOrEqual(2000);
    expect(decodeFeedbackValue(buttons[0]!.value)!.passageIds).toEqual(CITATIONS.map((c) => c.passageId));
    expect(decodeMoreSourcesValue(buttons[2]!.value)!.shownPassageIds).toEqual(CITATIONS.map((c) => c.passageId));
    expect(decodeShareValue(buttons[3]!.value)!.question.startsWith('why really')).toBe(true);
    expectWithinSlackLimits(message);
  });

  it('labels an unanswered reply as closest extracts instead of showing confidence', () => {
    const texts = renderedTexts(renderReply(reply({ answered: false, answer: 'No answer.' }), { kind: 'ask' }).blocks).join('\n');
    expect(texts).toContain('Closest extracts: the reports may not answer this.');
    expect(texts).toContain('*Closest extract 1:*');
    expect(texts).not.toContain('Confidence');
  });

  it('links only http(s) sources', () => {
    const texts = renderedTexts(renderReply(reply(), { kind: 'ask' }).blocks).join('\n');
    expect(texts).toContain('<https://www.gov.uk/government/statistics|Ofsted grades');
    expect(texts).not.toContain('javascript');
  });
});

describe('citations', () => {
  const pdf: Citation = {
    passageId: 'r.pdf#p3',
    docId: 'r.pdf',
    title: 'A report in PDF',
    source: 'https://example.org/files/r.pdf',
    location: 'p. 7',
    page: 7,
    extract: 'Inspection changed in 2013. By 2015, 28% of councils were rated Inadequate. Most improved later.',
    focus: { start: 28, end: 76 },
    score: 0.9,
    figures: ['28%', '2013'],
  };

  it('shows each passage once, however often it is cited', () => {
    const message = renderReply(reply({ citations: [CITATIONS[0]!, CITATIONS[0]!, CITATIONS[2]!] }), { kind: 'ask' });
    const texts = renderedTexts(message.blocks).join('\n');
    expect(texts.match(/By 2015, \*28%\* of councils/g)).toHaveLength(1);
    expect(texts).toContain('*[2]* <https://www.gov.uk/government/statistics|Ofsted grades');
    expect(texts).not.toContain('*[3]*');
  });

  it('quotes a passage cited for two of its lines once, with both lines', () => {
    const second = { ...pdf, extract: 'Most improved later.', focus: undefined, figures: ['55%'] };
    const other = { ...pdf, extract: 'Councils rated Good rose to 55%.', focus: undefined, figures: ['55%'] };
    const message = renderReply(reply({ citations: [pdf, second, other, CITATIONS[2]!] }), { kind: 'ask' });
    const quotes = renderedTexts(message.blocks).filter((text) => text.startsWith('> '));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toBe('> Inspection changed in *2013*. *By 2015, 28% of councils were rated Inadequate.* Most improved later. … Councils rated Good rose to *55%*.');
    expect(renderedTexts(message.blocks).join('\n')).toContain('*[2]* <https://www.gov.uk/government/statistics|Ofsted grades');
  });

  it('puts the best sentence in bold, highlighting figures only around it', () => {
    const [quote] = renderedTexts(citationBlocks(pdf, 0, true));
    expect(quote).toBe('> Inspection changed in *2013*. *By 2015, 28% of councils were rated Inadequate.* Most improved later.');
  });

  it('shows the lead once when it is citation 1\'s best sentence, as that sentence in its quote', () => {
    const message = renderReply(reply({ answer: 'By 2015, 28% of councils were rated Inadequate.', citations: [pdf, CITATIONS[2]!] }), { kind: 'ask' });
    const texts = renderedTexts(message.blocks);
    expect(texts.join('\n').match(/28% of councils were rated Inadequate/g)).toHaveLength(1);
    expect(texts[0]).toContain('*By 2015, 28% of councils were rated Inadequate.*');
    expect(texts[1]).toContain('*[1]*');
    // Without a focus the whole extract is the sentence: a lead equal to it is not quoted again either.
    const plain = renderReply(reply({ answer: CITATIONS[0]!.extract, citations: CITATIONS }), { kind: 'ask' });
    expect(renderedTexts(plain.blocks).join('\n').match(/of councils were rated Inadequate/g)).toHaveLength(1);
  });

  it('links a PDF at its page, and names a local file with its page instead of linking it', () => {
    const [, web] = renderedTexts(citationBlocks(pdf, 0, true));
    expect(web).toBe('*[1]* <https://example.org/files/r.pdf#page=7|A report in PDF> · p. 7');
    const [, local] = renderedTexts(citationBlocks({ ...pdf, source: '/srv/citeline/reports/r.pdf' }, 1, true));
    expect(local).toBe('*[2]* A report in PDF · r.pdf · p. 7');
    const [, html] = renderedTexts(citationBlocks({ ...pdf, docId: 'page.html', source: 'https://example.org/page', location: 'Findings', page: undefined }, 0, true));
    expect(html).toBe('*[1]* <https://example.org/page|A report in PDF> · Findings');
  });

  it('adds further extracts before the buttons and drops the More sources button, within 50 blocks', () => {
    const { blocks } = renderReply(reply(), { kind: 'ask' });
    const extra = Array.from({ length: 40 }, (_, i) => citationBlocks({ ...pdf, passageId: `x#${i}` }, 3 + i, true)).flat();
    const more = withMoreSources(withFeedbackNote(blocks, 'noted'), extra);
    expect(more).toHaveLength(50);
    expect(buttonsIn(more).map((b) => b.action_id)).toEqual(['citeline_feedback_helpful', 'citeline_feedback_not_helpful']);
    expect(renderedTexts(more).join('\n')).toContain('noted');
    expect(renderedTexts(more).join('\n')).toContain('*[4]*');
    expectWithinSlackLimits({ blocks: more });
  });
});

describe('withFeedbackNote', () => {
  it('adds the note after the buttons once, keeping every other block', () => {
    const { blocks } = renderReply(reply(), { kind: 'ask' });
    const once = withFeedbackNote(blocks, 'noted 1');
    const twice = withFeedbackNote(once, 'noted 2');
    expect(twice).toHaveLength(blocks.length + 1);
    expect(renderedTexts(twice).join('\n')).toContain('noted 2');
    expect(renderedTexts(twice).join('\n')).not.toContain('noted 1');
    expect(twice.at(-1)!.block_id).toBe('citeline_feedback_note');
  });
});

describe('renderSources', () => {
  it('splits a long list across sections and stays within 50 blocks', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ docId: `d${i}`, title: `Report number ${i} with a long title`, source: `https://example.org/${i}`, passages: i }));
    const message = renderSources(many, { noSources: 'none' });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of renderedTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });
});

describe('text safety', () => {
  it('escapes &, < and >', () => {
    expect(escapeSlackText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('drops control and bidi-override characters but keeps right-to-left letters and emoji', () => {
    expect(toSafeMrkdwn('שלום\u202e\u0000 👋🏽')).toBe('שלום 👋🏽');
  });

  it('never cuts an entity or a surrogate pair when truncating', () => {
    expect(truncateEscaped('abc&amp;def', 6)).toBe('abc…');
    expect(truncateEscaped('ab😀cd', 4)).toBe('ab…');
  });

  it('accepts only http and https link targets and encodes the characters that would end a link', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('reports/local.md')).toBeUndefined();
    expect(safeLinkUrl('https://x.example/a|b>c')).toBe('https://x.example/a%7Cb%3Ec');
  });
});
