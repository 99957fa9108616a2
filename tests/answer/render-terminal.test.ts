import { describe, expect, it } from 'vitest';
import { renderReplyForTerminal } from '../../src/answer/render-terminal.js';
import type { Citation, Reply } from '../../src/answer/types.js';
import { renderReply } from '../../src/slack/blocks.js';

const citation = (docId: string, extract: string): Citation => ({
  passageId: `${docId}#1`,
  docId,
  title: `Title of ${docId}`,
  source: `https://example.org/${docId}`,
  location: 'Findings',
  extract,
  score: 0.9,
  figures: ['28%'],
});

const reply: Reply = {
  question: 'what share were rated inadequate in 2015?',
  answered: true,
  answer: 'By 2015, 28% of councils were rated Inadequate.',
  confidence: 0.9,
  citations: [citation('a.md', 'By 2015, 28% of councils were rated Inadequate.')],
};

describe('the lead', () => {
  it('comes first, shown once when it is the first extract', () => {
    const plain = renderReplyForTerminal(reply);
    const lines = plain.split('\n');
    expect(lines[0]).toBe('    “By 2015, 28% of councils were rated Inadequate.”');
    expect(lines[1]).toBe('[1] Title of a.md · Findings');
    expect(plain.match(/28% of councils were rated Inadequate/g)).toHaveLength(1);
    const other = renderReplyForTerminal({ ...reply, answer: 'A lead of its own.' });
    expect(other.split('\n')[0]).toBe('A lead of its own.');
  });
});

describe('citations in the terminal', () => {
  const focused: Citation = {
    ...citation('r.pdf', 'Inspection changed in 2013. By 2015, 28% of councils were rated Inadequate. Most improved later.'),
    focus: { start: 28, end: 76 },
    source: 'https://example.org/reports/r.pdf',
    location: 'p. 7',
    page: 7,
  };

  it('shows each passage once and its best sentence bold in colour, plain without', () => {
    const twice: Reply = { ...reply, answer: 'A lead.', citations: [focused, focused, { ...focused, passageId: 'other#2' }] };
    const plain = renderReplyForTerminal(twice);
    expect(plain).toContain('[1] Title of r.pdf · p. 7');
    expect(plain).toContain('[2] Title of r.pdf · p. 7');
    expect(plain).not.toContain('[3]');
    expect(plain).not.toContain('\u001b[');
    const coloured = renderReplyForTerminal(twice, { colour: true, width: 200 });
    expect(coloured).toContain('\u001b[1mBy 2015, 28% of councils were rated Inadequate.\u001b[22m');
  });

  it('sets a quote out as the report does: table rows, list items and paragraphs on lines of their own, a hard-wrapped line run on', () => {
    const extract = 'Berths vary by quay.\n\nQuay | Berths | Free\nNorth | 14 | 21%\nSouth | 9 | 4%\n\nA line the author\nwrapped by hand.\n\n• first point\n• second point';
    const text = renderReplyForTerminal({ ...reply, answer: 'A lead.', citations: [{ ...citation('q.md', extract), figures: [] }] }, { colour: false, width: 100 });
    const quote = text.split('\n').filter((line) => line.startsWith('    ') && !line.includes('https://')).map((line) => line.trim());
    expect(quote).toEqual(['“Berths vary by quay.', 'Quay | Berths | Free', 'North | 14 | 21%', 'South | 9 | 4%', 'A line the author wrapped by hand.', '• first point', '• second point”']);
  });

  it('opens a PDF at its page, and names a local file instead of linking it', () => {
    const web = renderReplyForTerminal({ ...reply, answer: 'A lead.', citations: [focused] });
    expect(web).toContain('https://example.org/reports/r.pdf#page=7');
    const local = renderReplyForTerminal({ ...reply, answer: 'A lead.', citations: [{ ...focused, source: 'reports/sub/r.pdf' }] });
    expect(local).toContain('    r.pdf');
    expect(local).not.toContain('reports/sub');
  });
});

describe('a lead from a table', () => {
  const table = ['Harbour | Berths let | Boats waiting', 'Eastpoint | 140 | 35', 'Westreach | 96 | 12'].join('\n');
  const fromTable: Reply = {
    question: 'how many boats are waiting at westreach?',
    answered: true,
    answer: 'Harbour | Berths let | Boats waiting\nWestreach | 96 | 12',
    confidence: 0.8,
    citations: [{ ...citation('t.md', table), focus: { start: table.indexOf('Westreach'), end: table.length }, figures: ['12'] }],
  };

  it('keeps the header and the row on lines of their own in the terminal, and marks the row in the quoted table', () => {
    const text = renderReplyForTerminal(fromTable);
    expect(text.split('\n').slice(0, 2)).toEqual(['Harbour | Berths let | Boats waiting', 'Westreach | 96 | 12']);
    expect(renderReplyForTerminal(fromTable, { colour: true, width: 100 })).toContain('\u001b[1mWestreach | 96 | 12');
  });

  it('keeps the marked row on a line of its own in Slack, bold, under the rows before it', () => {
    const { blocks } = renderReply(fromTable, { kind: 'ask' });
    expect(JSON.stringify(blocks)).toContain(JSON.stringify('> Harbour | Berths let | Boats waiting\n> Eastpoint | 140 | 35\n> *Westreach | 96 | 12*'));
  });
});
