// `smoker hosts [INVENTORY] [-H PATTERN]`: resolved hosts and connection settings, secrets hidden.
import type { CommandModule } from 'yargs';
import { inventoryFrom, withHosts, withInventory } from '../options.js';
import { withShard } from '../shard-option.js';

interface Args {
  inventory?: string;
  i?: string;
  H?: string;
  o: string;
  shard?: string;
}

/** The hosts command. */
export const hostsCommand: CommandModule<object, Args> = {
  command: 'hosts [inventory]',
  describe: 'List resolved hosts and their connection settings',
  builder: (y) =>
    withShard(withHosts(withInventory(y)))
      .option('o', { alias: 'output', choices: ['table', 'json'], default: 'table', describe: 'Output format' })
      .example('$0 hosts inventories/lab.yaml', 'All hosts as a table')
      .example("$0 hosts -H 'web*,!web03' -o json", 'Selected hosts as JSON')
      .example('$0 hosts --shard 2/3', 'The hosts run --shard 2/3 would take') as never,
  handler: async (argv) => {
    const { runHosts } = await import('../handlers/hosts.js');
    await runHosts({ inventory: inventoryFrom(argv), pattern: argv.H, output: argv.o as 'table' | 'json', shard: argv.shard });
  },
};
