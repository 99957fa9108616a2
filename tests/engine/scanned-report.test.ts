/**
 * A scanned page answered from: an image-only PDF page of printed text, read by OCR at ingest,
 * cited with its page number and marked as OCR.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoreConfig } from '../../src/config.js';
import { openCitelineEngine } from '../../src/engine/citeline.js';
import { makeScannedPdf } from '../ingest/fixtures.js';

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a scanned report', () => {
  it('is answered from, citing the scanned page as OCR', { timeout: 180_000 }, async () => {
    work = await mkdtemp(join(tmpdir(), 'citeline-scan-'));
    const reports = join(work, 'reports');
    await mkdir(reports);
    await writeFile(
      join(reports, 'keeper.pdf'),
      await makeScannedPdf(['The lighthouse keeper logged', 'forty storms in one winter.'], [['Logbook of the north light, typed cover page.']]),
    );
    const engine = await openCitelineEngine({ ...parseCoreConfig({}), reportsDir: reports, indexDir: join(work, 'index') }, { buildIfMissing: true });
    const reply = await engine.ask('how many storms did the lighthouse keeper log?');
    const citation = reply.citations.find((candidate) => /forty storms/.test(candidate.extract));
    expect(citation).toBeDefined();
    expect(citation!.location).toMatch(/2 \(OCR\)$/);
    expect(citation!.page).toBeGreaterThanOrEqual(1);
  });
});
