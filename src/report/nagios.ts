// The `nagios` format: one plugin output line with perfdata, and the plugin exit code 0–3.
import { STATUSES, worst, type Status } from '../results/status.js';
import type { RunReport } from '../results/types.js';
import { formatCounted, sumCounts } from './counts.js';
import { listEntries } from './entries.js';
import { formatSeconds } from './format-time.js';
import { foldLine } from './text.js';
import { formatTestCounts, isFailedTest } from './tests-text.js';
import { testsStatus } from '../results/test-counts.js';

const NAGIOS_STATE: Record<Status, { name: string; code: 0 | 1 | 2 | 3 }> = {
  OK: { name: 'OK', code: 0 },
  WARN: { name: 'WARNING', code: 1 },
  ERROR: { name: 'CRITICAL', code: 2 },
  UNKNOWN: { name: 'UNKNOWN', code: 3 },
};
const NAMED_MAX = 3;

/** Returns the Nagios plugin exit code: 0 OK, 1 WARN, 2 ERROR or an unreachable host, 3 UNKNOWN. */
export function nagiosExitCode(report: RunReport): 0 | 1 | 2 | 3 {
  return NAGIOS_STATE[nagiosStatus(report)].code;
}

/** Renders `SMOKER CRITICAL - 3 hosts, 12 checks: ...; not OK: web01/fsmount, ... | ok=10 warn=1 ...`. */
export function renderNagios(report: RunReport): string {
  const { hosts, checks, unreachable } = report.counts;
  const hostCount = sumCounts(hosts);
  const hostPart = `${hostCount} host${hostCount === 1 ? '' : 's'}${unreachable ? ` (${unreachable} unreachable)` : ''}`;
  const tests = formatTestCounts(report);
  let text = `SMOKER ${NAGIOS_STATE[nagiosStatus(report)].name} - ${hostPart}, ${formatCounted('check', checks)}${tests ? `, ${tests}` : ''}`;
  const failedTests = Object.values(report.tests ?? {}).filter((t) => isFailedTest(t.status)).map((t) => `test ${t.id}`);
  const badChecks = listEntries(report).filter((e) => e.status !== 'OK')
    .sort((a, b) => NAGIOS_SEVERITY[b.status] - NAGIOS_SEVERITY[a.status]).map((e) => `${e.host}/${e.check}`);
  const bad = [...failedTests, ...badChecks];
  if (bad.length) {
    const named = bad.slice(0, NAMED_MAX).join(', ');
    text += `; not OK: ${named}${bad.length > NAMED_MAX ? ` and ${bad.length - NAMED_MAX} more` : ''}`;
  }
  const perf = [`ok=${checks.OK}`, `warn=${checks.WARN}`, `error=${checks.ERROR}`, `unknown=${checks.UNKNOWN}`,
    `unreachable=${unreachable}`, ...(report.tests ? [`tests=${Object.keys(report.tests).length}`, `tests_failed=${failedTests.length}`] : []), `time=${formatSeconds(report.durationMs)}s`];
  // `|` starts the perfdata, so it must not appear in the text part.
  return `${foldLine(text).replace(/\|/g, '/')} | ${perf.join(' ')}\n`;
}

// Order in which non-OK entries are named: worst first.
const NAGIOS_SEVERITY: Record<Status, number> = { OK: 0, WARN: 1, UNKNOWN: 2, ERROR: 3 };

/** The run's status for Nagios: the worst check, with an unreachable host counting as ERROR. */
function nagiosStatus(report: RunReport): Status {
  const { checks, unreachable } = report.counts;
  const seen = STATUSES.filter((s) => checks[s] > 0);
  return worst([report.status, ...seen, ...(unreachable > 0 ? ['ERROR' as const] : []), testsStatus(Object.values(report.tests ?? {}))]);
}
