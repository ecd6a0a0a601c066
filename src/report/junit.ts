// The `junit` format: JUnit XML as Jenkins and GitLab read it, one <testsuite> per test file, then one per host.
//
// ERROR → <failure>, UNKNOWN → <error>, WARN → passes with its warnings in <system-out>;
// an unreachable host gets a testcase `connect` with an <error>. Non-OK checks carry their
// stdout/stderr tails in <system-out>/<system-err>. Valid against fixtures/report/junit.xsd.
import type { CheckResult, ComponentResult, HostResult, RunReport } from '../results/types.js';
import type { TestResult, TestStatus } from '../results/test-types.js';
import { CONNECT_CHECK } from './entries.js';
import { failedSteps, firstProblem } from './tests-text.js';
import { formatIsoSeconds, formatSeconds } from './format-time.js';
import type { RenderOptions } from './options.js';
import { foldLine, truncateText } from './text.js';
import { escapeXmlText, formatAttrs } from './xml.js';

const MESSAGE_MAX = 500;

/** Renders the report as a JUnit XML document. */
export function renderJunit(report: RunReport, opts: RenderOptions = {}): string {
  const suites = [...renderTestSuites(report, opts), ...Object.entries(report.hosts).map(([name, host]) => renderSuite(name, host, report, opts))];
  const totals = suites.reduce((t, s) => ({ tests: t.tests + s.tests, failures: t.failures + s.failures, errors: t.errors + s.errors }),
    { tests: 0, failures: 0, errors: 0 });
  const head = `<testsuites${formatAttrs({ name: 'smoker', tests: totals.tests, failures: totals.failures, errors: totals.errors,
    time: formatSeconds(report.durationMs) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map((s) => s.xml), '</testsuites>', ''].join('\n');
}

interface SuiteXml { xml: string; tests: number; failures: number; errors: number }

/** Renders one host's <testsuite>, with its counts for the <testsuites> totals. */
function renderSuite(name: string, host: HostResult, report: RunReport, opts: RenderOptions): SuiteXml {
  const checks = Object.entries(host.checks);
  const cases: string[] = [];
  if (host.unreachable !== undefined) {
    const message = `unreachable: ${host.unreachable}`;
    cases.push(renderCase(name, CONNECT_CHECK, 0, [renderElement('error', message, 'unreachable', message)]));
  }
  for (const [checkName, check] of checks) cases.push(renderCase(name, checkName, check.durationMs, renderCaseBody(check)));
  const failures = checks.filter(([, c]) => c.status === 'ERROR').length;
  const errors = checks.filter(([, c]) => c.status === 'UNKNOWN').length + (host.unreachable !== undefined ? 1 : 0);
  const tests = cases.length;
  const starts = checks.map(([, c]) => c.startedAt).filter(Boolean).sort();
  const attrs = formatAttrs({ name, tests, failures, errors, skipped: 0, time: formatSeconds(host.durationMs),
    timestamp: formatIsoSeconds(starts[0] ?? report.startedAt), hostname: name });
  const properties = opts.session
    ? [`    <properties>`, `      <property${formatAttrs({ name: 'session', value: opts.session })}/>`, `    </properties>`]
    : [];
  const xml = [`  <testsuite${attrs}>`, ...properties, ...cases, '  </testsuite>'].join('\n');
  return { xml, tests, failures, errors };
}

/** One <testsuite> per test file, one <testcase name="<test id>" classname="<file>"> per test, steps inside. */
function renderTestSuites(report: RunReport, opts: RenderOptions): SuiteXml[] {
  const byFile = new Map<string, TestResult[]>();
  for (const t of Object.values(report.tests ?? {})) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  return [...byFile].map(([file, tests]) => {
    const failures = tests.filter((t) => t.status === 'FAIL').length;
    const errors = tests.filter((t) => t.status === 'INTERRUPTED').length;
    const skipped = tests.filter((t) => SKIPPED.has(t.status)).length;
    const flaky = tests.filter((t) => t.status === 'FLAKY');
    const starts = tests.map((t) => t.startedAt).sort();
    const attrs = formatAttrs({ name: file, tests: tests.length, failures, errors, skipped, time: formatSeconds(tests.reduce((n, t) => n + t.durationMs, 0)),
      timestamp: formatIsoSeconds(starts[0] ?? report.startedAt) });
    // The schema has no properties inside a testcase: a flaky test is named by a property of its suite.
    const props = [...(opts.session ? [{ name: 'session', value: opts.session }] : []), ...flaky.map((t) => ({ name: 'flaky', value: t.id }))];
    const properties = props.length ? ['    <properties>', ...props.map((p) => `      <property${formatAttrs(p)}/>`), '    </properties>'] : [];
    const cases = tests.map((t) => renderTestCase(t));
    return { xml: [`  <testsuite${attrs}>`, ...properties, ...cases, '  </testsuite>'].join('\n'), tests: tests.length, failures, errors };
  });
}

const SKIPPED = new Set<TestStatus>(['IGNORED', 'NOT_RUN', 'OK_TO_FAIL']);

/** A test's testcase: FAIL → <failure message="first failed step">steps</failure>, INTERRUPTED → <error>, skips → <skipped>. */
function renderTestCase(t: TestResult): string {
  const steps = describeSteps(t);
  const why = t.failure ?? failedSteps(t).map((s) => `step ${String(s.index).padStart(2, '0')} ${s.name}`)[0] ?? `test ${t.status}`;
  const body: string[] = [];
  if (t.status === 'FAIL') body.push(renderElement('failure', why, 'FAIL', steps));
  else if (t.status === 'INTERRUPTED') body.push(renderElement('error', why, 'INTERRUPTED', steps));
  else if (t.status === 'NOT_RUN') body.push(renderElement('skipped', 'not run', 'NOT_RUN', steps));
  else if (t.status === 'IGNORED') body.push(renderElement('skipped', 'ignored', 'IGNORED', steps));
  else if (t.status === 'OK_TO_FAIL') body.push(renderElement('skipped', `ok to fail: ${why}`, 'OK_TO_FAIL', steps));
  else {
    const out = [t.status === 'FLAKY' ? `flaky: passed on try ${t.attempts}` : '', steps].filter(Boolean).join('\n');
    if (out) body.push(`<system-out>${escapeXmlText(out)}</system-out>`);
  }
  if (t.teardownFailure) body.push(`<system-err>${escapeXmlText(`teardown: ${t.teardownFailure}`)}</system-err>`);
  const open = `    <testcase${formatAttrs({ classname: t.file, name: t.id, time: formatSeconds(t.durationMs) })}`;
  return [`${open}>`, ...body.map((b) => `      ${b}`), '    </testcase>'].join('\n');
}

/** Every step of a test on one line each: `03 steps exec on client: ... [ERROR] 1.2s: first problem`. */
function describeSteps(t: TestResult): string {
  return t.steps.map((s) => {
    const problem = firstProblem(s);
    return `${String(s.index).padStart(2, '0')} ${s.phase} ${foldLine(s.name)} [${s.status}] ${formatSeconds(s.durationMs)}s${problem ? `: ${foldLine(problem)}` : ''}`;
  }).join('\n');
}

/** Renders one <testcase>, self-closing when it has no body. */
function renderCase(host: string, name: string, durationMs: number, body: string[]): string {
  const open = `    <testcase${formatAttrs({ classname: `smoker.${host}`, name, time: formatSeconds(durationMs) })}`;
  return body.length ? [`${open}>`, ...body.map((b) => `      ${b}`), '    </testcase>'].join('\n') : `${open}/>`;
}

/** The children of a check's testcase: failure or error, then system-out and system-err. */
function renderCaseBody(check: CheckResult): string[] {
  if (check.status === 'OK') return [];
  const body: string[] = [];
  const details = describeResult(check.messages, check.components);
  const first = check.messages.error[0] ?? check.messages.warn[0] ?? check.messages.info[0] ?? `check ${check.status}`;
  if (check.status === 'ERROR') body.push(renderElement('failure', first, 'ERROR', details));
  if (check.status === 'UNKNOWN') body.push(renderElement('error', first, 'UNKNOWN', details));
  const out = [check.status === 'WARN' ? details : '', check.stdoutTail ?? ''].filter((s) => s.trim()).join('\n\n');
  if (out) body.push(`<system-out>${escapeXmlText(out)}</system-out>`);
  if (check.stderrTail?.trim()) body.push(`<system-err>${escapeXmlText(check.stderrTail)}</system-err>`);
  return body;
}

/** Renders `<failure|error message type>text</…>`; the message attribute folded to one short line. */
function renderElement(tag: 'failure' | 'error' | 'skipped', message: string, type: string, text: string): string {
  return `<${tag}${formatAttrs({ message: truncateText(foldLine(message), MESSAGE_MAX), type })}>${escapeXmlText(text)}</${tag}>`;
}

/** Describes messages and non-OK components as indented `[level] text` lines. */
function describeResult(messages: CheckResult['messages'], components: Record<string, ComponentResult> | undefined, indent = ''): string {
  const lines: string[] = [];
  for (const level of ['error', 'warn', 'info'] as const) {
    for (const m of messages[level]) lines.push(`${indent}[${level}] ${m}`);
  }
  for (const [name, c] of Object.entries(components ?? {})) {
    if (c.status === 'OK') continue;
    lines.push(`${indent}${name} [${c.status}]`);
    const nested = describeResult(c.messages, c.components, `${indent}  `);
    if (nested) lines.push(nested);
  }
  return lines.join('\n');
}
