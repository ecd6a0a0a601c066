// Path and process operations on a host, as shell over the connection (same on SSH and local): exists, mkdir, remove, signal.
import { TransportError } from '../errors.js';
import { shellQuote } from './shell-quote.js';
import type { CommandOutput, ExecOptions } from './types.js';

type Exec = (command: string, opts?: ExecOptions) => Promise<CommandOutput>;

const OP_TIMEOUT_MS = 60_000;

/** Whether anything (file, directory, even a dangling symlink) is at the path. */
export async function pathExists(host: string, exec: Exec, path: string): Promise<boolean> {
  const out = await exec(`[ -e ${shellQuote(path)} ] || [ -L ${shellQuote(path)} ]`, { timeoutMs: OP_TIMEOUT_MS });
  if (out.exitCode === 0) return true;
  if (out.exitCode === 1) return false;
  throw failure(host, `exists ${path}`, out);
}

/** `mkdir -p`: the directory and its parents; an existing one is fine. */
export async function makeDir(host: string, exec: Exec, path: string): Promise<void> {
  const out = await exec(`mkdir -p -- ${shellQuote(path)}`, { timeoutMs: OP_TIMEOUT_MS });
  if (out.exitCode !== 0) throw failure(host, `mkdir ${path}`, out);
}

/** `rm -rf`: the path and everything under it; a missing path is fine. Refuses `/` and the empty path. */
export async function removePath(host: string, exec: Exec, path: string): Promise<void> {
  if (path.trim() === '' || /^\/+$/.test(path.trim())) throw new TransportError(`${host}: refusing to remove "${path}"`, { code: 'E_REMOVE_REFUSED' });
  const out = await exec(`rm -rf -- ${shellQuote(path)}`, { timeoutMs: OP_TIMEOUT_MS });
  if (out.exitCode !== 0) throw failure(host, `remove ${path}`, out);
}

/**
 * Sends a signal to a pid, or to every process whose command line matches a pattern (pgrep -f); returns the
 * pids signalled (none when nothing matched). The pattern travels on stdin, so the shell doing it never matches.
 */
export async function signalProcesses(host: string, exec: Exec, target: number | string, signal: string | number = 'TERM', opts: Pick<ExecOptions, 'sudo' | 'sudoPasswordEnv'> = {}): Promise<number[]> {
  const sig = normalizeSignal(signal);
  const script =
    typeof target === 'number'
      ? `kill -s ${sig} ${Math.trunc(target)} && echo ${Math.trunc(target)}`
      : `IFS= read -r p; pids=$(pgrep -f -- "$p" | grep -vx "$$"); [ -n "$pids" ] || exit 0; kill -s ${sig} $pids 2>/dev/null; echo $pids`;
  if (typeof target === 'number' && (!Number.isInteger(target) || target <= 1)) throw new TransportError(`${host}: refusing to signal pid ${target}`, { code: 'E_SIGNAL_REFUSED' });
  const out = await exec(script, { timeoutMs: OP_TIMEOUT_MS, ...opts, ...(typeof target === 'string' ? { stdin: `${target}\n` } : {}) });
  if (out.exitCode !== 0) throw failure(host, `signal ${sig} ${target}`, out);
  return out.stdout.split(/\s+/).filter(Boolean).map(Number);
}

/** `KILL`, `SIGKILL`, `kill` or 9 → the name `kill -s` takes (`KILL`, or the number). */
export function normalizeSignal(signal: string | number): string {
  if (typeof signal === 'number') {
    if (!Number.isInteger(signal) || signal < 0 || signal > 64) throw new TransportError(`not a signal number: ${signal}`, { code: 'E_SIGNAL' });
    return String(signal);
  }
  const name = signal.toUpperCase().replace(/^SIG/, '');
  if (!/^[A-Z][A-Z0-9+-]*$/.test(name)) throw new TransportError(`not a signal name: "${signal}"`, { code: 'E_SIGNAL' });
  return name;
}

function failure(host: string, what: string, out: CommandOutput): TransportError {
  const why = out.stderr.trim().split('\n').slice(-3).join('; ') || (out.timedOut ? 'timed out' : `exit ${out.exitCode ?? out.signal}`);
  return new TransportError(`${host}: ${what} failed: ${why}`, { code: 'E_REMOTE_OP' });
}
