// The human formats (minimal, normal, long, full), laid out like Smoker's output.
import type { HostResult, RunReport } from '../results/types.js';
import { paintBold, paintDim, paintStatus, paintTestStatus, withColor } from './color.js';
import { renderTestLines } from './tests-text.js';
import { buildFoldedRows, FOLD_ABOVE_HOSTS } from './human-folded.js';
import { buildHostRows, type HumanRow } from './human-rows.js';
import { escapeControls } from './text.js';
import type { HumanLevel, RenderOptions } from './options.js';
import { renderSummaryLine } from './summary-line.js';

// Smoker's status column; it widens when a label would not fit.
const MIN_LABEL_WIDTH = 35;

/** Whether a human level folds identical results across hosts for this many hosts (`normal` above 10 hosts). */
export function foldsHosts(level: HumanLevel, hostCount: number): boolean {
  return level === 'normal' && hostCount > FOLD_ABOVE_HOSTS;
}

/**
 * Renders a run for a terminal: one line per test (with failed steps), per host, check and component (hosts
 * folded in `normal` above 10 hosts), then a summary line. Hosts in `printed` were streamed already
 * (`renderHostBlock`) and are left out, unless the view folds.
 */
export function renderHuman(report: RunReport, level: HumanLevel, opts: RenderOptions = {}, printed: ReadonlySet<string> = new Set()): string {
  return withColor(opts.color ?? false, () => {
    const fold = foldsHosts(level, Object.keys(report.hosts).length);
    const rows = fold
      ? buildFoldedRows(report)
      : Object.entries(report.hosts).filter(([name]) => !printed.has(name)).flatMap(([name, host]) => buildHostRows(name, host, level, opts.timeZone ?? 'local'));
    const lines = [...renderTestLines(report, paintTestStatus), ...formatRows(rows)];
    lines.push(renderSummaryLine(report, opts.session));
    return `${lines.join('\n')}\n`;
  });
}

/** Renders one finished host as `renderHuman` would show it unfolded, for printing as it finishes; empty when the level hides it. */
export function renderHostBlock(name: string, host: HostResult, level: HumanLevel, opts: RenderOptions = {}): string {
  return withColor(opts.color ?? false, () => {
    const lines = formatRows(buildHostRows(name, host, level, opts.timeZone ?? 'local'));
    return lines.length ? `${lines.join('\n')}\n` : '';
  });
}

/**
 * One line for a host that finished not OK while a folding view waits for every host: the host, its status and
 * its non-OK checks (`web07  [ERROR] disk, load`); empty for an OK host. The folded view at the end has the details.
 */
export function renderHostNotice(name: string, host: HostResult, opts: RenderOptions = {}): string {
  const bad = Object.entries(host.checks).filter(([, c]) => c.status !== 'OK').map(([n]) => escapeControls(n));
  if (host.status === 'OK' && host.unreachable === undefined && bad.length === 0) return '';
  const note = host.unreachable !== undefined ? 'unreachable' : bad.join(', ');
  return withColor(opts.color ?? false, () => `${formatRows([{ kind: 'status', label: escapeControls(name), status: host.status, host: true, note }]).join('\n')}\n`);
}

/** Formats rows with their `[STATUS]` tags in one column, as wide as the longest label needs. */
function formatRows(rows: readonly HumanRow[]): string[] {
  const width = rows.reduce((w, r) => (r.kind === 'status' ? Math.max(w, measure(r.label) + 1) : w), MIN_LABEL_WIDTH);
  return rows.map((row) => formatRow(row, width));
}

/** Formats one row: the label padded to `width`, then the coloured `[STATUS]` and any note. */
function formatRow(row: HumanRow, width: number): string {
  if (row.kind === 'text') return row.dim ? paintDim(row.text) : row.text;
  const padding = ' '.repeat(width - measure(row.label));
  const label = row.host ? paintBold(row.label) : row.label;
  const note = row.note ? ` ${paintDim(row.note)}` : '';
  return `${label}${padding}${paintStatus(row.status, `[${row.status}]`)}${note}`;
}

// Counts code points, so names with accents or emoji-free unicode stay aligned.
function measure(text: string): number {
  return Array.from(text).length;
}
