// The remote command a watcher runs: follow one log from its current end, across rotation, on one channel.
import { shellQuote } from './shell-quote.js';
import { FOLLOW_FUNCTIONS, buildMarkEndShell, buildSleepShell } from './follow-sh.js';

/** First stdout line of a watcher: the end of the log is marked, later lines are new. */
export const WATCH_READY = '\u001eSMOKER-WATCH\n';

/**
 * Builds the watcher's script: mark the end of the log, say so, then `tail -F` from there; where
 * tail has no -F (it fails at once), a POSIX loop polls size and inode every half second.
 */
export function buildTailScript(path: string): string {
  return [
    `f=${shellQuote(path)}`,
    FOLLOW_FUNCTIONS,
    buildMarkEndShell('f'),
    `printf '\\036SMOKER-WATCH\\n'`,
    `if ( tail -c +1 -F /dev/null >/dev/null 2>&1 & p=$!; ${buildSleepShell('0.2')}; kill -0 $p 2>/dev/null && kill $p ); then`,
    `  exec tail -c +$((smk_off + 1)) -F "$f" 2>/dev/null`,
    `fi`,
    `while :; do`,
    `  if smk_stat "$f"; then smk_rotate "$f"; if [ "$smk_sz" -gt "$smk_off" ]; then smk_range "$f"; smk_off=$smk_sz; smk_rehead "$f"; fi; fi`,
    `  ${buildSleepShell('0.5')}`,
    `done`,
  ].join('\n');
}
