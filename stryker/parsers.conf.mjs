// Stryker config for src/parsers/: the shared stryker.config.json with mutate and spec narrowed to the parsers folder.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/parsers/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['test/parsers/**/*.test.ts'],
  },
  incrementalFile: '.stryker/parsers-incremental.json',
  tempDirName: '.stryker/tmp-parsers',
  htmlReporter: { fileName: 'reports/mutation/parsers.html' },
  jsonReporter: { fileName: 'reports/mutation/parsers.json' },
};
