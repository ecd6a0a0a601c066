// The rows of the human formats: which hosts, checks, components and messages each level shows.
import type { Status } from '../results/status.js';
import type { CheckResult, ComponentResult, HostResult, Messages, Metric } from '../results/types.js';
import { formatDuration, formatTimestamp } from './format-time.js';
import type { HumanLevel } from './options.js';
import { escapeControls, terminalSafe } from './text.js';

/** A row with a label and a `[STATUS]` tag aligned in one column, or a free text row. */
export type HumanRow =
  | { kind: 'status'; label: string; status: Status; note?: string; host?: boolean }
  | { kind: 'text'; text: string; dim?: boolean };

const MESSAGE_INDENT = '    ';
const LEVELS = ['error', 'warn', 'info'] as const;

/** Builds the rows for one host at the given level; empty when the level hides the host. */
export function buildHostRows(name: string, host: HostResult, level: HumanLevel, timeZone: 'local' | 'utc'): HumanRow[] {
  const checks = Object.entries(host.checks).filter(([, c]) => level !== 'minimal' || c.status !== 'OK');
  if (level === 'minimal' && host.status === 'OK' && host.unreachable === undefined && host.unfinished === undefined && checks.length === 0) return [];
  const note = level === 'full' ? `(${Object.keys(host.checks).length} checks, ${formatDuration(host.durationMs)})` : undefined;
  const rows: HumanRow[] = [{ kind: 'status', label: escapeControls(name), status: host.status, host: true, ...(note ? { note } : {}) }];
  if (host.unreachable !== undefined) rows.push(...buildMessageRows('error', `unreachable: ${host.unreachable}`));
  if (host.unfinished !== undefined) rows.push(...buildMessageRows('error', host.unfinished));
  for (const [checkName, check] of checks) rows.push(...buildCheckRows(checkName, check, level, timeZone));
  return rows;
}

/** Builds the rows for one check: its line, then details, messages and components as the level allows. */
export function buildCheckRows(name: string, check: CheckResult, level: HumanLevel, timeZone: 'local' | 'utc'): HumanRow[] {
  const detailed = level === 'long' || level === 'full';
  const showTime = detailed || check.status !== 'OK';
  const note = showTime && check.startedAt ? `(${formatTimestamp(check.startedAt, timeZone)})` : undefined;
  const rows: HumanRow[] = [{ kind: 'status', label: `- ${escapeControls(name)}`, status: check.status, ...(note ? { note } : {}) }];
  if (level === 'full') rows.push(...buildFullDetailRows(check));
  if (detailed || check.status !== 'OK') rows.push(...buildMessagesRows(check.messages, detailed));
  // An exec result has no parsed messages: its output is what there is to see.
  if (detailed && check.check === 'exec') {
    for (const [label, text] of [['stdout', check.stdoutTail], ['stderr', check.stderrTail]] as const) {
      if (text) rows.push(...buildMessageRows(label, text.replace(/\n$/, '')));
    }
  }
  if (detailed && check.truncated) rows.push(...buildMessageRows('note', 'output truncated'));
  rows.push(...buildComponentRows(check.components, 1, detailed));
  return rows;
}

/** Builds rows for components (recursively, one more level), all of them or only non-OK ones. */
function buildComponentRows(
  components: Record<string, ComponentResult> | undefined,
  depth: number,
  detailed: boolean,
): HumanRow[] {
  const rows: HumanRow[] = [];
  for (const [name, component] of Object.entries(components ?? {})) {
    if (!detailed && component.status === 'OK') continue;
    rows.push({ kind: 'status', label: `${' '.repeat(depth)}${'-'.repeat(depth + 1)} ${escapeControls(name)}`, status: component.status });
    rows.push(...buildMessagesRows(component.messages, detailed));
    rows.push(...buildComponentRows(component.components, depth + 1, detailed));
  }
  return rows;
}

/** Builds `[level] text` rows: errors and warnings always, info only when detailed. */
function buildMessagesRows(messages: Messages, detailed: boolean): HumanRow[] {
  return LEVELS.filter((l) => detailed || l !== 'info').flatMap((l) => messages[l].flatMap((m) => buildMessageRows(l, m)));
}

/** Builds the rows of one message, continuation lines indented under its first character. */
export function buildMessageRows(level: string, message: string): HumanRow[] {
  const prefix = `${MESSAGE_INDENT}[${level}] `;
  const lines = cleanForTerminal(message).split('\n');
  return lines.map((line, i) => ({ kind: 'text', text: `${i === 0 ? prefix : ' '.repeat(prefix.length)}${line}` }));
}

/** Builds `full`'s extra rows: classification, timings, parameters, metrics and action. */
function buildFullDetailRows(check: CheckResult): HumanRow[] {
  const dim = (text: string): HumanRow => ({ kind: 'text', text: `${MESSAGE_INDENT}${cleanForTerminal(text)}`, dim: true });
  const rows: HumanRow[] = [];
  const meta = [['type', check.type], ['category', check.category], ['component', check.component]]
    .filter(([, v]) => v).map(([k, v]) => `${k} ${v}`);
  if (meta.length) rows.push(dim(meta.join(' · ')));
  const timing = [`took ${formatDuration(check.durationMs)}`, `exit ${check.exitCode ?? '-'}`];
  if (check.signal) timing.push(`signal ${check.signal}`);
  timing.push(`attempts ${check.attempts}`);
  if (check.startedAt) timing.unshift(`started ${check.startedAt}`);
  rows.push(dim(timing.join(' · ')));
  const params = Object.entries(check.params ?? {});
  if (params.length) rows.push(dim(`params: ${params.map(([k, v]) => `${k}=${formatParam(v)}`).join(', ')}`));
  for (const [name, metric] of Object.entries(check.metrics)) rows.push(dim(`metric ${formatMetric(name, metric)}`));
  if (check.action) {
    const a = check.action;
    rows.push(dim(`action ${a.name} on ${a.where}: ${a.status} (exit ${a.exitCode ?? '-'}, ${formatDuration(a.durationMs)})`));
  }
  return rows;
}

/** Formats one metric as `label=value[uom] (warn W, crit C, min m, max M)`. */
function formatMetric(name: string, metric: Metric): string {
  const limits = (['warn', 'crit', 'min', 'max'] as const)
    .filter((k) => metric[k] !== undefined).map((k) => `${k} ${metric[k]}`);
  return `${name}=${metric.value}${metric.uom ?? ''}${limits.length ? ` (${limits.join(', ')})` : ''}`;
}

function formatParam(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** Removes escape sequences and control characters a remote command may print, keeping newlines. */
function cleanForTerminal(text: string): string {
  return terminalSafe(text).replace(/\t/g, '  ');
}
