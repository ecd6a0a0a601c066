// Tests as text lines (summary.txt, the human formats): `PASS    name@{...}  3.2s`, then the failed steps.
import type { StepResult, TestCounts, TestResult, TestStatus } from '../results/test-types.js';
import { TEST_STATUSES } from '../results/test-types.js';
import { countTests } from '../results/test-counts.js';
import type { RunReport } from '../results/types.js';
import { formatDuration } from './format-time.js';
import { foldLine, truncateText } from './text.js';

const STATUS_WIDTH = 11;
const MESSAGE_MAX = 200;

/** `3 tests: 2 PASS, 1 FAIL`, or undefined when the report has no tests. */
export function formatTestCounts(report: RunReport, paint: (status: TestStatus, text: string) => string = (_s, t) => t): string | undefined {
  const tests = Object.values(report.tests ?? {});
  if (tests.length === 0) return undefined;
  const counts: TestCounts = report.counts.tests ?? countTests(tests);
  const parts = TEST_STATUSES.filter((s) => counts[s] > 0).map((s) => paint(s, `${counts[s]} ${s}`));
  return `${tests.length} test${tests.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Whether a test outcome fails a session. */
export function isFailedTest(status: TestStatus, failOn?: string): boolean {
  return status === 'FAIL' || status === 'INTERRUPTED' || status === 'NOT_RUN' || (failOn === 'flaky' && status === 'FLAKY');
}

/** One line per test, then under a failed one its failure, failed steps and teardown failure, indented. */
export function renderTestLines(report: RunReport, paint: (status: TestStatus, text: string) => string = (_s, t) => t): string[] {
  const lines: string[] = [];
  for (const t of Object.values(report.tests ?? {})) {
    lines.push(`${paint(t.status, t.status.padEnd(STATUS_WIDTH))}${foldLine(t.id)}  ${formatDuration(t.durationMs)}${t.attempts > 1 ? ` (${t.attempts} tries)` : ''}`);
    if (t.failure) lines.push(`    ${clip(t.failure)}`);
    for (const s of failedSteps(t)) lines.push(`    step ${String(s.index).padStart(2, '0')} ${clip(s.name)} [${s.status}]${firstProblem(s) ? `: ${clip(firstProblem(s) as string)}` : ''}`);
    if (t.teardownFailure) lines.push(`    teardown: ${clip(t.teardownFailure)}`);
  }
  return lines;
}

/** The steps of a test that did not pass. */
export function failedSteps(t: TestResult): StepResult[] {
  return t.steps.filter((s) => s.status === 'ERROR' || s.status === 'UNKNOWN');
}

/** A step's first error (or warning) message. */
export function firstProblem(s: StepResult): string | undefined {
  return s.messages.error[0] ?? s.messages.warn[0];
}

function clip(text: string): string {
  return truncateText(foldLine(text), MESSAGE_MAX);
}
