// The extra loaders `smoker validate` runs after the inventory and check files: test files (`--tests PATH`).
import { ConfigError } from '../errors.js';
import type { ProjectLoader } from './load-project.js';
import { validateTestPaths } from './test-collect.js';

/** Folder of test files `smoker test` reads by default, and `validate --tests` without a path. */
export const DEFAULT_TESTS_DIR = 'tests';

/** A loader for the test files under `paths`: loaded and checked against the inventory and checks, nothing run. */
export function testFilesLoader(paths: readonly string[]): ProjectLoader {
  return {
    name: 'tests',
    async load({ inventory, checks }) {
      try {
        const specs = await validateTestPaths(paths, { inventory, checks });
        return { issues: [], warnings: [], summary: `${specs.length} test${specs.length === 1 ? '' : 's'} in ${paths.join(', ')}`, value: specs };
      } catch (err) {
        if (err instanceof ConfigError) return { issues: [...err.issues], warnings: [] };
        throw err;
      }
    },
  };
}

/** Every extra kind of file `validate` checks, in order: test files when `--tests` names them. */
export function projectLoaders(opts: { tests?: readonly string[] | undefined }): ProjectLoader[] {
  return opts.tests ? [testFilesLoader(opts.tests.length ? opts.tests : [DEFAULT_TESTS_DIR])] : [];
}
