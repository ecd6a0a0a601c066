// What changed status between two reports: per host and check, worse first, then better, then what came and went.
import { isWorse, type Status } from './status.js';
import type { HostResult, RunReport } from './types.js';

/** Name of the pseudo-check that stands for reaching the host at all. */
export const CONNECT_CHECK = 'connect';

/** How one host/check differs between the two reports. */
export type ChangeKind = 'regressed' | 'improved' | 'appeared' | 'disappeared';

/** One host/check whose status differs; null is "absent from that report". */
export interface StatusChange {
  kind: ChangeKind;
  host: string;
  check: string;
  from: Status | null;
  to: Status | null;
  /** The connection error, for a `connect` change to an unreachable host. */
  note?: string;
}

/** The difference between report A (before) and report B (after). */
export interface ReportDiff {
  regressions: StatusChange[];
  improvements: StatusChange[];
  appeared: StatusChange[];
  disappeared: StatusChange[];
  /** Host/checks present in both with the same status. */
  unchanged: number;
}

/** Compares two reports; a host becoming unreachable is a `connect` regression, and the checks it could not run are not listed. */
export function diffReports(a: RunReport, b: RunReport): ReportDiff {
  const diff: ReportDiff = { regressions: [], improvements: [], appeared: [], disappeared: [], unchanged: 0 };
  const add = (host: string, check: string, from: Status | null, to: Status | null, note?: string) => {
    const kind = classify(from, to);
    if (kind === undefined) diff.unchanged++;
    else listFor(diff, kind).push({ kind, host, check, from, to, ...(note !== undefined ? { note } : {}) });
  };
  for (const host of union(Object.keys(a.hosts), Object.keys(b.hosts))) {
    const ha = a.hosts[host];
    const hb = b.hosts[host];
    if (ha?.unreachable !== undefined || hb?.unreachable !== undefined) {
      add(host, CONNECT_CHECK, reachStatus(ha), reachStatus(hb), hb?.unreachable ?? ha?.unreachable);
    }
    for (const check of union(Object.keys(ha?.checks ?? {}), Object.keys(hb?.checks ?? {}))) {
      const from = ha?.checks[check]?.status ?? null;
      const to = hb?.checks[check]?.status ?? null;
      // A check missing beside an unreachable host did not come or go: nobody could run it.
      if ((from === null && ha?.unreachable !== undefined) || (to === null && hb?.unreachable !== undefined)) continue;
      add(host, check, from, to);
    }
  }
  return diff;
}

/** Whether anything got worse (the `diff` command then exits 1). */
export function hasRegressions(diff: ReportDiff): boolean {
  return diff.regressions.length > 0;
}

/** Every change in display order: regressions, improvements, appeared, disappeared. */
export function listChanges(diff: ReportDiff): StatusChange[] {
  return [...diff.regressions, ...diff.improvements, ...diff.appeared, ...diff.disappeared];
}

function classify(from: Status | null, to: Status | null): ChangeKind | undefined {
  if (from === null && to === null) return undefined;
  // A check that first shows up failing is a new failure: it counts as a regression.
  if (from === null) return to === 'ERROR' || to === 'UNKNOWN' ? 'regressed' : 'appeared';
  if (to === null) return 'disappeared';
  if (isWorse(to, from)) return 'regressed';
  if (isWorse(from, to)) return 'improved';
  return undefined;
}

function listFor(diff: ReportDiff, kind: ChangeKind): StatusChange[] {
  if (kind === 'regressed') return diff.regressions;
  if (kind === 'improved') return diff.improvements;
  return kind === 'appeared' ? diff.appeared : diff.disappeared;
}

function reachStatus(h: HostResult | undefined): Status | null {
  if (h === undefined) return null;
  return h.unreachable !== undefined ? 'ERROR' : 'OK';
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}
