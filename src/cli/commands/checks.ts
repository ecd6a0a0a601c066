// `smoker checks [INVENTORY] [filters]`: the resolved checks, after templates, patterns and filters.
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { withFilters, type FilterArgs } from '../filter-options.js';
import { inventoryFrom, withHosts, withInventory } from '../options.js';
import { readRoot, withResultsRoot } from '../results-option.js';
import { withStrict } from '../strict-option.js';

interface Args extends FilterArgs {
  inventory?: string;
  i?: string;
  H?: string;
  checks?: string[];
  results?: string;
  o: string;
  strict?: boolean;
}

/** The checks command. */
export const checksCommand: CommandModule<object, Args> = {
  command: 'checks [inventory]',
  describe: 'List the resolved checks and the hosts each would run on, then the services',
  builder: (y) =>
    withStrict(withResultsRoot(withFilters(withHosts(withInventory(y)))))
      .option('checks', listOption('Check files or folders (replaces the inventory checks: list)'))
      .option('o', { alias: 'output', choices: ['table', 'json'], default: 'table', describe: 'Output format' })
      .example('$0 checks inventories/local.yaml', 'Every check, templates applied')
      .example("$0 checks --smoke -H 'web*' -o json", 'The smoke tests that would run on the web hosts')
      .example('$0 checks --nook', 'What `run --nook` would re-run') as never,
  handler: async (argv) => {
    const { runChecksList } = await import('../handlers/checks.js');
    await runChecksList({ inventory: inventoryFrom(argv), checks: argv.checks, pattern: argv.H, filters: argv, root: readRoot(argv), output: argv.o as 'table' | 'json', strict: argv.strict });
  },
};
