// Mutation testing of src/config/ alone: npx stryker run stryker/config.conf.mjs (add --mutate src/config/x.ts for one file).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/config/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'test/config/**/*.test.ts',
      'test/run/load-checks.test.ts',
      'test/interop/inventory-by-content.test.ts',
      'test/interop/loads-in-smoker.test.ts',
      'test/cli/hosts-render.test.ts',
      'test/modules/catalog.test.ts',
      'test/docs/generated.test.ts',
    ],
    // A 4,000-host inventory per mutant made a whole run take hours; yaml-fast-edges.test.ts checks the fast parse on small files.
    ignore: [...base.mochaOptions.ignore, 'test/config/yaml-fast.test.ts'],
  },
  incrementalFile: '.stryker/config-incremental.json',
  tempDirName: '.stryker/tmp-config',
  htmlReporter: { fileName: 'reports/mutation/config.html' },
  jsonReporter: { fileName: 'reports/mutation/config.json' },
};
