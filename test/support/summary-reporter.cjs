// Mocha reporter: the spec reporter's output, then one plain line "N passed, N failed" for CI.
'use strict';
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;
const { watchRunner } = require('./watchdog-beacon.cjs');

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    // Tell the watchdog of test/support/run-tests.ts which test or hook runs (no-op without one).
    watchRunner(runner);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      process.stdout.write(`${s.passes} passed, ${s.failures} failed${skipped}\n`);
    });
  }
}
module.exports = SummaryReporter;
