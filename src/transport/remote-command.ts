// Wraps a user command so the controller learns the remote process group and can kill the whole tree.
import { exportEnv, shellQuote } from './shell-quote.js';
import type { ExecOptions } from './types.js';

/** First stderr line the wrapper prints: marker, then the pid whose process group runs the command. */
export const PID_MARKER = '\u001eSMOKER-PID ';

/** The wrapper's first stderr line, read off the head of stderr. */
export interface PidLine {
  /** Whether the line was the marker (when not, `rest` is all of `head`: plain output). */
  marker: boolean;
  pid: number | undefined;
  /** What followed the line: the command's own stderr. */
  rest: Buffer;
}

/** Reads the pid line once `head` holds a whole line (or `maxWait` bytes without one); undefined until then. */
export function readPidLine(head: Buffer, maxWait = Infinity): PidLine | undefined {
  const nl = head.indexOf(10);
  if (nl < 0 && head.length < maxWait) return undefined;
  const line = head.subarray(0, nl < 0 ? head.length : nl).toString();
  if (!line.startsWith(PID_MARKER)) return { marker: false, pid: undefined, rest: head };
  return { marker: true, pid: Number(line.slice(PID_MARKER.length)) || undefined, rest: head.subarray(nl + 1) };
}

/**
 * Builds the remote command line. The shell reports its pid (sshd makes it a session leader, so also
 * the process group of what the command starts: the kill's fallback without /proc); the job marker in
 * `opts.env` (job-kill.ts) is what a kill looks for.
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
