// The extra loaders `smoker validate` runs after the inventory and check files (the test-file loader joins this list).
import type { ProjectLoader } from './load-project.js';

/** Every extra kind of file `validate` checks, in order. */
export const projectLoaders: readonly ProjectLoader[] = [];
