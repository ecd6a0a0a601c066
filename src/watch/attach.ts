// Puts what a host's watchers found on its results: one WARN component `log watcher` quoting every finding.
import { worst } from '../results/status.js';
import type { CheckResult } from '../results/types.js';
import { WATCHER_COMPONENT, buildWatcherComponent, type LogFinding } from './findings.js';
import type { WatchResult } from './watcher.js';

/**
 * Adds the component to the step that was running when the first finding arrived (the earliest
 * such step in the results' order; the last result when no step is known), so a host has one
 * `log watcher` component however many steps its exceptions spanned. Mutates that result.
 */
export function attachFindings(results: readonly CheckResult[], watched: readonly WatchResult<string | undefined>[]): void {
  if (results.length === 0) return;
  const findings: LogFinding[] = watched.flatMap((w) => w.findings.map((finding) => ({ log: w.target.name, finding })));
  const dropped = watched.reduce((n, w) => n + w.dropped, 0);
  const notes = watched.flatMap((w) => (w.error ? [`${w.target.name} (${w.target.path}): ${w.error}`] : []));
  if (findings.length === 0 && dropped === 0 && notes.length === 0) return;
  const tags = new Set(findings.map((f) => f.finding.tag));
  const target = results.find((r) => tags.has(r.check)) ?? (results[results.length - 1] as CheckResult);
  const c = buildWatcherComponent(findings, dropped);
  c.messages.info.push(...notes);
  target.components[WATCHER_COMPONENT] = c;
  target.status = worst([target.status, c.status]);
}

/** One line for logs: `demo.log (/tmp/demo/demo.log): 120 lines, 2 findings`. */
export function describeWatch(w: WatchResult<unknown>): string {
  const n = w.findings.length + w.dropped;
  return `${w.target.name} (${w.target.path}): ${w.lines} lines, ${n} finding${n === 1 ? '' : 's'}${w.error ? `; ${w.error}` : ''}`;
}
