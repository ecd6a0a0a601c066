// Pure merging of a session's operations into one report: every check of every operation kept, repeats named `check#2`.
import { buildHostResult, buildReport } from '../results/aggregate.js';
import { countTests, testsStatus } from '../results/test-counts.js';
import { worst } from '../results/status.js';
import type { TestResult } from '../results/test-types.js';
import type { CheckResult, HostResult, RunReport } from '../results/types.js';

/** One operation's place in the session: its latest report and the names its checks were given. */
export interface OperationSlot {
  name: string;
  report?: RunReport;
  /** host → check name in the operation → name in the session (`exec`, `exec#2`...). */
  readonly names: Map<string, Map<string, string>>;
}

/** The check names already taken on each host of a session. */
export class CheckNames {
  private readonly taken = new Map<string, Set<string>>();

  /** The session name of `check` on `host` for this slot: the same one every time, `check#N` if an earlier operation has it. */
  reserve(slot: OperationSlot, host: string, check: string): string {
    const mine = slot.names.get(host) ?? new Map<string, string>();
    slot.names.set(host, mine);
    const known = mine.get(check);
    if (known !== undefined) return known;
    const taken = this.taken.get(host) ?? new Set<string>();
    this.taken.set(host, taken);
    let name = check;
    for (let n = 2; taken.has(name); n++) name = `${check}#${n}`;
    taken.add(name);
    mine.set(check, name);
    return name;
  }
}

/** Merges the slots' reports (in slot order) and the tests into one report; counts recomputed. */
export function mergeSlots(slots: readonly OperationSlot[], names: CheckNames, tests: ReadonlyMap<string, TestResult>, startedAt: Date, endedAt?: Date): RunReport {
  const byHost = new Map<string, { checks: CheckResult[]; durationMs: number; unreachable?: string }>();
  for (const slot of slots) {
    for (const h of Object.values(slot.report?.hosts ?? {})) {
      const acc = byHost.get(h.host) ?? { checks: [], durationMs: 0 };
      byHost.set(h.host, acc);
      acc.durationMs += h.durationMs;
      if (h.unreachable !== undefined && acc.unreachable === undefined) acc.unreachable = h.unreachable;
      for (const c of Object.values(h.checks)) acc.checks.push({ ...c, check: names.reserve(slot, h.host, c.check) });
    }
  }
  const hosts: HostResult[] = [...byHost].map(([host, a]) => buildHostResult(host, a.checks, a.durationMs, a.unreachable));
  const report = buildReport(hosts, startedAt, endedAt);
  if (tests.size === 0) return report;
  const list = [...tests.values()];
  return { ...report, status: worst([report.status, testsStatus(list)]), tests: Object.fromEntries(list.map((t) => [t.id, t])), counts: { ...report.counts, tests: countTests(list) } };
}
