// `smoker inspect [SESSION] [filters] [-o FORMAT]`: re-renders a stored session, whole or filtered.
import type { CommandModule } from 'yargs';
import { withFilters, type FilterArgs } from '../filter-options.js';
import { withHosts } from '../options.js';
import { readRoot, withResultsRoot } from '../results-option.js';

interface Args extends FilterArgs {
  session?: string;
  results?: string;
  H?: string;
  o: string;
  'fail-on': string;
}

const FORMATS = ['minimal', 'normal', 'long', 'full', 'json', 'tap', 'junit', 'nagios'];

/** The inspect command. */
export const inspectCommand: CommandModule<object, Args> = {
  command: 'inspect [session]',
  describe: 'Show a stored session again, in any format, with the same filters as run',
  builder: (y) =>
    withResultsRoot(withFilters(withHosts(y)))
      .positional('session', { type: 'string', describe: 'A session folder, an id (2026-11-22--001), latest (default), latest~N or previous (= latest~1)' })
      .option('error', { type: 'boolean', describe: 'Only checks that were ERROR in this session' })
      .option('nook', { type: 'boolean', describe: 'Only checks that were not OK in this session' })
      .option('o', { alias: 'output', choices: FORMATS, default: 'normal', describe: 'Output format' })
      .option('fail-on', { choices: ['error', 'warn'], default: 'error', describe: 'Exit 1 on ERROR/UNKNOWN (default) or also on WARN' })
      .example('$0 inspect', 'The latest session, as run printed it')
      .example('$0 inspect 2026-11-22--003 -o long -H web --category system', 'One session, some hosts and checks, in detail')
      .example('$0 inspect results/2026-11-22--003 --nook -o minimal', 'Only what was not OK')
      .example('$0 inspect -o junit > junit.xml', 'JUnit for CI from the latest session') as never,
  handler: async (argv) => {
    const { runInspect } = await import('../handlers/inspect.js');
    await runInspect({ session: argv.session, root: readRoot(argv), pattern: argv.H, output: argv.o, failOn: argv['fail-on'] as 'error' | 'warn', filters: argv });
  },
};
