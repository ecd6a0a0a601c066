// Mutation testing of src/results/ alone, with only the unit tests that cover it: npx stryker run stryker/results.conf.mjs
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/results/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'test/results/**/*.test.ts',
      'test/session/session.test.ts',
      'test/report/tests-view.test.ts',
      'test/tests/ids-params.test.ts',
    ],
  },
  incrementalFile: '.stryker/results-incremental.json',
  tempDirName: '.stryker/tmp-results',
  htmlReporter: { fileName: 'reports/mutation/results.html' },
  jsonReporter: { fileName: 'reports/mutation/results.json' },
};
