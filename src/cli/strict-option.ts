// --strict: warnings about the configuration are errors (exit 2), for CI.
import type { Argv } from 'yargs';

/** Adds --strict. */
export function withStrict<T>(y: Argv<T>) {
  return y.option('strict', { type: 'boolean', describe: 'Treat configuration warnings (unused keys, hosts: matching nothing) as errors' });
}
