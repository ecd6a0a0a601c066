// The process exit code a report earns (SPEC §3, §8).
import { ExitCode } from '../errors.js';
import type { RunReport } from './types.js';

/** What fails a run: ERROR/UNKNOWN always; `warn` adds WARN checks, `flaky` adds FLAKY tests. */
export type FailOn = 'error' | 'warn' | 'flaky';

/**
 * 3 when a host was unreachable, else 1 when a check is ERROR/UNKNOWN (or WARN with failOn warn) or a test
 * FAILed, was INTERRUPTED or NOT_RUN (or FLAKY with failOn flaky), else 0.
 */
export function exitCodeFor(report: RunReport, failOn: FailOn = 'error'): number {
  if (report.counts.unreachable > 0) return ExitCode.unreachable;
  const c = report.counts.checks;
  if (c.ERROR > 0 || c.UNKNOWN > 0) return ExitCode.failed;
  if (failOn === 'warn' && c.WARN > 0) return ExitCode.failed;
  const t = report.counts.tests;
  if (t && (t.FAIL > 0 || t.INTERRUPTED > 0 || t.NOT_RUN > 0 || (failOn === 'flaky' && t.FLAKY > 0))) return ExitCode.failed;
  return ExitCode.ok;
}
