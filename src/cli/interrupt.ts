// Ctrl-C: the first stops starting work and kills remote work (the run ends as interrupted); the second exits at once.
import { ExitCode } from '../errors.js';

/** What must leave the terminal before the interrupt notice is written (a running spinner). */
const beforeNotice = new Set<() => void>();

/** Runs `clear` before an interrupt notice is written, until the returned function is called. */
export function onInterruptNotice(clear: () => void): () => void {
  beforeNotice.add(clear);
  return () => beforeNotice.delete(clear);
}

/** An abort signal wired to SIGINT/SIGTERM for the duration of a command. */
export function trapInterrupts(onFirst?: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    // A spinner still drawing would leave its line above the notice (its erase then hits the wrong line).
    for (const clear of beforeNotice) clear();
    if (controller.signal.aborted) {
      process.stderr.write('\nsmoker: interrupted again, exiting now\n');
      process.exit(ExitCode.interrupted);
    }
    process.stderr.write('\nsmoker: interrupted; stopping remote work (Ctrl-C again to exit at once)\n');
    controller.abort();
    onFirst?.();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
