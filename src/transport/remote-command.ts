// Wraps a user command so the controller learns the remote process group and can kill the whole tree.
import { exportEnv, shellQuote } from './shell-quote.js';
import type { ExecOptions } from './types.js';

/** First stderr line the wrapper prints: marker, then the pid whose process group runs the command. */
export const PID_MARKER = '\u001eSMOKER-PID ';

/**
 * Builds the remote command line. sshd makes each session's shell a session leader, so `$$` is
 * also the process group of everything the command starts; under sudo the inner shell reports its
 * own pid and the kill command looks its group up in /proc.
 */
export function wrapCommand(command: string, opts: Pick<ExecOptions, 'env' | 'cwd' | 'sudo' | 'sudoPasswordEnv'>, password?: string): string {
  const inner = `printf '${PID_MARKER}%s\\n' "$$" >&2; ${commandLaunch(command, opts)}`;
  if (!opts.sudo) return inner;
  const sudo = password === undefined ? 'sudo -n' : "sudo -S -p ''";
  return `exec ${sudo} -- /bin/sh -c ${shellQuote(inner)}`;
}

/** `export ...; cd DIR && exec /bin/sh -c COMMAND`: the command in /bin/sh with its environment and directory. */
export function commandLaunch(command: string, opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  return `${commandPrelude(opts)}exec /bin/sh -c ${shellQuote(command)}`;
}

/** `export ...; cd DIR && `: what precedes a command to give it its environment and directory. */
export function commandPrelude(opts: Pick<ExecOptions, 'env' | 'cwd'>): string {
  return `${exportEnv(opts.env ?? {})}${opts.cwd ? `cd ${shellQuote(opts.cwd)} && ` : ''}`;
}

/** The command that kills the process group holding `pid` (TERM, then KILL). */
export function killTreeCommand(pid: number): string {
  // Field 5 of /proc/PID/stat is the process group; the comm field may hold spaces, so cut after ") ".
  const pg = `pg=$(sed 's/.*) //' /proc/${pid}/stat 2>/dev/null | cut -d' ' -f3); [ -n "$pg" ] || pg=${pid}`;
  // `kill -SIG -PGID`, not `kill -SIG -- -PGID`: dash (Debian's /bin/sh) and busybox reject the `--`.
  return `${pg}; kill -TERM -"$pg" 2>/dev/null || kill -TERM ${pid} 2>/dev/null; sleep 0.3; kill -KILL -"$pg" 2>/dev/null; true`;
}
