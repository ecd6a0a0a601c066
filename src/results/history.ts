// One check's status per host across sessions (`smoker history`; report/history-text.ts draws the timeline).
import type { Status } from './status.js';
import type { RunReport } from './types.js';

/** A session as history sees it. */
export interface HistorySource {
  id: string;
  report: RunReport;
  /** The command an exec session ran, for sessions written before exec results recorded it in params.command. */
  execCommand?: string | undefined;
}

/** One host's row: a status per session, null where the check did not run there. */
export interface HostHistory {
  host: string;
  statuses: (Status | null)[];
}

/** The check's history: sessions oldest first, hosts in order of first appearance. */
export interface CheckHistory {
  check: string;
  /** exec: the command this history is of (exec's histories are kept apart by command). */
  command?: string;
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

/** The histories of `check`: exec's one per command it ran (oldest first), any other check's one; `command` keeps that command's only. */
export function buildHistories(sources: readonly HistorySource[], check: string, opts: { last?: number; keepHost?: (host: string) => boolean; command?: string } = {}): CheckHistory[] {
  if (check !== 'exec') return [buildHistory(sources, check, opts)];
  const byCommand = new Map<string, HistorySource[]>();
  for (const s of sources) {
    if (!reportHasCheck(s.report, check)) continue;
    const command = execCommandOf(s, check);
    byCommand.set(command, [...(byCommand.get(command) ?? []), s]);
  }
  return [...byCommand]
    .filter(([command]) => opts.command === undefined || command === opts.command)
    .map(([command, list]) => ({ ...buildHistory(list, check, opts), command }));
}

/** Every command the sessions ran `exec` with. */
export function execCommands(sources: readonly HistorySource[]): string[] {
  return [...new Set(sources.filter((s) => reportHasCheck(s.report, 'exec')).map((s) => execCommandOf(s, 'exec')))];
}

// What the session's exec ran: recorded on each host's result, else what the session says.
function execCommandOf(s: HistorySource, check: string): string {
  for (const h of Object.values(s.report.hosts)) {
    const command = h.checks[check]?.params?.['command'];
    if (typeof command === 'string') return command;
  }
  return s.execCommand ?? '(command not recorded)';
}
