// Mutation testing of src/report/ with the unit tests that cover it: npm run mutate:report
import { folderConfig } from './folder-config.mjs';

export default folderConfig('report', ['src/report/**/*.ts'], ['test/report/**/*.test.ts', 'test/results/history.test.ts', 'test/results/diff.test.ts']);
