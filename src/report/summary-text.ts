// summary.txt, ducktape-style: a PASS/FAIL line, then every test with its failed steps, then every host and check.
import type { RunReport } from '../results/types.js';
import { formatCounted } from './counts.js';
import { formatDuration } from './format-time.js';
import type { RenderOptions } from './options.js';
import { foldLine, truncateText } from './text.js';
import { formatTestCounts, renderTestLines } from './tests-text.js';
import { isPassing } from './verdict.js';

const STATUS_WIDTH = 8;
const MESSAGE_MAX = 200;

/** Renders summary.txt: `PASS|FAIL counts`, then `STATUS  host` and `STATUS  host / check: first problem` lines. */
export function renderSummaryText(report: RunReport, opts: RenderOptions = {}): string {
  const { hosts, checks, unreachable } = report.counts;
  const tests = formatTestCounts(report);
  // A session of tests alone (no host results of its own) counts tests, not "0 hosts; 0 checks".
  const testsOnly = tests !== undefined && Object.keys(report.hosts).length === 0;
  const head = [
    isPassing(report, opts.failOn) ? 'PASS' : 'FAIL',
    ...(testsOnly ? [] : [`${formatCounted('host', hosts)}${unreachable ? ` (${unreachable} unreachable)` : ''};`, `${formatCounted('check', checks)};`]),
    ...(tests ? [`${tests};`] : []),
    formatDuration(report.durationMs),
  ].join(' ');
  const lines = [opts.session ? `${head}; session ${foldLine(opts.session)}` : head, ...renderTestLines(report)];
  for (const [name, host] of Object.entries(report.hosts)) {
    lines.push(formatLine(host.status, name, host.unreachable !== undefined ? `unreachable: ${host.unreachable}` : host.unfinished));
    for (const [checkName, check] of Object.entries(host.checks)) {
      const problem = check.status === 'OK' ? undefined : check.messages.error[0] ?? check.messages.warn[0];
      lines.push(formatLine(check.status, `${name} / ${checkName}`, problem));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Formats `STATUS   name: first problem`, all on one line. */
function formatLine(status: string, name: string, problem: string | undefined): string {
  const detail = problem === undefined ? '' : `: ${truncateText(foldLine(problem), MESSAGE_MAX)}`;
  return `${status.padEnd(STATUS_WIDTH)}${foldLine(name)}${detail}`;
}
