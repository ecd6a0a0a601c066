// Heartbeat of a mocha process to its watchdog (test/support/run-tests.mjs): while SMOKER_WATCHDOG_FILE is set,
// rewrites that file every second with what runs now (file, test or hook title). A blocked event loop stops the
// beats, and the watchdog kills the process tree and names the title it read last.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');

const path = process.env.SMOKER_WATCHDOG_FILE;
const BEAT_MS = 1000;
let current = { kind: 'load', title: '(loading test files)', file: '', since: Date.now() };

function beat() {
  try {
    // Temp file and rename: the watchdog must never read half a beat.
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ ...current, pid: process.pid, beat: Date.now() })}\n`);
    renameSync(`${path}.tmp`, path);
  } catch {
    // the watchdog went away; nothing to tell
  }
}

/** Records what runs now (kind: test, hook, suite) and beats at once, so a block right after is named. */
function note(kind, runnable) {
  if (!path) return;
  const title = typeof runnable.fullTitle === 'function' ? runnable.fullTitle() : String(runnable.title ?? '');
  current = { kind, title, file: runnable.file ?? runnable.parent?.file ?? '', since: Date.now() };
  beat();
}

/** Follows a mocha Runner's test, hook and suite events (called by the reporter). */
function watchRunner(runner) {
  if (!path) return;
  runner.on('suite', (suite) => suite.title && note('suite', suite));
  runner.on('hook', (hook) => note('hook', hook));
  runner.on('test', (test) => note('test', test));
  runner.once('end', () => note('end', { title: '(run ended, exiting)' }));
}

if (path) {
  beat();
  setInterval(beat, BEAT_MS).unref();
}

module.exports = {
  watchRunner,
  // Root hooks: name the test even when a reporter other than summary-reporter runs.
  mochaHooks: {
    beforeEach() {
      if (this.currentTest) note('test', this.currentTest);
    },
  },
};
