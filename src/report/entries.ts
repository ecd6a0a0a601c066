// The report flattened to one entry per host/check (plus `connect` for an unreachable host, `unfinished` for one never finished), in run order.
import type { Status } from '../results/status.js';
import type { CheckResult, RunReport } from '../results/types.js';

/** Name of the pseudo-check that stands for a failed connection. */
export const CONNECT_CHECK = 'connect';

/** Name of the pseudo-check that stands for a planned host the session never finished. */
export const UNFINISHED_CHECK = 'unfinished';

/** One line of a flat report: a check on a host, or a host's failed connection. */
export interface ReportEntry {
  host: string;
  /** The check name, or `connect` for an unreachable host. */
  check: string;
  status: Status;
  /** The check's result; absent for the `connect` entry. */
  result?: CheckResult;
  /** The connection error, on the `connect` entry only. */
  unreachable?: string;
  /** Why the host never finished, on the `unfinished` entry only. */
  unfinished?: string;
}

/** Lists every check of every host, an unreachable host contributing a `connect` entry first. */
export function listEntries(report: RunReport): ReportEntry[] {
  const entries: ReportEntry[] = [];
  for (const [hostName, host] of Object.entries(report.hosts)) {
    if (host.unreachable !== undefined) {
      // A host nobody could reach never passes, whatever status the run gave it.
      const status = host.status === 'OK' || host.status === 'WARN' ? 'ERROR' : host.status;
      entries.push({ host: hostName, check: CONNECT_CHECK, status, unreachable: host.unreachable });
    }
    if (host.unfinished !== undefined) entries.push({ host: hostName, check: UNFINISHED_CHECK, status: 'UNKNOWN', unfinished: host.unfinished });
    for (const [checkName, result] of Object.entries(host.checks)) {
      entries.push({ host: hostName, check: checkName, status: result.status, result });
    }
  }
  return entries;
}
