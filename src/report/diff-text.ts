// The `smoker diff` text: one aligned line per change, grouped, then a count line.
import type { ReportDiff, StatusChange } from '../results/diff.js';
import type { Status } from '../results/status.js';
import { escapeControls } from './text.js';

/** Paints a status word (the CLI passes the report layer's colours; tests pass identity). */
export type PaintStatus = (status: Status, text: string) => string;

const HEADINGS = [
  ['regressions', 'regressed (got worse)'],
  ['improvements', 'improved'],
  ['appeared', 'appeared'],
  ['disappeared', 'disappeared'],
] as const;

/** Renders a diff between sessions labelled `a` and `b`; absent is `-`. */
export function renderDiffText(diff: ReportDiff, labels: { a: string; b: string }, paint: PaintStatus = (_s, t) => t): string {
  // Names (and an unreachable host's reason) are shown escaped: a control character in one never reaches the terminal raw.
  const all = HEADINGS.flatMap(([key]) => diff[key]).map(escapeChange);
  const hostWidth = Math.max(0, ...all.map((c) => c.host.length));
  const checkWidth = Math.max(0, ...all.map((c) => c.check.length));
  const lines = [`${labels.a} → ${labels.b}`];
  for (const [key, heading] of HEADINGS) {
    const changes = diff[key];
    if (changes.length === 0) continue;
    lines.push(`${heading} (${changes.length}):`);
    for (const c of changes.map(escapeChange)) lines.push(formatChange(c, hostWidth, checkWidth, paint));
  }
  lines.push(summarizeDiff(diff));
  return `${lines.join('\n')}\n`;
}

/** `2 regressed, 1 improved, 0 appeared, 0 disappeared, 10 unchanged`, or `no status changed (...)`. */
export function summarizeDiff(diff: ReportDiff): string {
  const changed = diff.regressions.length + diff.improvements.length + diff.appeared.length + diff.disappeared.length;
  const unchanged = `${diff.unchanged} unchanged`;
  if (changed === 0) return `no status changed (${unchanged})`;
  return `${diff.regressions.length} regressed, ${diff.improvements.length} improved, ${diff.appeared.length} appeared, ${diff.disappeared.length} disappeared, ${unchanged}`;
}

function formatChange(c: StatusChange, hostWidth: number, checkWidth: number, paint: PaintStatus): string {
  const side = (s: Status | null) => (s === null ? '-' : paint(s, s));
  const note = c.note !== undefined ? `  (${c.note})` : '';
  return `  ${c.host.padEnd(hostWidth)}  ${c.check.padEnd(checkWidth)}  ${side(c.from)} → ${side(c.to)}${note}`;
}

function escapeChange(c: StatusChange): StatusChange {
  return { ...c, host: escapeControls(c.host), check: escapeControls(c.check), ...(c.note !== undefined ? { note: escapeControls(c.note) } : {}) };
}
