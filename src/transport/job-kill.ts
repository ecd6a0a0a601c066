// Marks each command's processes with a job id in their environment and kills exactly those processes.
import { randomBytes } from 'node:crypto';

/** The environment variable every process of a command inherits: how a kill finds the command's whole tree. */
export const JOB_VAR = 'SMOKER_JOB';

/** This process's part of every job id: random, so two smoker runs on one host never share an id. */
const JOB_PREFIX = randomBytes(5).toString('hex');
let jobCount = 0;

/**
 * A fresh job id: 16 hex digits, all of one length, so one id is never a prefix of another. The
 * process's random prefix and a count (a random read per command cost ~30 µs of CPU in `run`).
 */
export function newJobId(): string {
  jobCount = (jobCount + 1) % 0x1000000;
  return JOB_PREFIX + jobCount.toString(16).padStart(6, '0');
}

/** The command's environment with its job marker added. */
export function withJob(env: Readonly<Record<string, string>> | undefined, job: string): Record<string, string> {
  return { ...env, [JOB_VAR]: job };
}

/** What a kill targets: the job's processes, and (fallback without /proc, or a session of its own) a process group. */
export interface KillTarget {
  /** Job ids whose processes are killed wherever they are (setsid and daemonized ones included). */
  jobs: readonly string[];
  /** A pid whose process group is killed too: only where the group belongs to the job alone. */
  group?: number | undefined;
  /** A pid whose group is killed when /proc is missing (not Linux): the best there is, even if shared. */
  fallbackGroup?: number | undefined;
  /**
   * A shared session's shell: stopped before anything else, so it starts no job queued behind; its
   * children then (the running job's subshell, which may carry no marker) are killed with the job; then it is killed.
   */
  first?: number | undefined;
}

/**
 * The shell command that kills a job: every process whose initial environment holds `SMOKER_JOB=<id>`
 * (forks keep it, setsid keeps it, a daemon keeps it) and every descendant of those (for commands that
 * clear their environment: sudo, env -i), TERM first, then KILL until none is left. Processes of other
 * commands carry other ids and are never touched. Without /proc, the process group is all there is.
 */
export function killJobCommand(target: KillTarget): string {
  const ids = target.jobs.filter((j) => /^[0-9a-f]{16}$/.test(j));
  const group = target.group !== undefined && Number.isInteger(target.group) && target.group > 1 ? target.group : undefined;
  const fallback = target.fallbackGroup !== undefined && Number.isInteger(target.fallbackGroup) && target.fallbackGroup > 1 ? target.fallbackGroup : group;
  // `kill -SIG -PGID`, not `kill -SIG -- -PGID`: dash (Debian's /bin/sh) and busybox reject the `--`.
  const groupKill = (g: number | undefined, sig: string) => (g === undefined ? '' : `kill -${sig} -${g} 2>/dev/null; `);
  const shell = target.first !== undefined && Number.isInteger(target.first) && target.first > 1 ? target.first : undefined;
  // k: the stopped shell's children (from stat: pid, ppid), seeds of the first search only (their pids are not reused by then).
  const first =
    shell === undefined ? '' : `kill -STOP ${shell} 2>/dev/null; k=$(sed -n 's/^\\([0-9]*\\) (.*) . ${shell} .*/\\1/p' /proc/[0-9]*/stat 2>/dev/null | tr '\\n' ' '); kill -KILL ${shell} 2>/dev/null; `;
  if (!ids.length) return `${first}${groupKill(fallback, 'TERM')}sleep 0.3; ${groupKill(fallback, 'KILL')}true`;
  const patterns = ids.map((j) => `-e ${JOB_VAR}=${j}`).join(' ');
  const script = [
    // f: the pids marked with one of the ids, then their descendants (pid/ppid from stat; comm may hold spaces and parens).
    `f() { s=" $(grep -laF ${patterns} /proc/[0-9]*/environ 2>/dev/null | sed 's|^/proc/||; s|/environ$||' | tr '\\n' ' ') $k "`,
    `t=$(sed -n 's/^\\([0-9]*\\) (.*) . \\([0-9]*\\) .*/\\1 \\2/p' /proc/[0-9]*/stat 2>/dev/null)`,
    `c=1; while [ $c = 1 ]; do c=0; while read -r p q; do case "$s" in *" $q "*) case "$s" in *" $p "*) ;; *) s="$s$p "; c=1;; esac;; esac; done <<EOF\n$t\nEOF\ndone`,
    // Never ourselves (a marked parent could have started this shell only by accident, but be sure).
    `s=$(echo "$s" | tr ' ' '\\n' | grep -vx -e "$$" -e '' | tr '\\n' ' '); }`,
    `${first}if [ -r /proc/self/environ ]; then`,
    // What TERM found gets KILL too: a descendant without the marker is no longer found once its parent died.
    `f; a=$s; k=; [ -n "$s" ] && kill -TERM $s 2>/dev/null; ${groupKill(group, 'TERM')}sleep 0.3; [ -n "$a" ] && kill -KILL $a 2>/dev/null`,
    `for i in 1 2 3 4 5; do f; [ -z "$s" ] && break; kill -KILL $s 2>/dev/null; sleep 0.1; done; ${groupKill(group, 'KILL')}`,
    `else ${groupKill(fallback, 'TERM')}sleep 0.3; ${groupKill(fallback, 'KILL')}fi; true`,
  ];
  return script.join('\n');
}
