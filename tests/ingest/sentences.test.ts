import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/ingest/sentences.js';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('splits on sentence ends with exact, trimmed offsets', () => {
    const text = '  The council was rated Inadequate.   It appealed!\n\nWas it right?  ';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['The council was rated Inadequate.', 'It appealed!', 'Was it right?']);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('keeps offsets exact with curly quotes, emoji and non-breaking spaces', () => {
    const text = '‘Good’ rose to 36% 📈.\u00a0In 2019, £30 million was spent. “Inadequate” fell.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('does not end a sentence after common abbreviations and initials', () => {
    expect(texts('Mr. Balls met Dr. Jones in St. Helens. Cllr. Smith agreed.')).toEqual([
      'Mr. Balls met Dr. Jones in St. Helens.',
      'Cllr. Smith agreed.',
    ]);
    expect(texts('See No. 10 and e.g. Ofsted or i.e. The LGA. Prof. M. Bassey wrote it.')).toEqual([
      'See No. 10 and e.g. Ofsted or i.e. The LGA.',
      'Prof. M. Bassey wrote it.',
    ]);
    expect(texts('It was the U.K. Government. Then it changed.')).toEqual(['It was the U.K. Government.', 'Then it changed.']);
  });

  it('still ends a sentence on a word that only looks like an abbreviation', () => {
    expect(texts('The answer was No. The council agreed.')).toEqual(['The answer was No.', 'The council agreed.']);
  });

  it('runs a hard-wrapped line on into the next, but never across a blank line', () => {
    const text = 'The report found that ratings\nfell sharply after 2013. A new line.\n\nHeading without stop\n\nNext paragraph.';
    expect(texts(text)).toEqual([
      'The report found that ratings\nfell sharply after 2013.',
      'A new line.',
      'Heading without stop',
      'Next paragraph.',
    ]);
  });

  it('makes each list item on a line of its own a sentence, punctuated or not', () => {
    const text = 'The report found:\n  • councils rely on agency staff\n  • early help is lacking\n- a dash item\n2) a numbered item\n(c) a lettered item\nand a wrapped line.';
    expect(texts(text)).toEqual([
      'The report found:',
      '• councils rely on agency staff',
      '• early help is lacking',
      '- a dash item',
      '2) a numbered item',
      '(c) a lettered item\nand a wrapped line.',
    ]);
    for (const sentence of splitSentences(text)) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('gives each item of a numbered list run into one line its own number, and leaves a sentence ending in a number whole', () => {
    const text =
      'The port needs work before it is sound 1. Ships that wait for a berth Needs work 2. Cargo handled at night Needs work 2.1 Crane upkeep Sound 3. Management Sound';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'The port needs work before it is sound',
      '1. Ships that wait for a berth Needs work',
      '2. Cargo handled at night Needs work 2.1 Crane upkeep Sound',
      '3. Management Sound',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(texts('The number rose to 12. Children were at risk. It fell to 3. Then it rose.')).toEqual([
      'The number rose to 12.',
      'Children were at risk.',
      'It fell to 3.',
      'Then it rose.',
    ]);
  });

  it('keeps a numbered paragraph\'s number with its first sentence', () => {
    const text = '24. The panel met twice. Members agreed the plan.\n\n25. Homes were full. Waits grew.\n\n(b) A lettered point follows.';
    expect(texts(text)).toEqual(['24. The panel met twice.', 'Members agreed the plan.', '25. Homes were full.', 'Waits grew.', '(b) A lettered point follows.']);
  });

    it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\t ')).toEqual([]);
  });
});

describe('splitSentences progress', () => {
  it('tells how many characters it has segmented, window by window, and splits as it does without a listener', () => {
    // Hard-wrapped lines without a blank line: one paragraph, cut into windows, sentences running across them.
    const line = 'The council said caseloads rose in 2019 and fell again in the spring of\n2020, after Mr. Smith left. ';
    const text = line.repeat(2_000);
    const heard: number[] = [];
    const sentences = splitSentences(text, (characters) => heard.push(characters));
    expect(sentences).toEqual(splitSentences(text));
    expect(heard.length).toBeGreaterThan(5);
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
    expect(new Set(heard).size).toBe(heard.length);
    expect(heard[heard.length - 1]).toBe(text.length);
  });
});

describe('breaks inside a token', () => {
  it('does not split "<!channel>" or other punctuation with no space after it', async () => {
    const { splitSentences } = await import('../../src/ingest/sentences.js');
    const text = 'The notice says <!channel> should read it. Then it ends.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['The notice says <!channel> should read it.', 'Then it ends.']);
  });
});
