// The pass/fail rule every format shares, and the Nagios state: each reason to fail on its own, even when the
// run's own status says OK (an incomplete session, an unreachable host, a failing check or test, WARN under
// failOn warn), and the Nagios line's parts for incomplete sessions, tests and long lists.
import { expect } from 'chai';
import { nagiosExitCode, renderNagios } from '../../src/report/nagios.js';
import { isFailing, isPassing } from '../../src/report/verdict.js';
import type { TestResult } from '../../src/results/test-types.js';
import type { RunReport } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport } from './sample.js';

/** An all-OK run of one host and one check, its counts then changed by `patch` (the status stays OK). */
function okRun(patch: (r: RunReport) => void = () => {}): RunReport {
  const r = makeReport([makeHost('h', [makeCheck('h', 'k')])]);
  patch(r);
  return r;
}

function test(id: string, status: TestResult['status']): TestResult {
  return { id, name: id, file: 't.yaml', params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 10, steps: [], attempts: 1, dir: `tests/${id}` };
}

function withTests(r: RunReport, ...tests: TestResult[]): RunReport {
  return { ...r, tests: Object.fromEntries(tests.map((t) => [t.id, t])) };
}

describe('report: pass or fail, and the Nagios state', () => {
  it('isFailing: ERROR and UNKNOWN always, WARN only under failOn warn', () => {
    expect(['OK', 'WARN', 'UNKNOWN', 'ERROR'].map((s) => isFailing(s as 'OK'))).to.deep.equal([false, false, true, true]);
    expect(['OK', 'WARN', 'UNKNOWN', 'ERROR'].map((s) => isFailing(s as 'OK', 'warn'))).to.deep.equal([false, true, true, true]);
  });

  it('isPassing: each reason fails a run whose own status says OK', () => {
    expect(isPassing(okRun())).to.equal(true);
    expect(isPassing({ ...okRun(), incomplete: 'session never finished' })).to.equal(false);
    expect(isPassing(okRun((r) => { r.counts.unreachable = 1; }))).to.equal(false);
    expect(isPassing(okRun((r) => { r.counts.checks.ERROR = 1; }))).to.equal(false);
    expect(isPassing(okRun((r) => { r.counts.checks.UNKNOWN = 1; }))).to.equal(false);
    const warned = okRun((r) => { r.counts.checks.WARN = 1; });
    expect(isPassing(warned)).to.equal(true);
    expect(isPassing(warned, 'warn')).to.equal(false);
    expect(isPassing(withTests(okRun(), test('a', 'PASS'), test('b', 'FLAKY'), test('c', 'IGNORED')))).to.equal(true);
    expect(isPassing(withTests(okRun(), test('a', 'PASS'), test('b', 'FAIL')))).to.equal(false);
    expect(isPassing(withTests(okRun(), test('b', 'FLAKY')), 'flaky')).to.equal(false);
  });

  it('nagios: an incomplete session is UNKNOWN and says why first', () => {
    const r = { ...okRun(), incomplete: 'session 2026-11-22--001 never finished' };
    expect(nagiosExitCode(r)).to.equal(3);
    expect(renderNagios(r)).to.equal('SMOKER UNKNOWN - session 2026-11-22--001 never finished; 1 host, 1 check: 1 OK | ok=1 warn=0 error=0 unknown=0 unreachable=0 time=1.234s\n');
  });

  it('nagios: the worst of the run status, any check count, an unreachable host and the tests', () => {
    expect(nagiosExitCode(okRun((r) => { r.counts.checks.WARN = 1; }))).to.equal(1);
    expect(nagiosExitCode(okRun((r) => { r.counts.checks.UNKNOWN = 1; }))).to.equal(3);
    expect(nagiosExitCode(okRun((r) => { r.counts.unreachable = 1; }))).to.equal(2);
    expect(nagiosExitCode(withTests(okRun(), test('a', 'PASS')))).to.equal(0);
    expect(nagiosExitCode(withTests(okRun(), test('a', 'FAIL')))).to.equal(2);
  });

  it('nagios: tests counted in the text and the perfdata, failed tests named first; three names, then "and N more"', () => {
    const r = withTests(makeReport([makeHost('h', [makeCheck('h', 'k', { status: 'WARN' }), makeCheck('h', 'm', { status: 'ERROR' })])]), test('t1', 'FAIL'), test('t2', 'PASS'));
    expect(renderNagios(r)).to.equal('SMOKER CRITICAL - 1 host, 2 checks: 1 WARN, 1 ERROR, 2 tests: 1 PASS, 1 FAIL; not OK: test t1, h/m, h/k | ok=0 warn=1 error=1 unknown=0 unreachable=0 tests=2 tests_failed=1 time=1.234s\n');
    const four = withTests(r, test('t1', 'FAIL'), test('t2', 'INTERRUPTED'));
    expect(renderNagios(four)).to.contain('; not OK: test t1, test t2, h/m and 1 more |');
  });
});
