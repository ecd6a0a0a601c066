// `smoker run [INVENTORY]`: every selected check on every selected host, Smoker-style results.
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { inventoryFrom, withHosts, withInventory } from '../options.js';
import { withFilters, type FilterArgs } from '../filter-options.js';
import { withConnectionOptions, type ConnectionArgs } from '../connection-options.js';
import { withSessionOptions, type SessionArgs } from '../session-options.js';
import { withShard } from '../shard-option.js';
import { withStrict } from '../strict-option.js';

interface Args extends ConnectionArgs, SessionArgs, FilterArgs {
  inventory?: string;
  i?: string;
  H?: string;
  o: string;
  checks?: string[];
  forks?: number;
  shard?: string;
  every?: string;
  watch?: string[];
  plan?: boolean;
  sort?: boolean;
  'fail-on': string;
  strict?: boolean;
}

const FORMATS = ['minimal', 'normal', 'long', 'full', 'json', 'tap', 'junit', 'nagios'];

/** The run command. */
export const runCommand: CommandModule<object, Args> = {
  command: 'run [inventory]',
  describe: 'Run the checks on the selected hosts',
  builder: (y) =>
    withConnectionOptions(withStrict(withShard(withSessionOptions(withFilters(withHosts(withInventory(y)))))))
      .option('checks', listOption('Check files or folders (replaces the inventory checks: list)'))
      .option('o', { alias: 'output', choices: FORMATS, default: 'normal', describe: 'Output format' })
      .option('forks', { type: 'number', describe: 'Hosts in flight at once (default 256)', requiresArg: true })
      .option('every', { type: 'string', describe: 'Repeat the run every DURATION until Ctrl-C (one session per round)', requiresArg: true })
      .option('fail-on', { choices: ['error', 'warn'], default: 'error', describe: 'Exit 1 on ERROR/UNKNOWN (default) or also on WARN' })
      .option('watch', listOption("Tail these services' watch: logs on their hosts while the checks run; exceptions become WARN"))
      .option('sort', { type: 'boolean', describe: 'Human output: wait for every host and print them in inventory order (default: each host as it finishes)' })
      .option('plan', { type: 'boolean', describe: 'Print the exact command each host would run (templates filled) and exit; connects nowhere' })
      .example('$0 run inventories/local.yaml', 'The built-in example on this machine')
      .example('$0 run inventories/prod.yaml --smoke -H web', 'Smoke tests on the web group')
      .example('$0 run --nook -o long', 'Re-run what was not OK in the latest session')
      .example('$0 run -o junit > junit.xml', 'JUnit for CI')
      .example('$0 run --shard 2/3', 'The second of three CI jobs; smoker sessions merge joins them') as never,
  handler: async (argv) => {
    const { runRunCommand } = await import('../handlers/run.js');
    await runRunCommand({
      inventory: inventoryFrom(argv),
      pattern: argv.H,
      checks: argv.checks,
      output: argv.o,
      forks: argv.forks,
      every: argv.every,
      shard: argv.shard,
      watch: argv.watch,
      connection: argv,
      plan: argv.plan === true,
      sort: argv.sort === true,
      failOn: argv['fail-on'] as 'error' | 'warn',
      strict: argv.strict,
      filters: argv,
      session: argv,
      argv: process.argv.slice(2),
    });
  },
};
