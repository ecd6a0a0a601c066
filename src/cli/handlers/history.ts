// Handler of `smoker history`.
import { didYouMean } from '../../config/suggest.js';
import { SessionError, UsageError } from '../../errors.js';
import { detectColor, paintStatus, withColor } from '../../report/color.js';
import { buildHistories, execCommands } from '../../results/history.js';
import type { SessionMeta } from '../../results/session-types.js';
import { renderTimelines } from '../../report/history-text.js';
import { listSessions } from '../../results/session-list.js';
import { selectSessionHosts } from './session-hosts.js';

/** Prints one check's status per host across the sessions under root; exec's, one timeline per command it ran. */
export async function runHistory(opts: { check: string; root: string; pattern: string | undefined; last: number | undefined; output: 'timeline' | 'json'; command?: string | undefined }): Promise<void> {
  if (opts.last !== undefined && !(Number.isInteger(opts.last) && opts.last > 0)) throw new UsageError(`--last: expected a positive integer, got ${opts.last}`);
  if (opts.command !== undefined && opts.check !== 'exec') throw new UsageError(`a command after -- picks one of exec's histories; "${opts.check}" is not exec`);
  const { sessions, problems } = listSessions(opts.root);
  for (const p of problems) process.stderr.write(`warning: ${p}\n`);
  if (sessions.length === 0) throw new SessionError(`no sessions in ${opts.root}`);
  const keep = opts.pattern ? await selectSessionHosts(opts.pattern, sessions) : undefined;
  const sources = sessions.map((s) => ({ id: s.meta.id, report: s.report, execCommand: argvCommand(s.meta) }));
  const histories = buildHistories(sources, opts.check, {
    ...(opts.last !== undefined ? { last: opts.last } : {}),
    ...(keep ? { keepHost: (h: string) => keep.has(h) } : {}),
    ...(opts.command !== undefined ? { command: opts.command } : {}),
  });
  if (histories.every((h) => h.sessions.length === 0)) {
    if (opts.command !== undefined && execCommands(sources).length > 0) throw new UsageError(`no session in ${opts.root} ran exec "${opts.command}"${didYouMean(opts.command, execCommands(sources))}`);
    const known = new Set(sessions.flatMap((s) => Object.values(s.report.hosts).flatMap((h) => Object.keys(h.checks))));
    throw new UsageError(`no session in ${opts.root} ran a check "${opts.check}"${didYouMean(opts.check, known)}`);
  }
  if (opts.output === 'json') {
    // exec: a list, one history per command; any other check: its one history.
    process.stdout.write(`${JSON.stringify(opts.check === 'exec' ? histories : histories[0], null, 2)}\n`);
    return;
  }
  const color = detectColor(process.env, process.stdout.isTTY === true);
  process.stdout.write(withColor(color, () => renderTimelines(histories, paintStatus)));
  if (histories.every((h) => h.hosts.length === 0)) process.stderr.write(`smoker: no host selected by "${opts.pattern}" ran ${opts.check}\n`);
}

// An exec session written before results recorded the command: the words after `--` of its command line.
function argvCommand(meta: SessionMeta): string | undefined {
  const at = meta.command === 'exec' ? meta.argv.indexOf('--') : -1;
  return at < 0 ? undefined : meta.argv.slice(at + 1).join(' ');
}
