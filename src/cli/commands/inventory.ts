// `smoker inventory from-vagrant|from-ansible|from-ducktape`: print another tool's inventory as a smoker inventory.
import type { Argv, CommandModule } from 'yargs';
import { listOption } from '../list-option.js';

interface ConvertArgs {
  checks?: string[];
}

/** Adds --checks, written into the printed inventory as its checks: list. */
function withChecks<T>(y: Argv<T>) {
  return y.option('checks', listOption('Add a checks: list to the output (paths as written, relative to where you save the file)'));
}

const fromVagrant: CommandModule<object, ConvertArgs & { source?: string }> = {
  command: 'from-vagrant [source]',
  describe: 'Convert `vagrant ssh-config` of a Vagrant project folder (default .), or its output from stdin (-)',
  builder: (y) =>
    withChecks(y)
      .positional('source', { type: 'string', describe: 'Vagrant project folder, - for stdin, or a file with vagrant ssh-config output' })
      .example('$0 inventory from-vagrant vagrant --checks checks > vagrant/inventory.yaml', 'Runs vagrant ssh-config in vagrant/')
      .example('vagrant ssh-config | $0 inventory from-vagrant -', 'Where vagrant runs elsewhere') as never,
  handler: async (argv) => {
    const { runFromVagrant } = await import('../handlers/inventory-convert.js');
    // yargs-parser turns a lone `-` positional into an empty string.
    await runFromVagrant({ source: argv.source === '' ? '-' : argv.source, checks: argv.checks });
  },
};

const fromAnsible: CommandModule<object, ConvertArgs & { file: string }> = {
  command: 'from-ansible <file>',
  describe: 'Convert an Ansible inventory (INI or YAML, with host_vars/ and group_vars/ beside it)',
  builder: (y) =>
    withChecks(y)
      .positional('file', { type: 'string', describe: 'Ansible inventory file' })
      .example('$0 inventory from-ansible hosts.ini > inventories/prod.yaml', 'Convert once and keep the YAML')
      .example('$0 run hosts.ini --checks checks', 'Or use the Ansible file directly') as never,
  handler: async (argv) => {
    const { runFromAnsible } = await import('../handlers/inventory-convert.js');
    await runFromAnsible({ file: argv.file, checks: argv.checks });
  },
};

const fromDucktape: CommandModule<object, ConvertArgs & { file: string }> = {
  command: 'from-ducktape <file>',
  describe: 'Convert a ducktape cluster file ({"nodes": [{"ssh_config": ...}]})',
  builder: (y) =>
    withChecks(y)
      .positional('file', { type: 'string', describe: 'ducktape cluster JSON file' })
      .example('$0 inventory from-ducktape cluster.json > inventories/cluster.yaml', 'Convert a JsonCluster file') as never,
  handler: async (argv) => {
    const { runFromDucktape } = await import('../handlers/inventory-convert.js');
    await runFromDucktape({ file: argv.file, checks: argv.checks });
  },
};

/** The inventory command and its converters. */
export const inventoryCommand: CommandModule<object, object> = {
  command: 'inventory',
  describe: 'Print a Vagrant, Ansible or ducktape inventory as a smoker inventory',
  builder: (y) =>
    y
      .command(fromVagrant as unknown as CommandModule<object, object>)
      .command(fromAnsible as unknown as CommandModule<object, object>)
      .command(fromDucktape as unknown as CommandModule<object, object>)
      .demandCommand(1, 'Say which converter: from-vagrant, from-ansible or from-ducktape.') as never,
  handler: () => undefined,
};
