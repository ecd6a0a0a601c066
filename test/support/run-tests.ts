// `npm test` / `npm run test:file -- FILES`: runs mocha (.mocharc.json) on the given files under a watchdog that
// kills the whole process tree and names the test that hung when mocha's event loop blocks or a limit passes
// (mocha's own timeout cannot fire then), and that ends the run within seconds on SIGINT/SIGTERM/SIGHUP.
// Usage: node --import tsx test/support/run-tests.ts [mocha options] FILES...

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeProcess, listProcessGroup, signalAll, signalTree } from './process-tree.js';
import { describeHang, findHang, readBeat, readLimits, type Beat } from './watchdog.js';

/** How long mocha gets to clean up (close labs) after a forwarded signal before it is SIGKILLed. */
const GRACE_MS = 5000;
const POLL_MS = 500;

const mochaBin = join(dirname(createRequire(import.meta.url).resolve('mocha/package.json')), 'bin', 'mocha.js');
const limits = readLimits(process.env);
const beaconDir = mkdtempSync(join(tmpdir(), 'smoker-watchdog-'));
const beaconPath = join(beaconDir, 'beat.json');
const startedAt = Date.now();

// Its own process group, so that one kill reaches mocha's children too; signals are forwarded below.
const mocha = spawn(process.execPath, [mochaBin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, SMOKER_WATCHDOG_FILE: beaconPath },
});
const mochaPid = mocha.pid ?? 0;
let verdict: number | undefined;

let beat: Beat | undefined;

const poll = setInterval(() => {
  const now = Date.now();
  // A beat that cannot be read now (mid-rename) leaves the last one standing.
  beat = readBeat(beaconPath) ?? beat;
  const reason = findHang(now, startedAt, beat, limits);
  if (!reason) return;
  clearInterval(poll);
  const lines = describeHang(reason, now, beat);
  if (beat) lines.push(...describeProcess(beat.pid).split('\n').map((l) => `  ${l}`));
  const killed = signalTree(mochaPid, 'SIGKILL');
  lines.push(`  killed ${killed} processes of the test run (SIGKILL): the run FAILED`);
  process.stderr.write(`\n${lines.join('\n')}\n`);
  verdict = 124;
}, POLL_MS);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (verdict !== undefined) {
      signalTree(mochaPid, 'SIGKILL');
      return;
    }
    verdict = 128 + constants.signals[signal];
    process.stderr.write(`\nsmoker test runner: ${signal}: stopping the tests (SIGKILL in ${GRACE_MS / 1000} s)\n`);
    signalTree(mochaPid, signal);
    setTimeout(() => signalTree(mochaPid, 'SIGKILL'), GRACE_MS).unref();
  });
}

mocha.once('exit', (code, signal) => {
  clearInterval(poll);
  // Whatever mocha left running in its group would hold CI's output pipe open.
  signalAll(listProcessGroup(mochaPid), 'SIGKILL');
  rmSync(beaconDir, { recursive: true, force: true });
  process.exitCode = verdict ?? code ?? 128 + (signal ? constants.signals[signal] : 0);
});
