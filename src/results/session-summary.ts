// One line's worth of facts about a session, for `smoker sessions` and for warnings about killed runs.
import type { LoadedSession } from './session-reader.js';
import type { Status } from './status.js';
import type { StatusCounts } from './types.js';

/** How a session ended, as people see it: `incomplete` is a run killed before it could say so. */
export type DisplayState = 'running' | 'complete' | 'interrupted' | 'failed' | 'incomplete';

/** What `smoker sessions` shows for one session. */
export interface SessionSummary {
  id: string;
  command: string;
  state: DisplayState;
  status: Status;
  hosts: StatusCounts;
  checks: StatusCounts;
  unreachable: number;
  /** Hosts with results in report.json. */
  finishedHosts: number;
  /** Hosts the command set out to touch, when session.json recorded them. */
  plannedHosts: number | undefined;
  durationMs: number;
  startedAt: string;
  endedAt: string | undefined;
  inventory: string | undefined;
}

/** The state to show: a running session whose process is gone is `incomplete`. */
export function displayState(s: LoadedSession): DisplayState {
  if (s.meta.state === 'running') return s.incomplete ? 'incomplete' : 'running';
  return s.meta.state;
}

/** Summarizes a loaded session (counts come from report.json, which covers killed runs too). */
export function summarizeSession(s: LoadedSession): SessionSummary {
  const { meta, report } = s;
  return {
    id: meta.id,
    command: meta.command,
    state: displayState(s),
    status: report.status,
    hosts: report.counts.hosts,
    checks: report.counts.checks,
    unreachable: report.counts.unreachable,
    finishedHosts: Object.keys(report.hosts).length,
    plannedHosts: meta.hosts?.length,
    durationMs: meta.durationMs ?? report.durationMs,
    startedAt: meta.startedAt,
    endedAt: meta.endedAt,
    inventory: meta.inventory,
  };
}

/** The warning for a session that did not finish, e.g. `session incomplete: 1 of 3 hosts finished (...)`; undefined when it did. */
export function describeUnfinished(s: LoadedSession): string | undefined {
  const state = displayState(s);
  if (state === 'complete') return undefined;
  const finished = Object.keys(s.report.hosts).length;
  const planned = s.meta.hosts?.length;
  const counted = planned === undefined ? `${finished} host${finished === 1 ? '' : 's'} finished` : `${finished} of ${planned} hosts finished`;
  if (state === 'running') return `session still running (pid ${s.meta.pid}): ${counted} so far`;
  const why = state === 'interrupted' ? 'interrupted' : state === 'failed' ? 'the command failed before it ended; see session.log' : `smoker (pid ${s.meta.pid}) was killed before it ended`;
  return `session incomplete: ${counted} (${why})`;
}
