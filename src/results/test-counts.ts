// Counting tests by outcome (SPEC §8).
import { TEST_STATUSES, type TestCounts, type TestResult } from './test-types.js';
import { worst, type Status } from './status.js';

/** Counts of tests by status, every status present. */
export function countTests(tests: readonly TestResult[]): TestCounts {
  const counts = Object.fromEntries(TEST_STATUSES.map((s) => [s, 0])) as TestCounts;
  for (const t of tests) counts[t.status]++;
  return counts;
}

/** What the tests make of a session's status: FAIL → ERROR, INTERRUPTED or NOT_RUN → UNKNOWN, the rest OK. */
export function testsStatus(tests: readonly TestResult[]): Status {
  return worst(tests.map((t) => (t.status === 'FAIL' ? 'ERROR' : t.status === 'INTERRUPTED' || t.status === 'NOT_RUN' ? 'UNKNOWN' : 'OK')));
}
