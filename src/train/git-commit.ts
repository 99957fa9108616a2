/** The commit a model is trained at, for its weights file's provenance. */
import { execSync } from 'node:child_process';

/** The short hash of HEAD, or "unknown" outside a git checkout. */
export function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
