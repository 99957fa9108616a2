#!/usr/bin/env node
// Runs vitest, then prints the plain closing line CI counts: "N passed, N failed".
// vitest's own summary is for people; the JSON report is for the count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'citeline-tests-'));
const reportFile = join(dir, 'vitest.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + countFilesThatFailedOutsideTests(report);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} catch {
  // No report means vitest could not run at all: count that as a failure, never as a pass.
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
// vitest fails a run whose tests all passed when an error escaped them (an unhandled rejection): one failure more.
if (run.status !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);

/** A test file that failed with no failing test in it (an import error, a failing hook) is one failure more. */
function countFilesThatFailedOutsideTests(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}
