// Narrows a stored report to some hosts and checks, recomputing statuses and counts (for `inspect`).
import { passesFilters, type CheckFilters } from '../run/filters.js';
import { zeroCounts } from './aggregate.js';
import { worst, type Status } from './status.js';
import type { CheckResult, HostResult, RunReport } from './types.js';

/** Which part of a report to keep. */
export interface ReportSelection {
  /** Host names to keep (all when undefined), e.g. from -H. */
  hosts?: ReadonlySet<string>;
  /** The same check filters as `run`, applied to each result's name, type, category and component. */
  filters?: CheckFilters;
  /** Keep only checks whose status passes (--error, --nook on the inspected session itself). */
  status?: (status: Status) => boolean;
}

/** Returns the report with only the selected hosts and checks; an unreachable or unfinished host stays while it is selected. */
export function filterReport(report: RunReport, sel: ReportSelection): RunReport {
  const hosts: HostResult[] = [];
  for (const [name, host] of Object.entries(report.hosts)) {
    if (sel.hosts && !sel.hosts.has(name)) continue;
    const checks = Object.values(host.checks).filter((c) => keepCheck(c, name, sel));
    const stays = host.unreachable !== undefined || host.unfinished !== undefined;
    if (checks.length === 0 && !stays) continue;
    hosts.push({
      ...host,
      // An unreachable or unfinished host keeps the status it was given; any other host is as bad as its worst check left.
      status: stays ? host.status : worst(checks.map((c) => c.status)),
      checks: Object.fromEntries(checks.map((c) => [c.check, c])),
    });
  }
  return { ...report, status: worst(hosts.map((h) => h.status)), hosts: Object.fromEntries(hosts.map((h) => [h.host, h])), counts: countReport(hosts) };
}

function keepCheck(c: CheckResult, host: string, sel: ReportSelection): boolean {
  if (sel.status && !sel.status(c.status)) return false;
  return !sel.filters || passesFilters({ name: c.check, type: c.type, category: c.category, component: c.component }, host, sel.filters);
}

/** Counts hosts and checks by status, and unreachable hosts. */
export function countReport(hosts: readonly HostResult[]): RunReport['counts'] {
  const counts = { hosts: zeroCounts(), checks: zeroCounts(), unreachable: 0 };
  for (const h of hosts) {
    counts.hosts[h.status]++;
    if (h.unreachable !== undefined) counts.unreachable++;
    for (const c of Object.values(h.checks)) counts.checks[c.status]++;
  }
  return counts;
}
