// What `--error` / `--nook` select from a previous session: host → checks to run again.
import { selectFromSession } from './session-reader.js';
import type { RunReport } from './types.js';

/** Host → the checks that were ERROR (`error`) or not OK (`nook`); 'all' for a host that was unreachable or never finished. */
export function rerunSelection(report: RunReport, mode: 'error' | 'nook'): Map<string, ReadonlySet<string> | 'all'> {
  const keep = mode === 'error' ? (s: string) => s === 'ERROR' : (s: string) => s !== 'OK';
  const only: Map<string, ReadonlySet<string> | 'all'> = selectFromSession(report, keep);
  // An unreachable host had no check results: everything on it runs again.
  for (const [host, h] of Object.entries(report.hosts)) if (h.unreachable !== undefined || h.unfinished !== undefined) only.set(host, 'all');
  return only;
}
