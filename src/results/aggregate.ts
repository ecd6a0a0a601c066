// Aggregation of results up the tree: component → check → host → session (ERROR > UNKNOWN > WARN > OK).
import { STATUSES, worst, type Status } from './status.js';
import type { CheckResult, HostResult, RunReport, StatusCounts } from './types.js';

/** Zero counts for every status. */
export function zeroCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Builds a host result from its checks; an unreachable host is ERROR. */
export function buildHostResult(host: string, checks: readonly CheckResult[], durationMs: number, unreachable?: string): HostResult {
  const byName: Record<string, CheckResult> = {};
  for (const c of checks) byName[c.check] = c;
  const status: Status = unreachable !== undefined ? 'ERROR' : worst(checks.map((c) => c.status));
  return { host, status, ...(unreachable !== undefined ? { unreachable } : {}), checks: byName, durationMs };
}

/** Builds the session report from host results, with counts. */
export function buildReport(hosts: readonly HostResult[], startedAt: Date, endedAt?: Date): RunReport {
  const hostCounts = zeroCounts();
  const checkCounts = zeroCounts();
  let unreachable = 0;
  const byName: Record<string, HostResult> = {};
  for (const h of hosts) {
    byName[h.host] = h;
    hostCounts[h.status]++;
    if (h.unreachable !== undefined) unreachable++;
    for (const c of Object.values(h.checks)) checkCounts[c.status]++;
  }
  const end = endedAt ?? new Date();
  return {
    status: worst(hosts.map((h) => h.status)),
    hosts: byName,
    startedAt: startedAt.toISOString(),
    ...(endedAt ? { endedAt: endedAt.toISOString() } : {}),
    durationMs: end.getTime() - startedAt.getTime(),
    counts: { hosts: hostCounts, checks: checkCounts, unreachable },
  };
}
