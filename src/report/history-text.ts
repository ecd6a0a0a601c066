// The `smoker history` timeline: one row per host, one status letter per session.
import type { CheckHistory } from '../results/history.js';
import type { Status } from '../results/status.js';
import { escapeControls } from './text.js';

const LETTER: Record<Status, string> = { OK: '.', WARN: 'W', ERROR: 'E', UNKNOWN: 'U' };

type Paint = (status: Status, text: string) => string;

/** The one-letter form of a status: . W E U, or - for absent. */
export function statusLetter(status: Status | null): string {
  return status === null ? '-' : LETTER[status];
}

/** Renders the timeline: a heading, one row per host (one letter per session, oldest left), a legend. */
export function renderTimeline(h: CheckHistory, paint: Paint = (_s, t) => t): string {
  return renderTimelines([h], paint);
}

/** Renders several timelines one after the other, then one legend. */
export function renderTimelines(histories: readonly CheckHistory[], paint: Paint = (_s, t) => t): string {
  const lines = histories.flatMap((h) => timelineLines(h, paint));
  lines.push(`${paint('OK', '.')} OK  ${paint('WARN', 'W')} WARN  ${paint('ERROR', 'E')} ERROR  ${paint('UNKNOWN', 'U')} UNKNOWN  - absent`);
  return `${lines.join('\n')}\n`;
}

function timelineLines(h: CheckHistory, paint: Paint): string[] {
  const n = h.sessions.length;
  const span = n === 0 ? '' : n === 1 ? `, ${h.sessions[0]}` : `, ${h.sessions[0]} … ${h.sessions[n - 1]}`;
  // Names (and exec's command) are shown escaped: a control character in one never reaches the terminal raw.
  const command = h.command !== undefined ? `: ${escapeControls(h.command)}` : '';
  const lines = [`${escapeControls(h.check)}${command} · ${n} session${n === 1 ? '' : 's'}${span} (oldest left)`];
  const names = h.hosts.map((r) => escapeControls(r.host));
  const width = Math.max(0, ...names.map((name) => name.length));
  h.hosts.forEach((row, i) => {
    const cells = row.statuses.map((s) => (s === null ? '-' : paint(s, statusLetter(s)))).join('');
    lines.push(`${(names[i] ?? '').padEnd(width)}  ${cells}`);
  });
  return lines;
}
