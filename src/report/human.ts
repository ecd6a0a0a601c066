// The human formats (minimal, normal, long, full), laid out like Smoker's output.
import type { RunReport } from '../results/types.js';
import { paintBold, paintDim, paintStatus, paintTestStatus, withColor } from './color.js';
import { renderTestLines } from './tests-text.js';
import { buildFoldedRows, FOLD_ABOVE_HOSTS } from './human-folded.js';
import { buildHostRows, type HumanRow } from './human-rows.js';
import type { HumanLevel, RenderOptions } from './options.js';
import { renderSummaryLine } from './summary-line.js';

// Smoker's status column; it widens when a label would not fit.
const MIN_LABEL_WIDTH = 35;

/** Renders a run for a terminal: one line per test (with failed steps), per host, check and component (hosts folded in `normal` above 10 hosts), then a summary line. */
export function renderHuman(report: RunReport, level: HumanLevel, opts: RenderOptions = {}): string {
  return withColor(opts.color ?? false, () => {
    const fold = level === 'normal' && Object.keys(report.hosts).length > FOLD_ABOVE_HOSTS;
    const rows = fold
      ? buildFoldedRows(report)
      : Object.entries(report.hosts).flatMap(([name, host]) => buildHostRows(name, host, level, opts.timeZone ?? 'local'));
    const width = rows.reduce((w, r) => (r.kind === 'status' ? Math.max(w, measure(r.label) + 1) : w), MIN_LABEL_WIDTH);
    const lines = [...renderTestLines(report, paintTestStatus), ...rows.map((row) => formatRow(row, width))];
    lines.push(renderSummaryLine(report, opts.session));
    return `${lines.join('\n')}\n`;
  });
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
