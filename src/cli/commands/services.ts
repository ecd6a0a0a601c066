// `smoker services [INVENTORY]`: the services of the check files, with the hosts each runs on.
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { inventoryFrom, withHosts, withInventory } from '../options.js';

interface Args {
  inventory?: string;
  i?: string;
  H?: string;
  checks?: string[];
  o: string;
}

/** The services command. */
export const servicesCommand: CommandModule<object, Args> = {
  command: 'services [inventory]',
  describe: 'List the services and the hosts each runs on',
  builder: (y) =>
    withHosts(withInventory(y))
      .option('checks', listOption('Check/service files or folders (replaces the inventory checks: list)'))
      .option('o', { alias: 'output', choices: ['table', 'json'], default: 'table', describe: 'Output format' })
      .example('$0 services inventories/lab.yaml', 'Every service, its hosts folded (web[01-03]) and its operations')
      .example("$0 services -H 'web*' -o json", 'The services on the web hosts, as JSON') as never,
  handler: async (argv) => {
    const { runServicesList } = await import('../handlers/services.js');
    await runServicesList({ inventory: inventoryFrom(argv), checks: argv.checks, pattern: argv.H, output: argv.o as 'table' | 'json' });
  },
};
