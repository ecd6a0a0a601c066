// `smoker validate [INVENTORY]`: checks every file, prints each problem as file:line:col.
import type { CommandModule } from 'yargs';
import { listOption } from '../list-option.js';
import { inventoryFrom, withInventory } from '../options.js';
import { withStrict } from '../strict-option.js';

interface Args {
  inventory?: string;
  i?: string;
  checks?: string[];
  strict?: boolean;
  tests?: string[];
}

/** The validate command. */
export const validateCommand: CommandModule<object, Args> = {
  command: 'validate [inventory]',
  describe: 'Check the inventory and every file it names (check and service files, --checks); every problem as file:line:col',
  builder: (y) =>
    withStrict(withInventory(y))
      .option('checks', listOption('Check files or folders (replaces the inventory checks: list)'))
      .option('tests', { type: 'string', array: true, describe: 'Also load the test files (YAML tests:, *.test.mjs) under these paths against the inventory, as smoker test would; no path: ./tests' })
      .example('$0 validate inventories/prod.yaml', 'Validate one inventory and its checks')
      .example('SMOKER_INVENTORY=inv.yaml $0 validate', 'Validate the inventory named by the environment')
      .example('$0 validate inventories/lab.yaml --tests', 'Also check the scenarios in ./tests against that inventory') as never,
  handler: async (argv) => {
    const { runValidate } = await import('../handlers/validate.js');
    await runValidate({ inventory: inventoryFrom(argv), checks: argv.checks, strict: argv.strict, tests: argv.tests?.flatMap((t) => t.split(',')).filter((t) => t !== '') });
  },
};
