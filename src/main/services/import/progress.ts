import type { ImportProgress } from '../../../shared/contract/data';

/**
 * Where the running import is, for the progress bar: the page polls 'import.progress' while a
 * preview or commit runs (the long loops yield to the event loop so the poll is answered).
 */
let current: ImportProgress | null = null;
let listener: ((p: ImportProgress) => void) | null = null;

export type ProgressSink = (p: ImportProgress) => void;

export function setProgress(p: ImportProgress) {
  current = p;
  listener?.(p);
}

export function getProgress(): ImportProgress | null {
  return current;
}

/** Also send progress elsewhere (the CLI prints it; Electron may forward it). */
export function onProgress(fn: ProgressSink | null) {
  listener = fn;
}

/** Let the event loop answer other requests (e.g. the progress poll) during a long loop. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
