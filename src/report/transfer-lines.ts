// Human output of `smoker copy` / `smoker fetch`: one line per host (what moved, or why not), then the summary line.
import type { RunReport } from '../results/types.js';
import { paintBold, paintStatus, withColor } from './color.js';
import { renderSummaryLine } from './summary-line.js';

/** Renders `host  [OK] src → dest: 7 files, 5 dirs, 68.4 KiB` lines (every message of a failed host), then the summary. */
export function renderTransferLines(report: RunReport, opts: { color?: boolean; session?: string } = {}): string {
  return withColor(opts.color ?? false, () => {
    const width = Math.max(0, ...Object.keys(report.hosts).map((h) => h.length)) + 2;
    const lines: string[] = [];
    for (const [name, host] of Object.entries(report.hosts)) {
      const check = Object.values(host.checks)[0];
      const status = host.status;
      const detail = host.unreachable !== undefined ? [`unreachable: ${host.unreachable}`] : [...(check?.messages.error ?? []), ...(check?.messages.info ?? [])];
      lines.push(`${paintBold(name.padEnd(width))}${paintStatus(status, `[${status}]`)} ${detail[0] ?? ''}`.trimEnd());
      for (const more of detail.slice(1)) lines.push(`${' '.repeat(width)}${more}`);
    }
    lines.push(renderSummaryLine(report, opts.session));
    return `${lines.join('\n')}\n`;
  });
}
