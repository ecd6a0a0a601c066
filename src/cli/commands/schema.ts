// `smoker schema [inventory|checks]`: JSON Schema for editors, from the validator's own definitions.
import type { CommandModule } from 'yargs';

interface Args {
  kind: string;
}

/** The schema command. */
export const schemaCommand: CommandModule<object, Args> = {
  command: 'schema [kind]',
  describe: 'Print the JSON Schema of inventory or check files',
  builder: (y) =>
    y
      .positional('kind', { choices: ['inventory', 'checks'], default: 'inventory', describe: 'Which file kind' })
      .example('$0 schema > smoker-inventory.schema.json', 'Inventory schema for your editor')
      .example('$0 schema checks > smoker-checks.schema.json', 'Check file schema') as never,
  handler: async (argv) => {
    const { buildJsonSchema } = await import('../../config/json-schema.js');
    process.stdout.write(`${JSON.stringify(buildJsonSchema(argv.kind as 'inventory' | 'checks'), null, 2)}\n`);
  },
};
