// `-o normal` for a fleet: hosts with identical results folded into one row (`web[01-20] (20) - disk [ERROR]`), like exec groups.
import { foldHosts } from '../config/ranges.js';
import type { HostResult, RunReport } from '../results/types.js';
import { buildCheckRows, buildMessageRows, type HumanRow } from './human-rows.js';
import { escapeControls } from './text.js';

/** Above this many hosts, `normal` folds (below it keeps Smoker's one-block-per-host layout). */
export const FOLD_ABOVE_HOSTS = 10;

interface Fold {
  hosts: string[];
  rows: HumanRow[];
}

/**
 * Rows for `normal` with hosts folded: one row for every host whose checks are all OK (with their
 * check count), then each non-OK check once per distinct outcome (status, messages, non-OK
 * components), naming the hosts that share it; unreachable and unfinished hosts by their reason.
 */
export function buildFoldedRows(report: RunReport): HumanRow[] {
  const okByCount = new Map<number, string[]>();
  const folds = new Map<string, Fold>();
  const add = (key: string, host: string, rows: HumanRow[]) => {
    const f = folds.get(key) ?? { hosts: [], rows };
    f.hosts.push(host);
    folds.set(key, f);
  };
  for (const [name, host] of Object.entries(report.hosts)) {
    if (allOk(host)) {
      const n = Object.keys(host.checks).length;
      okByCount.set(n, [...(okByCount.get(n) ?? []), name]);
      continue;
    }
    const reasons = [host.unreachable !== undefined ? `unreachable: ${host.unreachable}` : undefined, host.unfinished].filter((r): r is string => r !== undefined);
    if (reasons.length) {
      const rows: HumanRow[] = [{ kind: 'status', label: '', status: host.status, host: true }, ...reasons.flatMap((r) => buildMessageRows('error', r))];
      add(`h\u0000${JSON.stringify(rows)}`, name, rows);
    }
    for (const [checkName, check] of Object.entries(host.checks)) {
      if (check.status === 'OK') continue;
      // The start time differs on every host: left out so identical outcomes fold.
      const rows = buildCheckRows(checkName, check, 'normal', 'utc').map((r, i) => (i === 0 && r.kind === 'status' ? { ...r, note: undefined, label: ` ${r.label}` } : r));
      add(`c\u0000${JSON.stringify(rows)}`, name, rows);
    }
  }
  const out: HumanRow[] = [];
  for (const [n, hosts] of okByCount) out.push({ kind: 'status', label: title(hosts), status: 'OK', host: true, note: `${n} check${n === 1 ? '' : 's'} each, all OK` });
  for (const f of folds.values()) {
    const [head, ...rest] = f.rows;
    if (head?.kind === 'status') out.push({ kind: 'status', label: `${title(f.hosts)}${head.label}`, status: head.status, ...(head.host ? { host: true } : {}) });
    out.push(...rest);
  }
  return out;
}

function allOk(h: HostResult): boolean {
  return h.status === 'OK' && h.unreachable === undefined && h.unfinished === undefined && Object.values(h.checks).every((c) => c.status === 'OK');
}

function title(hosts: readonly string[]): string {
  return `${escapeControls(foldHosts(hosts))} (${hosts.length})`;
}
