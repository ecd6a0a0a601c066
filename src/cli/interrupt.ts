// Ctrl-C: the first stops starting work and kills remote work (the run ends as interrupted); the second exits at once.
import { ExitCode } from '../errors.js';

/** An abort signal wired to SIGINT/SIGTERM for the duration of a command. */
export function trapInterrupts(onFirst?: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
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
