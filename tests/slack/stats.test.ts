/**
 * `/citeline stats` end to end: a signed slash command to the Slack app, with the real engine over the
 * bundled sample (plus one hostile report), answered in the acknowledgement; "More" through the response URL.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine, type Citeline } from '../../src/engine/citeline.js';
import { STATS_FIRST_ROWS, STATS_MORE_ACTION } from '../../src/slack/stats-blocks.js';
import { buttonsIn, ephemeralButtonClick, renderedTexts, sendForm, sendInteraction, slashCommand, startHarnessWith, waitFor, type Harness } from './helpers.js';

let work: string;
let h: Harness<Citeline>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'citeline-stats-slack-'));
  const reports = join(work, 'reports');
  await cp(resolve('reports'), reports, { recursive: true });
  // A report whose figure sentence, title, heading and source are written to provoke.
  await writeFile(
    join(reports, 'hostile.md'),
    'title: Council figures <!here> & more\nsource: javascript:alert(1)\n\n# Notes & queries\n\nIn 2016, 31% of councils were rated Inadequate (ask <@U123> & <#C999>, not <!channel>).\n',
  );
  const engine = await openCitelineEngine({ ...parseCoreConfig({}), indexDir: join(work, 'index'), reportsDir: reports }, { buildIfMissing: true });
  h = await startHarnessWith(engine);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await rm(work, { recursive: true, force: true });
});

async function stats(args: string) {
  const response = await sendForm(h.baseUrl, slashCommand({ text: `stats ${args}`.trim(), user_id: 'UREADER', response_url: h.api.responseUrl() }));
  expect(response.status).toBe(200);
  const ack = (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
  expect(ack.response_type).toBe('ephemeral');
  return { ack, texts: renderedTexts(ack.blocks).join('\n') };
}

/** "3. *28%* · Inadequate · 2015 · local authorities" lines: the table's rows. */
function rowLines(texts: string): string[] {
  return texts.split('\n').filter((line) => /^\d+\. \*/.test(line));
}

async function clickMore(blocks: unknown[]) {
  const more = buttonsIn(blocks).find((button) => button.action_id === STATS_MORE_ACTION);
  if (!more) return undefined;
  const response_url = h.api.responseUrl();
  await sendInteraction(h.baseUrl, ephemeralButtonClick(more, response_url));
  const [post] = await waitFor(() => h.api.postsTo(response_url).length > 0 && h.api.postsTo(response_url), 'the next figures');
  return post!.body as { response_type: string; replace_original?: boolean; blocks: unknown[] };
}

describe('/citeline stats with the real engine', () => {
  it('lists every Inadequate figure, each with its quote and linked source', async () => {
    const { texts } = await stats('inadequate');
    const rows = rowLines(texts);
    expect(texts).toMatch(new RegExp(`^\\*${rows.length} figures\\* for “inadequate”, best match first`, 'm'));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.includes('Inadequate'))).toBe(true);
    expect(rows).toContainEqual(expect.stringMatching(/^\d+\. \*28%\* · Inadequate · 2015 · local authorities$/));
    expect(texts).toContain('“By 2015, 28% of councils were rated Inadequate.”');
    expect(texts).toMatch(/<https:\/\/schoolsimprovement\.net\/[^|>]+\|A brave new world[^>]*> · How council ratings changed/);
  });

  it('gives 69% for good 2007/08 with its quote and source', async () => {
    const { texts } = await stats('good 2007/08');
    expect(rowLines(texts)).toEqual(['1. *69%* · Good · 2007/08 · local authorities']);
    expect(texts).toContain('69% of councils inspected were rated Good');
    expect(texts).toContain('<https://schoolsimprovement.net/');
  });

  it('says so when no figure says every word of the query, closest first', async () => {
    const { texts } = await stats('inadequate 2015 councils rated poorly');
    expect(texts).toMatch(/^No figure says every word of “inadequate 2015 councils rated poorly”: the \*\d+ figures?\* closest to it, closest first$/m);
    expect(rowLines(texts)).toContainEqual(expect.stringMatching(/^\d+\. \*28%\* · Inadequate · 2015/));
  });

  it('says how many of the last rows say only part of the query', async () => {
    const { texts } = await stats('inadequate councils rated');
    const [, total, partly] = /^\*(\d+) figures\* for “inadequate councils rated”, best match first; the last (one|\d+) says? only part of it, closest first$/m.exec(texts) ?? [];
    expect(Number(total)).toBe(rowLines(texts).length);
    expect(partly === 'one' ? 1 : Number(partly)).toBeLessThan(Number(total));
  });

  it('escapes every text from a document, and links only http(s) sources', async () => {
    const { ack, texts } = await stats('inadequate 2016');
    expect(rowLines(texts)).toEqual(['1. *31%* · Inadequate · 2016 · local authorities']);
    const everything = [ack.text, texts].join('\n');
    expect(texts).toContain('(ask &lt;@U123&gt; &amp; &lt;#C999&gt;, not &lt;!channel&gt;).”');
    // The source is not http(s): the title is shown as text, not as a link.
    expect(texts).toContain('\nCouncil figures &lt;!here&gt; &amp; more · Notes &amp; queries');
    for (const raw of ['<!channel>', '<@U123>', '<#C999>', '<!here>', 'javascript:']) expect(everything).not.toContain(raw);
  });

  it('shows the first rows, and "More" shows the rest until every figure has been listed once', async () => {
    const { ack, texts } = await stats('');
    const total = Number(/^\*(\d+) figures\* for “all figures”/m.exec(texts)?.[1]);
    expect(total).toBeGreaterThan(STATS_FIRST_ROWS);
    const numbers = rowLines(texts).map((row) => Number(row.split('.')[0]));
    expect(numbers).toEqual(Array.from({ length: STATS_FIRST_ROWS }, (_, i) => i + 1));
    expect(buttonsIn(ack.blocks)[0]?.text.text).toBe(`More (${total - STATS_FIRST_ROWS})`);

    let blocks = ack.blocks;
    for (let page = 0; page < 5; page += 1) {
      const next = await clickMore(blocks);
      if (!next) break;
      // A follow-up only the reader sees; the first table stays.
      expect(next.response_type).toBe('ephemeral');
      expect(next.replace_original).toBe(false);
      const nextTexts = renderedTexts(next.blocks).join('\n');
      expect(nextTexts).toContain(`(from ${numbers.length + 1})`);
      numbers.push(...rowLines(nextTexts).map((row) => Number(row.split('.')[0])));
      blocks = next.blocks;
    }
    expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(buttonsIn(blocks)).toHaveLength(0);
  });

  it('ignores a More button whose value it cannot read', async () => {
    const response_url = h.api.responseUrl();
    const response = await sendInteraction(h.baseUrl, ephemeralButtonClick({ action_id: STATS_MORE_ACTION, value: '{"q":1}' }, response_url));
    expect(response.status).toBe(200);
    await waitFor(() => h.logs.some((line) => line.includes('unreadable value')), 'the warning');
    expect(h.api.postsTo(response_url)).toHaveLength(0);
  });

  it('says which reports it read when a lookup names something and none of them states the rest', async () => {
    // The sample reports write Ofsted as a name; none of them states a deficit.
    const { texts } = await stats('ofsted deficit');
    expect(texts).toContain('No figure in the reports naming Ofsted says what “ofsted deficit” asks');
  });

  it('says when no figure matches, with an example to try', async () => {
    const { texts } = await stats('outstanding 1999');
    expect(texts).toContain('No figures match “outstanding 1999”');
    expect(texts).toContain('/citeline stats inadequate 2015');
  });
});
