// Puts what the watchers found on the results: a WARN component `log watcher` on the step it arrived during.
import { worst } from '../results/status.js';
import type { CheckResult } from '../results/types.js';
import { WATCHER_COMPONENT, watcherComponent, type LogFinding } from './findings.js';
import type { WatchResult } from './watcher.js';

/**
 * Adds the component to each result whose step was running when its findings' first lines
 * arrived (findings tagged with no known step go to the last result). Mutates the results.
 */
export function attachFindings(results: readonly CheckResult[], watched: readonly WatchResult<string | undefined>[]): void {
  if (results.length === 0) return;
  const fallback = results[results.length - 1] as CheckResult;
  const byResult = new Map<CheckResult, { findings: LogFinding[]; dropped: number; notes: string[] }>();
  const entry = (tag: string | undefined) => {
    const r = results.find((x) => x.check === tag) ?? fallback;
    let e = byResult.get(r);
    if (!e) byResult.set(r, (e = { findings: [], dropped: 0, notes: [] }));
    return e;
  };
  for (const w of watched) {
    for (const f of w.findings) entry(f.tag).findings.push({ log: w.target.name, finding: f });
    if (w.dropped > 0) entry(undefined).dropped += w.dropped;
    if (w.error) entry(undefined).notes.push(`${w.target.name} (${w.target.path}): ${w.error}`);
  }
  for (const [r, e] of byResult) {
    const c = watcherComponent(e.findings, e.dropped);
    c.messages.info.push(...e.notes);
    r.components[WATCHER_COMPONENT] = c;
    r.status = worst([r.status, c.status]);
  }
}

/** One line for logs: `demo.log: 120 lines, 2 findings`. */
export function describeWatch(w: WatchResult<unknown>): string {
  const n = w.findings.length + w.dropped;
  return `${w.target.name} (${w.target.path}): ${w.lines} lines, ${n} finding${n === 1 ? '' : 's'}${w.error ? `; ${w.error}` : ''}`;
}
