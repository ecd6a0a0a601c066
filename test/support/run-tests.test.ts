// The test runner's watchdog, on a fixture mocha file: a blocked event loop or an endless test is killed and named,
// signals end the run within seconds, and mocha's own exit code passes through.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readStartTime } from '../lab/process-info.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/support/fixtures/watchdog-fixture.ts';

interface RunnerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Pid of the mocha process that ran the fixture's second test. */
  fixturePid: number | undefined;
}

/** Runs the runner on the fixture; `onStarted` is called once the fixture's second test runs. */
function runFixture(mode: string, env: Record<string, string> = {}, onStarted?: (runnerPid: number) => void): Promise<RunnerResult> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-tests.ts', FIXTURE], {
    cwd: ROOT,
    env: { ...process.env, WATCHDOG_FIXTURE: mode, ...env },
  });
  let stdout = '';
  let stderr = '';
  let fixturePid: number | undefined;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const match = /fixture \w+ started in (\d+)/.exec(stdout);
    if (match && fixturePid === undefined) {
      fixturePid = Number(match[1]);
      onStarted?.(child.pid ?? 0);
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Never hang this test itself: the runner gets 60 s.
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr, ms: Date.now() - started, fixturePid });
    }),
  );
}

describe('test runner watchdog (test/support/run-tests.ts)', function () {
  this.timeout(90_000);

  it('passes mocha’s exit code through: 0 when all pass, non-zero when one fails', async () => {
    const pass = await runFixture('pass');
    expect(pass.code, pass.stderr).to.equal(0);
    expect(pass.stdout).to.include('2 passed, 0 failed');
    const fail = await runFixture('fail');
    expect(fail.code).to.not.equal(0);
    expect(fail.stdout).to.include('1 passed, 1 failed');
  });

  it('kills a run whose event loop is blocked, names the test and fails', async () => {
    const r = await runFixture('block', { SMOKER_TEST_STALL_S: '3' });
    expect(r.code, r.stderr).to.equal(124);
    expect(r.stderr).to.include('no heartbeat for').and.include('the event loop is blocked');
    expect(r.stderr).to.include('hung in test: watchdog fixture second test (block)').and.include(FIXTURE);
    expect(r.fixturePid).to.be.a('number');
    expect(await isGone(r.fixturePid!), 'the blocked mocha is gone').to.equal(true);
  });

  it('kills a test that runs past the per-test limit although mocha still beats', async () => {
    const r = await runFixture('wait', { SMOKER_TEST_ITEM_S: '3' });
    expect(r.code, r.stderr).to.equal(124);
    expect(r.stderr).to.include('one test ran for').and.include('hung in test: watchdog fixture second test (wait)');
    expect(await isGone(r.fixturePid!), 'the fixture mocha is gone').to.equal(true);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`ends the run within seconds on ${signal}, taking mocha and its children along`, async () => {
      let sentAt = 0;
      const r = await runFixture('wait', {}, (runnerPid) => {
        sentAt = Date.now();
        process.kill(runnerPid, signal);
      });
      expect(sentAt, 'the fixture test started').to.be.greaterThan(0);
      expect(r.code, r.stderr).to.equal(signal === 'SIGTERM' ? 143 : 130);
      expect(r.stderr).to.include(`smoker test runner: ${signal}`);
      expect(await isGone(r.fixturePid!), 'the fixture mocha is gone').to.equal(true);
    });
  }
});

/** Whether `pid` has exited (a zombie not yet reaped by init counts as exited), waiting up to 2 s. */
async function isGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    if (readStartTime(pid) === undefined || readState(pid) === 'Z') return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function readState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}
