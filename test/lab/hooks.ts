// Mocha root hook plugin: after the whole run, close every lab a test left open
// (load with `--require test/lab/hooks.ts` or `"require"` in .mocharc.json).

import { closeAllLabs } from './registry.js';

/** Root hooks mocha picks up from a required module. */
export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await closeAllLabs();
  },
};
