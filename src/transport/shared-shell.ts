// The remote side of a shared session: one /bin/sh that runs the commands it reads, one at a time, each framed.
import { END_MARK } from './frame-reader.js';
import { commandLaunch, PID_MARKER } from './remote-command.js';
import { shellQuote } from './shell-quote.js';
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
 * One job line: the command in a subshell with stdin from /dev/null (so it cannot read the next jobs),
 * which execs a fresh /bin/sh: only a process exec'd with the job marker in its environment carries it
 * in /proc (a forked subshell keeps the shared shell's), and a kill must find the command's own shell.
 * The command sees none of the shell's names, and `$$` is its own pid as in a session of its own.
 */
export function sharedJobLine(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  const run = commandLaunch(command, opts);
  // Newlines occur only inside single-quoted words (shellQuote): close the quote, insert "$n", reopen.
  return `(${run.replaceAll('\n', `'"$n"'`)}) </dev/null\n`;
}
