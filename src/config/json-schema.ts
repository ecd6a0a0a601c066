// JSON Schema documents for editors, generated from the validator's schema definitions.
import { checksFileSchema } from './checks-schema.js';
import { inventorySchema } from './inventory-schema.js';

/** Builds the JSON Schema of one file kind. */
export function buildJsonSchema(kind: 'inventory' | 'checks'): Record<string, unknown> {
  const schema = kind === 'inventory' ? inventorySchema : checksFileSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://smoker.dev/schema/${kind}.json`,
    title: kind === 'inventory' ? 'smoker inventory' : 'smoker checks file',
    ...schema.jsonSchema(),
  };
}
