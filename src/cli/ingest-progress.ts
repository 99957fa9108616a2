/**
 * What the ingest progress bar shows, from buildIndex's progress events: bytes done out of the
 * total (so one large file moves the bar as its passages are embedded), and files done.
 */
import type { IngestProgress } from '../engine/build-index.js';

export interface ProgressState {
  /** Bytes of the files done, plus the share embedded of those in progress; never goes back. */
  bytes: number;
  totalBytes: number;
  files: number;
  totalFiles: number;
  /** Passages of the files done, and those embedded so far of the files in progress. */
  passages: number;
  /** The last file done (its name only). */
  file: string;
}

export class IngestProgressTally {
  readonly state: ProgressState = { bytes: 0, totalBytes: 0, files: 0, totalFiles: 0, passages: 0, file: '' };
  private bytesDone = 0;
  private inProgress = 0;
  private passagesDone = 0;
  private passagesInProgress = 0;

  /** Takes one event; returns true when the bar should be redrawn. */
  update(event: IngestProgress): boolean {
    const { state } = this;
    switch (event.stage) {
      case 'scan':
        state.totalFiles = event.files;
        state.totalBytes = event.bytes;
        return true;
      case 'embedding':
        this.inProgress = event.bytes;
        this.passagesInProgress = event.passages;
        break;
      case 'file':
        state.files = event.done;
        this.passagesDone += event.passages;
        this.passagesInProgress = Math.max(0, this.passagesInProgress - event.passages);
        state.file = event.file.split('/').pop() ?? '';
        this.bytesDone += event.bytes;
        this.inProgress = Math.max(0, this.inProgress - event.bytes);
        break;
      case 'save':
        return false;
    }
    state.bytes = Math.min(state.totalBytes, Math.max(state.bytes, this.bytesDone + this.inProgress));
    state.passages = this.passagesDone + this.passagesInProgress;
    return true;
  }
}

/** "12.3" MB, from bytes. */
export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
