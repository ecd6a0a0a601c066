// --results DIR, --no-results, --keep N: where and whether a command writes its session.
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';

/** Parsed session options. */
export interface SessionArgs {
  results: string | boolean | undefined;
  keep?: number | undefined;
}

/** Adds the session options to a command. */
export function withSessionOptions<T>(y: Argv<T>) {
  return y
    .option('results', { type: 'string', describe: 'Folder for sessions (default ./results); --no-results writes none', defaultDescription: 'results' })
    .option('keep', {
      type: 'number',
      describe: 'Keep only the newest N sessions (N >= 1)',
      requiresArg: true,
      coerce: (n: number) => {
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--keep: expected a whole number of at least 1, got ${String(n)}`);
        return n;
      },
    });
}

/** The results root, or undefined for --no-results. */
export function resultsRoot(argv: SessionArgs): string | undefined {
  if (argv.results === false) return undefined;
  if (typeof argv.results === 'string' && argv.results !== '') return argv.results;
  return process.env.SMOKER_RESULTS ?? 'results';
}
