// Handler of `smoker history`.
import { didYouMean } from '../../config/suggest.js';
import { SessionError, UsageError } from '../../errors.js';
import { detectColor, paintStatus, withColor } from '../../report/color.js';
import { buildHistory } from '../../results/history.js';
import { renderTimeline } from '../../report/history-text.js';
import { listSessions } from '../../results/session-list.js';
import { selectSessionHosts } from './session-hosts.js';

/** Prints one check's status per host across the sessions under root. */
export async function runHistory(opts: { check: string; root: string; pattern: string | undefined; last: number | undefined; output: 'timeline' | 'json' }): Promise<void> {
  if (opts.last !== undefined && !(Number.isInteger(opts.last) && opts.last > 0)) throw new UsageError(`--last: expected a positive integer, got ${opts.last}`);
  const { sessions, problems } = listSessions(opts.root);
  for (const p of problems) process.stderr.write(`warning: ${p}\n`);
  if (sessions.length === 0) throw new SessionError(`no sessions in ${opts.root}`);
  const keep = opts.pattern ? await selectSessionHosts(opts.pattern, sessions) : undefined;
  const history = buildHistory(
    sessions.map((s) => ({ id: s.meta.id, report: s.report })),
    opts.check,
    { ...(opts.last !== undefined ? { last: opts.last } : {}), ...(keep ? { keepHost: (h: string) => keep.has(h) } : {}) },
  );
  if (history.sessions.length === 0) {
    const known = new Set(sessions.flatMap((s) => Object.values(s.report.hosts).flatMap((h) => Object.keys(h.checks))));
    throw new UsageError(`no session in ${opts.root} ran a check "${opts.check}"${didYouMean(opts.check, known)}`);
  }
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
    return;
  }
  const color = detectColor(process.env, process.stdout.isTTY === true);
  process.stdout.write(withColor(color, () => renderTimeline(history, paintStatus)));
  if (history.hosts.length === 0) process.stderr.write(`smoker: no host selected by "${opts.pattern}" ran ${opts.check}\n`);
}
