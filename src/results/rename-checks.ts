// Renaming the checks of a report, for operations that share a session under the same step names (`status` of every service).
import { buildHostResult } from './aggregate.js';
import type { RunReport } from './types.js';

/** The report with every check renamed by `rename`; statuses and counts are unchanged. */
export function renameChecks(report: RunReport, rename: (check: string) => string): RunReport {
  const hosts = Object.values(report.hosts).map((h) => ({
    ...h,
    checks: buildHostResult(h.host, Object.values(h.checks).map((c) => ({ ...c, check: rename(c.check) })), h.durationMs).checks,
  }));
  return { ...report, hosts: Object.fromEntries(hosts.map((h) => [h.host, h])) };
}
