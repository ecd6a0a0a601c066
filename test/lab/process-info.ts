// Facts about processes read from /proc: start time (to tell a live owner from a reused pid), children.

import { readFileSync, readdirSync } from 'node:fs';

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or undefined if gone. */
export function readStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs and, when `startTime` is given, is still the process that started then. */
export function isProcessAlive(pid: number, startTime?: number): boolean {
  const now = readStartTime(pid);
  if (now === undefined) return false;
  return startTime === undefined || now === startTime;
}

/** Pids of the direct children of `pid` (empty when it has none or is gone). */
export function readChildren(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(' ').map(Number) : [];
  } catch {
    return [];
  }
}

/** Every pid in /proc. */
export function listPids(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

/** Sends SIGKILL, ignoring a process that is already gone (and pids <= 0, which would mean a group). */
export function killQuietly(pid: number): void {
  if (pid <= 0) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone, or not ours
  }
}
