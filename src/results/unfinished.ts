// An unfinished session judged as a whole: never passing, its planned-but-missing hosts listed as unfinished (SPEC §4).
import { buildReport } from './aggregate.js';
import type { LoadedSession } from './session-reader.js';
import { describeUnfinished, displayState } from './session-summary.js';
import type { HostResult, RunReport } from './types.js';

/** The report of a session as it must be judged: a session that did not complete carries `incomplete` and an UNKNOWN host for each planned host with no result. */
export function judgeSession(s: LoadedSession): RunReport {
  const why = describeUnfinished(s);
  if (why === undefined) return s.report;
  const state = displayState(s);
  const hostWhy = state === 'running' ? 'not finished yet' : `did not finish: ${state === 'incomplete' ? 'smoker was killed' : state === 'failed' ? `the session failed: ${s.meta.reason ?? 'no reason recorded'}` : 'interrupted'}`;
  const missing: HostResult[] = (s.meta.hosts ?? [])
    .filter((h) => !(h in s.report.hosts))
    .map((host) => ({ host, status: 'UNKNOWN', unfinished: hostWhy, checks: {}, durationMs: 0 }));
  const hosts = [...Object.values(s.report.hosts), ...missing];
  const endedAt = s.report.endedAt ?? s.meta.endedAt;
  const rebuilt = buildReport(hosts, new Date(s.report.startedAt), endedAt ? new Date(endedAt) : undefined);
  const counts = { ...rebuilt.counts, ...(s.report.counts.tests ? { tests: s.report.counts.tests } : {}) };
  return { ...s.report, ...rebuilt, counts, incomplete: why };
}
