// Handler of `smoker sessions`.
import { UsageError } from '../../errors.js';
import { formatCounts } from '../../report/counts.js';
import { paintStatus, withColor, detectColor } from '../../report/color.js';
import { formatDuration, formatTimestamp } from '../../report/format-time.js';
import { renderTable } from '../../report/table.js';
import { terminalWidth } from '../../report/terminal-width.js';
import { listSessions, takeLast } from '../../results/session-list.js';
import { summarizeSession, type SessionSummary } from '../../results/session-summary.js';

/** Prints the sessions under root as a table or JSON. */
export function runSessions(opts: { root: string; output: 'table' | 'json'; last: number | undefined }): void {
  if (opts.last !== undefined && !(Number.isInteger(opts.last) && opts.last > 0)) throw new UsageError(`--last: expected a positive integer, got ${opts.last}`);
  const { sessions, problems } = listSessions(opts.root);
  for (const p of problems) process.stderr.write(`warning: ${p}\n`);
  const summaries = takeLast(sessions, opts.last).map(summarizeSession);
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
    return;
  }
  if (summaries.length === 0) {
    process.stdout.write(`no sessions in ${opts.root}\n`);
    return;
  }
  const table = withColor(detectColor(process.env, process.stdout.isTTY === true), () =>
    renderTable(['id', 'command', 'state', 'hosts', 'checks', 'duration', 'started'], summaries.map(row), { width: terminalWidth(process.env, process.stdout) }));
  process.stdout.write(`${table}${summaries.length} session${summaries.length === 1 ? '' : 's'} in ${opts.root}\n`);
}

function row(s: SessionSummary): string[] {
  const notes = [
    ...(s.unreachable > 0 ? [`${s.unreachable} unreachable`] : []),
    ...(s.state !== 'complete' && s.plannedHosts !== undefined ? [`${s.finishedHosts} of ${s.plannedHosts} finished`] : []),
  ];
  const hosts = `${formatCounts(s.hosts, paintStatus) || '-'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  const state = s.state === 'complete' ? s.state : paintStatus(s.state === 'running' ? 'WARN' : 'ERROR', s.state);
  return [s.id, s.command, state, hosts, formatCounts(s.checks, paintStatus) || '-', formatDuration(s.durationMs), formatTimestamp(s.startedAt)];
}
