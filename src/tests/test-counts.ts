// Counts of test results by status, and the exit code they earn.
import { ExitCode } from '../errors.js';
import { TEST_STATUSES, type TestCounts, type TestResult } from '../results/test-types.js';

/** Counts by status. */
export function countTests(results: Iterable<TestResult>): TestCounts {
  const c = Object.fromEntries(TEST_STATUSES.map((s) => [s, 0])) as TestCounts;
  for (const r of results) c[r.status]++;
  return c;
}

/** 1 when a test FAILed, was INTERRUPTED or left NOT_RUN by a failure; FLAKY is 0 unless failOn flaky. */
export function testsExitCode(c: TestCounts, failOn: 'error' | 'flaky' = 'error'): number {
  if (c.FAIL > 0 || c.INTERRUPTED > 0 || c.NOT_RUN > 0) return ExitCode.failed;
  if (failOn === 'flaky' && c.FLAKY > 0) return ExitCode.failed;
  return ExitCode.ok;
}
