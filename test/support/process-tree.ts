// A process and everything it started, found through /proc, so a hung test run can be ended completely.

import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { listPids, readChildren } from '../lab/process-info.js';

/** `pid` and all its descendants, parents before children; also processes of its process group
 * whose parent already died (an orphan is re-parented to init but keeps the group). */
export function listProcessTree(pid: number): number[] {
  const tree: number[] = [];
  const seen = new Set<number>();
  const visit = (p: number): void => {
    if (seen.has(p)) return;
    seen.add(p);
    tree.push(p);
    for (const child of readChildren(p)) visit(child);
  };
  visit(pid);
  for (const p of listProcessGroup(pid)) visit(p);
  return tree;
}

/** The processes of process group `pgid` (still there after its leader exited). */
export function listProcessGroup(pgid: number): number[] {
  return listPids().filter((p) => readProcessGroup(p) === pgid);
}

/** Sends `signal` to `pid`'s whole tree (see listProcessTree); returns how many processes it reached. */
export function signalTree(pid: number, signal: NodeJS.Signals): number {
  return signalAll(listProcessTree(pid), signal);
}

/** Sends `signal` to each of `pids` that still exists; returns how many it reached. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): number {
  let reached = 0;
  for (const p of pids) {
    try {
      process.kill(p, signal);
      reached++;
    } catch {
      // gone already
    }
  }
  return reached;
}

/** What a process is doing, for a hang report: state, the kernel function it waits in, its syscall, per thread. */
export function describeProcess(pid: number): string {
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return '?';
    }
  };
  const state = /^State:\s*(.*)$/m.exec(read(`/proc/${pid}/status`))?.[1] ?? 'gone';
  const lines = [`pid ${pid} (${read(`/proc/${pid}/comm`)}) state ${state}`];
  const main = `/proc/${pid}/task/${pid}`;
  const syscall = read(`${main}/syscall`);
  lines.push(`  main thread: wchan ${read(`${main}/wchan`)}, syscall ${syscall}${describeFd(pid, syscall)}`);
  const stack = read(`${main}/stack`);
  if (stack !== '?' && stack !== '') lines.push(...stack.split('\n').map((l) => `    ${l}`));
  const native = readNativeBacktrace(pid);
  if (native) lines.push('  native backtrace (gdb):', ...native.split('\n').map((l) => `    ${l}`));
  return lines.join('\n');
}

/** For a thread blocked in read, write, pread or pwrite: which file its fd is (a FIFO, /proc/PID/cmdline...). */
function describeFd(pid: number, syscall: string): string {
  const [nr, fd] = syscall.split(' ');
  if (!['0', '1', '17', '18'].includes(nr ?? '') || fd === undefined) return '';
  try {
    return ` on fd ${Number(fd)} = ${readlinkSync(`/proc/${pid}/fd/${Number(fd)}`)}`;
  } catch {
    return '';
  }
}

/** The native stack of `pid`'s main thread when gdb is installed (it names the blocking call), else undefined. */
function readNativeBacktrace(pid: number): string | undefined {
  try {
    const out = execFileSync('gdb', ['-p', String(pid), '-batch', '-nx', '-ex', 'bt 20'], { timeout: 30_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter((l) => /^#/.test(l) && !l.includes(' in ?? ')).join('\n') || undefined;
  } catch {
    return undefined;
  }
}

function readProcessGroup(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}
