// Turns watcher findings into the WARN component `log watcher` that names and quotes the lines.
import type { ComponentResult } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import type { Finding, FindingKind } from './detect.js';

/** The component name findings are reported under. */
export const WATCHER_COMPONENT = 'log watcher';

/** A finding and the watched log it came from. */
export interface LogFinding {
  log: string;
  finding: Finding<unknown>;
}

const LABEL: Record<FindingKind, string> = {
  python: 'Python traceback',
  java: 'Java exception',
  fatal: 'FATAL',
  panic: 'panic',
  pattern: 'matched pattern',
};

/** One message: `log line N: Python traceback: ValueError: boom`, then the quoted lines. */
export function formatFinding(f: LogFinding): string {
  const { finding } = f;
  const lines = finding.lines;
  const summary = finding.kind === 'python' ? lines[lines.length - 1] ?? '' : lines[0] ?? '';
  const head = `${f.log} line ${finding.lineNo}: ${LABEL[finding.kind]}: ${summary.trim()}`;
  if (lines.length === 1) return head;
  const quoted = lines.map((l) => `  ${l}`);
  if (finding.omitted > 0) quoted.splice(quoted.length - 10, 0, `  … ${finding.omitted} more lines …`);
  return [head, ...quoted].join('\n');
}

/** The `log watcher` component: WARN with one message per finding (plus a count of those left out). */
export function buildWatcherComponent(findings: readonly LogFinding[], dropped = 0): ComponentResult {
  const messages = emptyMessages();
  messages.warn.push(...findings.map(formatFinding));
  if (dropped > 0) messages.warn.push(`… and ${dropped} more findings (see the watch/ logs of the session)`);
  return { status: findings.length + dropped > 0 ? 'WARN' : 'OK', messages };
}
