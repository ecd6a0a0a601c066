// `smoker sessions merge DIR...`: shard sessions (run --shard K/N) joined into one new session.
import type { CommandModule } from 'yargs';
import { readRoot, withResultsRoot } from '../results-option.js';

interface Args {
  sessions: string[];
  results?: string;
}

/** The merge subcommand of `smoker sessions`. */
export const sessionsMergeCommand: CommandModule<object, Args> = {
  command: 'merge <sessions..>',
  describe: 'Join shard sessions (run --shard K/N) into one new session with one report',
  builder: (y) =>
    withResultsRoot(y)
      .positional('sessions', { type: 'string', array: true, describe: 'Session folders, or ids under --results' })
      .example('$0 sessions merge shard-1/latest shard-2/latest shard-3/latest', 'The sessions of three CI jobs')
      .example('$0 sessions merge 2026-11-22--001 2026-11-22--002 --results results', 'Two sessions by id') as never,
  handler: async (argv) => {
    const { runSessionsMerge } = await import('../handlers/sessions-merge.js');
    await runSessionsMerge({ refs: argv.sessions.map(String), root: readRoot(argv), argv: process.argv.slice(2) });
  },
};
