// Mutation testing of src/parsers/ with its unit tests: npm run mutate:parsers
import { folderConfig } from './folder-config.mjs';

export default folderConfig('parsers', ['src/parsers/**/*.ts'], ['test/parsers/**/*.test.ts']);
