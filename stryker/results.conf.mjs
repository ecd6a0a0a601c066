// Mutation testing of src/results/ with the unit tests that cover it: npm run mutate:results
import { folderConfig } from './folder-config.mjs';

export default folderConfig(
  'results',
  ['src/results/**/*.ts'],
  ['test/results/**/*.test.ts', 'test/session/session.test.ts', 'test/report/tests-view.test.ts', 'test/tests/ids-params.test.ts'],
);
