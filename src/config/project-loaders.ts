// The extra loaders `smoker validate` runs after the inventory and check files: the test files of ./tests.
import { existsSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import type { ProjectLoader } from './load-project.js';
import { validateTestPaths } from './test-collect.js';

/** Folder of test files that `validate` checks when it exists (the default of `smoker test`). */
export const DEFAULT_TESTS_DIR = 'tests';

/** The test files of ./tests (when the folder exists), loaded and checked against the inventory and checks, nothing run. */
export const testFilesLoader: ProjectLoader = {
  name: 'tests',
  async load({ inventory, checks }) {
    if (!existsSync(DEFAULT_TESTS_DIR)) return { issues: [], warnings: [] };
    try {
      const specs = await validateTestPaths([DEFAULT_TESTS_DIR], { inventory, checks });
      return { issues: [], warnings: [], summary: `${specs.length} test${specs.length === 1 ? '' : 's'} in ${DEFAULT_TESTS_DIR}/`, value: specs };
    } catch (err) {
      if (err instanceof ConfigError) return { issues: [...err.issues], warnings: [] };
      throw err;
    }
  },
};

/** Every extra kind of file `validate` checks, in order. */
export const projectLoaders: readonly ProjectLoader[] = [testFilesLoader];
