// The `junit` format: JUnit XML as Jenkins and GitLab read it, one <testsuite> per host.
//
// ERROR → <failure>, UNKNOWN → <error>, WARN → passes with its warnings in <system-out>;
// an unreachable host gets a testcase `connect` with an <error>, a host an incomplete session never finished one `unfinished`. Non-OK checks carry their
// stdout/stderr tails in <system-out>/<system-err>. Valid against fixtures/report/junit.xsd.
import type { CheckResult, ComponentResult, HostResult, RunReport } from '../results/types.js';
import { CONNECT_CHECK, UNFINISHED_CHECK } from './entries.js';
import { formatIsoSeconds, formatSeconds } from './format-time.js';
import type { RenderOptions } from './options.js';
import { foldLine, truncateText } from './text.js';
import { escapeXmlText, formatAttrs } from './xml.js';

const MESSAGE_MAX = 500;

/** Renders the report as a JUnit XML document. */
export function renderJunit(report: RunReport, opts: RenderOptions = {}): string {
  const suites = Object.entries(report.hosts).map(([name, host]) => renderSuite(name, host, report, opts));
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
  if (host.unfinished !== undefined) cases.push(renderCase(name, UNFINISHED_CHECK, 0, [renderElement('error', host.unfinished, 'unfinished', host.unfinished)]));
  for (const [checkName, check] of checks) cases.push(renderCase(name, checkName, check.durationMs, renderCaseBody(check)));
  const failures = checks.filter(([, c]) => c.status === 'ERROR').length;
  const errors = checks.filter(([, c]) => c.status === 'UNKNOWN').length + (host.unreachable !== undefined ? 1 : 0) + (host.unfinished !== undefined ? 1 : 0);
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
function renderElement(tag: 'failure' | 'error', message: string, type: string, text: string): string {
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
