// The process exit code a report earns (SPEC §3).
import { ExitCode } from '../errors.js';
import type { RunReport } from './types.js';

/** 3 when the session is incomplete or a host was unreachable, else 1 when a check is ERROR/UNKNOWN (or WARN with failOn warn), else 0. */
export function exitCodeFor(report: RunReport, failOn: 'error' | 'warn' = 'error'): number {
  if (report.incomplete !== undefined || report.counts.unreachable > 0) return ExitCode.unreachable;
  const c = report.counts.checks;
  if (c.ERROR > 0 || c.UNKNOWN > 0) return ExitCode.failed;
  if (failOn === 'warn' && c.WARN > 0) return ExitCode.failed;
  return ExitCode.ok;
}
