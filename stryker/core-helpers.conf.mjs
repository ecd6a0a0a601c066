// Mutation testing of the small core helpers (substitution, shell quoting, known_hosts) with their unit tests: npx stryker run stryker/core-helpers.conf.mjs
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/run/substitute.ts', 'src/transport/shell-quote.ts', 'src/transport/known-hosts*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'test/run/substitute*.test.ts',
      'test/transport/shell-quote.test.ts',
      'test/transport/known-hosts*.test.ts',
    ],
  },
  incrementalFile: '.stryker/core-helpers-incremental.json',
  tempDirName: '.stryker/tmp-core-helpers',
  htmlReporter: { fileName: 'reports/mutation/core-helpers.html' },
  jsonReporter: { fileName: 'reports/mutation/core-helpers.json' },
};
