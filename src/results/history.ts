// One check's status per host across sessions (`smoker history`; report/history-text.ts draws the timeline).
import type { Status } from './status.js';
import type { RunReport } from './types.js';

/** A session as history sees it. */
export interface HistorySource {
  id: string;
  report: RunReport;
}

/** One host's row: a status per session, null where the check did not run there. */
export interface HostHistory {
  host: string;
  statuses: (Status | null)[];
}

/** The check's history: sessions oldest first, hosts in order of first appearance. */
export interface CheckHistory {
  check: string;
  sessions: string[];
  hosts: HostHistory[];
}

/** Whether any host in the report ran the check. */
export function reportHasCheck(report: RunReport, check: string): boolean {
  return Object.values(report.hosts).some((h) => h.checks[check] !== undefined);
}

/** Builds the history of `check` over the sessions that ran it (the newest `last` of them), for hosts passing `keepHost`. */
export function buildHistory(sources: readonly HistorySource[], check: string, opts: { last?: number; keepHost?: (host: string) => boolean } = {}): CheckHistory {
  const ran = sources.filter((s) => reportHasCheck(s.report, check));
  const window = opts.last === undefined ? ran : ran.slice(Math.max(0, ran.length - opts.last));
  const hosts: string[] = [];
  for (const s of window) {
    for (const [host, h] of Object.entries(s.report.hosts)) {
      if (h.checks[check] !== undefined && !hosts.includes(host) && (opts.keepHost?.(host) ?? true)) hosts.push(host);
    }
  }
  return {
    check,
    sessions: window.map((s) => s.id),
    hosts: hosts.map((host) => ({ host, statuses: window.map((s) => s.report.hosts[host]?.checks[check]?.status ?? null) })),
  };
}
