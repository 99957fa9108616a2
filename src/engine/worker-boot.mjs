// A worker thread's entry is loaded before any loader its parent registered applies to it, so a
// TypeScript worker starts here: register tsx in this thread, then import the worker proper.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
