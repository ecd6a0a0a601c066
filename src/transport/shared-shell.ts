// The remote side of a shared session: one /bin/sh that runs the commands it reads, one at a time, each framed.
import { END_MARK } from './frame-reader.js';
import { commandLaunch, PID_MARKER } from './remote-command.js';
import { exportEnv, shellQuote } from './shell-quote.js';
import type { ExecOptions } from './types.js';

/**
 * The session's command: a /bin/sh that reports its pid (the session's process group, for kills), then
 * evaluates one job per line of its stdin and after each prints the end marker with the job's status on
 * both streams, after a newline so it starts a line whatever the command printed last.
 */
export function sharedShellCommand(nonce: string): string {
  const end = `'\\n${END_MARK}${nonce} %s\\n'`;
  const script = `printf '${PID_MARKER}%s\\n' "$$" >&2; n='\n'; e() { printf ${end} "$1"; printf ${end} "$1" >&2; }; while IFS= read -r l; do eval "$l"; e $?; done`;
  return `exec /bin/sh -c ${shellQuote(script)}`;
}

/**
 * One job line: the command in a subshell with stdin from /dev/null (so it cannot read the next jobs).
 * A plain command is eval'd in that forked subshell (no new /bin/sh: the exec was most of a cheap check's
 * cost on the host); its job marker is exported, so every program it runs carries it in /proc, and a
 * kill finds the subshell itself as the shell's child (job-kill.ts `first`). A command that uses `$$`
 * (its own pid, as in a session of its own) or puts something in the background (`&`: a forked, not
 * exec'd, subshell could outlive the job without the marker) execs a fresh /bin/sh as before.
 * Either way the command sees none of the shell's names, and `$0` is /bin/sh.
 */
export function sharedJobLine(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  const run = needsOwnShell(command) ? commandLaunch(command, opts) : evalLaunch(command, opts);
  // Newlines occur only inside single-quoted words (shellQuote): close the quote, insert "$n", reopen.
  return `(${run.replaceAll('\n', `'"$n"'`)}) </dev/null\n`;
}

/** Whether a command needs a /bin/sh of its own: it uses `$$`, or a `&` that is not `&&`, `>&` or `<&`. */
export function needsOwnShell(command: string): boolean {
  return command.includes('$$') || command.replace(/&&|[<>]&/g, '').includes('&');
}

/**
 * `export ...; cd DIR || exit; set -- COMMAND; unset ...; eval "set --; $1"`: the shell's names are
 * dropped once the command text is in `$1` (its "$n" expanded), and `$1` once eval has it.
 */
function evalLaunch(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  const cd = opts.cwd ? `cd ${shellQuote(opts.cwd)} || exit; ` : '';
  return `${exportEnv(opts.env ?? {})}${cd}set -- ${shellQuote(command)}; unset l n; unset -f e; eval "set --; $1"`;
}
