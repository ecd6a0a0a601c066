// Counting `smoker test` outcomes and what they make of a session's status (SPEC §8).
import { expect } from 'chai';
import { countTests, testsStatus } from '../../src/results/test-counts.js';
import type { TestResult, TestStatus } from '../../src/results/test-types.js';

const t = (status: TestStatus): TestResult =>
  ({ id: status, name: status, file: 't.yaml', params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 1, steps: [], attempts: 1, dir: 'tests/x' }) as TestResult;

describe('results/test-counts', () => {
  it('counts every outcome, zeros included', () => {
    expect(countTests([])).to.deep.equal({ PASS: 0, FAIL: 0, FLAKY: 0, OK_TO_FAIL: 0, IGNORED: 0, NOT_RUN: 0, INTERRUPTED: 0 });
    expect(countTests([t('PASS'), t('PASS'), t('FAIL'), t('FLAKY'), t('NOT_RUN')])).to.deep.equal({ PASS: 2, FAIL: 1, FLAKY: 1, OK_TO_FAIL: 0, IGNORED: 0, NOT_RUN: 1, INTERRUPTED: 0 });
  });

  it('FAIL makes ERROR, INTERRUPTED and NOT_RUN make UNKNOWN, every other outcome OK', () => {
    expect(testsStatus([])).to.equal('OK');
    for (const ok of ['PASS', 'FLAKY', 'OK_TO_FAIL', 'IGNORED'] as const) expect(testsStatus([t(ok)]), ok).to.equal('OK');
    expect(testsStatus([t('PASS'), t('INTERRUPTED')])).to.equal('UNKNOWN');
    expect(testsStatus([t('NOT_RUN'), t('PASS')])).to.equal('UNKNOWN');
    expect(testsStatus([t('NOT_RUN'), t('FAIL'), t('PASS')])).to.equal('ERROR');
    expect(testsStatus([t('FAIL')])).to.equal('ERROR');
  });
});
