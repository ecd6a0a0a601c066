// Pass or fail: the one rule every format shares (SPEC §3: WARN passes unless `--fail-on warn`).
import type { Status } from '../results/status.js';
import type { FailOn } from '../results/exit-code.js';
import type { RunReport } from '../results/types.js';
import { isFailedTest } from './tests-text.js';

/** Whether a status counts as a failure under the given `failOn` policy. */
export function isFailing(status: Status, failOn: FailOn = 'error'): boolean {
  return status === 'ERROR' || status === 'UNKNOWN' || (failOn === 'warn' && status === 'WARN');
}

/** Whether a whole run passes: no failing check or test, no unreachable host. */
export function isPassing(report: RunReport, failOn: FailOn = 'error'): boolean {
  const { checks, unreachable } = report.counts;
  if (unreachable > 0 || checks.ERROR > 0 || checks.UNKNOWN > 0) return false;
  if (Object.values(report.tests ?? {}).some((t) => isFailedTest(t.status, failOn))) return false;
  if (failOn === 'warn' && checks.WARN > 0) return false;
  return !isFailing(report.status, failOn);
}
