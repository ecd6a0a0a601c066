// Mutation testing of src/config/ with the unit tests that cover it: npm run mutate:config
import { folderConfig } from './folder-config.mjs';

export default folderConfig(
  'config',
  ['src/config/**/*.ts'],
  [
    'test/config/**/*.test.ts',
    'test/run/load-checks.test.ts',
    'test/interop/inventory-by-content.test.ts',
    'test/interop/loads-in-smoker.test.ts',
    'test/cli/hosts-render.test.ts',
    'test/modules/catalog.test.ts',
    'test/docs/generated.test.ts',
  ],
  // A 4,000-host inventory per mutant made a whole run take hours; yaml-fast-edges.test.ts checks the fast parse on small files.
  ['test/config/yaml-fast.test.ts'],
);
