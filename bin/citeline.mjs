#!/usr/bin/env node
// `citeline COMMAND [options]` (`npx citeline help`). The sources are TypeScript, run through tsx
// as the npm scripts run them: registered in this process, so signals, stdin and exit codes are
// the command's own.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
