// `smoker history CHECK [-H PATTERN] [--last N]`: one check's status per host across sessions.
import type { CommandModule } from 'yargs';
import { withHosts } from '../options.js';
import { readRoot, withResultsRoot } from '../results-option.js';

interface Args {
  check: string;
  '--'?: (string | number)[];
  results?: string;
  H?: string;
  last?: number;
  o: string;
}

/** The history command. */
export const historyCommand: CommandModule<object, Args> = {
  command: 'history <check>',
  describe: "One check's status per host across sessions, as a timeline (exec: one per command it ran)",
  builder: (y) =>
    withResultsRoot(withHosts(y))
      .positional('check', { type: 'string', describe: 'Check name', demandOption: true })
      .option('last', { type: 'number', describe: 'Only the newest N sessions that ran the check', requiresArg: true })
      .option('o', { alias: 'output', choices: ['timeline', 'json'], default: 'timeline', describe: 'Output format' })
      .example('$0 history fsmount', 'fsmount on every host, one letter per session: . OK, W WARN, E ERROR, U UNKNOWN, - absent')
      .example("$0 history disk -H 'web*' --last 20", 'The last 20 runs of disk on the web hosts')
      .example('$0 history uname -o json', 'The same as JSON')
      .example('$0 history exec -- uptime', 'The sessions that ran exec -- uptime (without a command: one timeline per command)')
      .parserConfiguration({ 'populate--': true }) as never,
  handler: async (argv) => {
    const { runHistory } = await import('../handlers/history.js');
    const words = (argv['--'] ?? []).map(String);
    await runHistory({ check: argv.check, root: readRoot(argv), pattern: argv.H, last: argv.last, output: argv.o as 'timeline' | 'json', ...(words.length ? { command: words.join(' ') } : {}) });
  },
};
