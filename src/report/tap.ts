// The `tap` format (TAP 14): one test point per host/check, YAML diagnostics on every non-OK point.
//
// WARN is a pass, as in smoker's exit code: `ok` with `status: WARN` in its diagnostics
// (TAP has no WARN directive, and `# WARN` would become part of the test name). With
// `failOn: 'warn'` it is `not ok`. UNKNOWN and ERROR are `not ok`; an unreachable host is a
// `not ok` point named `HOST / connect`.
import { stringify } from 'yaml';
import type { TestResult, TestStatus } from '../results/test-types.js';
import type { ComponentResult, Messages, RunReport } from '../results/types.js';
import { formatCounted } from './counts.js';
import { listEntries, type ReportEntry } from './entries.js';
import type { RenderOptions } from './options.js';
import { foldLine } from './text.js';
import { failedSteps, firstProblem, formatTestCounts } from './tests-text.js';
import { isFailing } from './verdict.js';

/** Renders the report as a TAP 14 stream. */
export function renderTap(report: RunReport, opts: RenderOptions = {}): string {
  const entries = listEntries(report);
  const tests = Object.values(report.tests ?? {});
  const lines = ['TAP version 14', `1..${tests.length + entries.length}`];
  tests.forEach((t, i) => lines.push(...renderTestPoint(t, i + 1, opts)));
  entries.forEach((entry, j) => {
    const failing = isFailing(entry.status, opts.failOn);
    lines.push(`${failing ? 'not ok' : 'ok'} ${tests.length + j + 1} - ${escapeDescription(`${entry.host} / ${entry.check}`)}`);
    if (entry.status !== 'OK') lines.push(...renderDiagnostics(entry));
  });
  const testCounts = formatTestCounts(report);
  const counts = `${formatCounted('host', report.counts.hosts)}; ${formatCounted('check', report.counts.checks)}${testCounts ? `; ${testCounts}` : ''}`;
  lines.push(`# ${foldLine(counts)}${report.counts.unreachable ? `; ${report.counts.unreachable} unreachable` : ''}`);
  if (opts.session) lines.push(`# session ${foldLine(opts.session)}`);
  return `${lines.join('\n')}\n`;
}

/** Escapes a test point description: one line, `\` and `#` backslashed (TAP 14). */
export function escapeDescription(text: string): string {
  return foldLine(text).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

/** One test id as a point: FAIL/INTERRUPTED `not ok`, IGNORED/NOT_RUN `# SKIP`, OK_TO_FAIL `# TODO`, FLAKY ok with a comment. */
function renderTestPoint(t: TestResult, n: number, opts: RenderOptions): string[] {
  const name = escapeDescription(t.id);
  const directive: Partial<Record<TestStatus, string>> = { IGNORED: ' # SKIP ignored', NOT_RUN: ' # SKIP not run', OK_TO_FAIL: ' # TODO ok to fail' };
  const failing = t.status === 'FAIL' || t.status === 'INTERRUPTED' || t.status === 'OK_TO_FAIL' || (opts.failOn === 'flaky' && t.status === 'FLAKY');
  const lines = [`${failing ? 'not ok' : 'ok'} ${n} - ${name}${directive[t.status] ?? ''}`];
  if (t.status !== 'PASS') lines.push(...renderYaml(describeTest(t)));
  // After the YAML block, which must follow its point directly.
  if (t.status === 'FLAKY') lines.push(`# flaky: ${foldLine(t.id)} passed on try ${t.attempts}`);
  return lines;
}

/** The diagnostics of a test: status, failure, file, duration, the steps that did not pass. */
function describeTest(t: TestResult): Record<string, unknown> {
  const steps = failedSteps(t).map((s) => ({ step: s.index, name: s.name, status: s.status, ...(firstProblem(s) ? { message: firstProblem(s) } : {}) }));
  return {
    status: t.status,
    ...(t.failure ? { message: t.failure } : {}),
    file: t.file,
    durationMs: t.durationMs,
    attempts: t.attempts,
    ...(steps.length ? { steps } : {}),
    ...(t.teardownFailure ? { teardown: t.teardownFailure } : {}),
  };
}

/** Renders the `  ---` … `  ...` YAML block of a non-OK point. */
function renderDiagnostics(entry: ReportEntry): string[] {
  return renderYaml(describeEntry(entry));
}

function renderYaml(data: Record<string, unknown>): string[] {
  const yaml = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  // Double-quoted strings keep every value on one line, so no line can read as `...` and end the block.
  return ['  ---', ...yaml.trimEnd().split('\n').map((l) => `  ${l}`), '  ...'];
}

/** The diagnostics of an entry: status, first message, messages, non-OK components, metrics, timings. */
function describeEntry(entry: ReportEntry): Record<string, unknown> {
  if (entry.unreachable !== undefined) {
    return { status: entry.status, message: `unreachable: ${entry.unreachable}` };
  }
  const r = entry.result;
  if (!r) return { status: entry.status };
  const out: Record<string, unknown> = { status: r.status };
  const first = r.messages.error[0] ?? r.messages.warn[0] ?? r.messages.info[0];
  if (first !== undefined) out.message = first;
  const messages = pickMessages(r.messages);
  if (messages) out.messages = messages;
  const components = pickComponents(r.components);
  if (components) out.components = components;
  if (Object.keys(r.metrics).length) out.metrics = r.metrics;
  out.exitCode = r.exitCode;
  if (r.signal) out.signal = r.signal;
  out.durationMs = r.durationMs;
  if (r.startedAt) out.startedAt = r.startedAt;
  if (r.truncated) out.truncated = true;
  return out;
}

/** Keeps only the non-empty message levels; undefined when all are empty. */
function pickMessages(messages: Messages): Partial<Messages> | undefined {
  const out: Partial<Messages> = {};
  for (const level of ['error', 'warn', 'info'] as const) if (messages[level].length) out[level] = messages[level];
  return Object.keys(out).length ? out : undefined;
}

/** Keeps the non-OK components with their messages and sub-components; undefined when none. */
function pickComponents(components: Record<string, ComponentResult> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(components ?? {})) {
    if (c.status === 'OK') continue;
    const messages = pickMessages(c.messages);
    const nested = pickComponents(c.components);
    out[name] = { status: c.status, ...(messages ? { messages } : {}), ...(nested ? { components: nested } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}
