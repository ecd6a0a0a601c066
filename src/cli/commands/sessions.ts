// `smoker sessions`: every stored session with its command, state and counts.
import type { CommandModule } from 'yargs';
import { readRoot, withResultsRoot } from '../results-option.js';
import { sessionsMergeCommand } from './sessions-merge.js';

interface Args {
  results?: string;
  o: string;
  last?: number;
}

/** The sessions command. */
export const sessionsCommand: CommandModule<object, Args> = {
  command: 'sessions',
  describe: 'List stored sessions: id, command, state, hosts and checks by status',
  builder: (y) =>
    withResultsRoot(y)
      .command(sessionsMergeCommand as unknown as CommandModule<object, object>)
      .option('o', { alias: 'output', choices: ['table', 'json'], default: 'table', describe: 'Output format', global: false })
      .option('last', { type: 'number', describe: 'Only the newest N sessions', requiresArg: true, global: false })
      .example('$0 sessions', 'Every session under ./results, oldest first')
      .example('$0 sessions --results /var/lib/smoker --last 10 -o json', 'The newest ten as JSON')
      .example('$0 sessions merge shard-1/latest shard-2/latest', 'Join the sessions of run --shard 1/2 and 2/2') as never,
  handler: async (argv) => {
    const { runSessions } = await import('../handlers/sessions.js');
    runSessions({ root: readRoot(argv), output: argv.o as 'table' | 'json', last: argv.last });
  },
};
