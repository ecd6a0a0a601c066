// --shard K/N on run and exec: one stable, balanced share of the selected hosts (see run/shard.ts).
import type { Argv } from 'yargs';

/** Adds --shard K/N; the handler parses it, so a bad value is a usage error (exit 2). */
export function withShard<T>(y: Argv<T>) {
  return y.option('shard', {
    type: 'string',
    requiresArg: true,
    describe: 'Only shard K of N of the selected hosts (same split every time; merge with smoker sessions merge)',
  });
}
