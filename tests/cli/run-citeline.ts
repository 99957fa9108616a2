/** Runs the real `citeline` bin (bin/citeline.mjs) as a user's shell would, with its own index folder. */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = resolve('bin/citeline.mjs');

export function citeline(args: string[], env: Record<string, string>) {
  return run(BIN, args, { env: { ...process.env, ...env }, timeout: 120_000 });
}

/** The same, as a child whose stdin the test writes. */
export function spawnCiteline(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(BIN, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
}

/** How a refused command line ends: its exit code and what it wrote to stderr. */
export async function refusal(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string } | undefined> {
  return citeline(args, env).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}
