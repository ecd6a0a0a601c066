// --results DIR for the commands that read sessions (inspect, sessions, history, diff).
import type { Argv } from 'yargs';

/** Adds --results DIR. */
export function withResultsRoot<T>(y: Argv<T>) {
  return y.option('results', { type: 'string', describe: 'Folder holding the sessions (default ./results, or $SMOKER_RESULTS)', requiresArg: true });
}

/** The results root to read from. */
export function readRoot(argv: { results?: string | undefined }): string {
  return argv.results || process.env.SMOKER_RESULTS || 'results';
}
