// The remote side of a shared session: one /bin/sh that runs the commands it reads, one at a time, each framed.
import { END_MARK } from './frame-reader.js';
import { commandLaunch, commandPrelude, PID_MARKER } from './remote-command.js';
import { shellQuote } from './shell-quote.js';
import type { ExecOptions } from './types.js';

/** `$$` or `${$}` in a command: it needs a shell of its own. */
const OWN_PID = /\$\$|\$\{\$\}/;

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
 * One job line: the command in a subshell with stdin from /dev/null (so it cannot read the next jobs). The
 * subshell evaluates the command itself, saving the exec of a new /bin/sh per command, unless the command
 * uses `$$`: that must be its own shell's pid, as in a session of its own. Either way the command does not
 * see the shell's own names (l: the job line, n: a newline, e: the marker function).
 */
export function sharedJobLine(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  const run = OWN_PID.test(command) ? commandLaunch(command, opts) : `${commandPrelude(opts)}eval "unset l n; unset -f e; "${shellQuote(command)}`;
  // Newlines occur only inside single-quoted words (shellQuote): close the quote, insert "$n", reopen.
  // The words of eval are expanded before it runs the unset, so "$n" still holds its newline there.
  return `(${run.replaceAll('\n', `'"$n"'`)}) </dev/null\n`;
}
