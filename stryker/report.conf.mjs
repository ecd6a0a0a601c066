// Stryker config for src/report/: the shared stryker.config.json with mutate and spec narrowed to the report folder.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/report/**/*.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['test/report/**/*.test.ts', 'test/results/history.test.ts', 'test/results/diff.test.ts'],
  },
  incrementalFile: '.stryker/report-incremental.json',
  tempDirName: '.stryker/tmp-report',
  htmlReporter: { fileName: 'reports/mutation/report.html' },
  jsonReporter: { fileName: 'reports/mutation/report.json' },
};
