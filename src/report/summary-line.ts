// The last line of the human formats: hosts, checks, duration and session.
import type { RunReport } from '../results/types.js';
import { paintStatus, paintTestStatus } from './color.js';
import { formatTestCounts } from './tests-text.js';
import { formatCounted } from './counts.js';
import { formatDuration } from './format-time.js';

/** Renders `3 hosts: 2 OK, 1 ERROR (1 unreachable) · 12 checks: ... · 2 tests: 1 PASS, 1 FAIL · 1.2s · SESSION`, coloured when kleur is on. */
export function renderSummaryLine(report: RunReport, session?: string): string {
  const hosts = formatCounted('host', report.counts.hosts, paintStatus);
  const unreachable = report.counts.unreachable > 0 ? ` (${report.counts.unreachable} unreachable)` : '';
  const tests = formatTestCounts(report, paintTestStatus);
  // A session of tests alone (no host results of its own) counts tests, not "0 hosts · 0 checks".
  const testsOnly = tests !== undefined && Object.keys(report.hosts).length === 0;
  const parts = [...(testsOnly ? [] : [`${hosts}${unreachable}`, formatCounted('check', report.counts.checks, paintStatus)]), ...(tests ? [tests] : []), formatDuration(report.durationMs)];
  if (session) parts.push(session);
  return parts.join(' · ');
}
