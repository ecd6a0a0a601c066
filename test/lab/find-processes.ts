// Finds a lab's processes by what they carry (its dir in their command line, its port in SSH_CONNECTION,
// its network namespace), for cleanup when no pid-1 kill covers them.

import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { listPids } from './process-info.js';

/** Pids (not this process) whose command line mentions `marker`, or whose SSH_CONNECTION ends at one of `ports`. */
export function findLabProcesses(marker: string, ports: readonly number[]): number[] {
  const found: number[] = [];
  const portSuffixes = ports.map((p) => ` ${p}\0`);
  for (const pid of listPids()) {
    if (pid === process.pid) continue;
    if (readProcFile(pid, 'cmdline').includes(marker)) found.push(pid);
    else if (portSuffixes.length && matchesSshPort(readProcFile(pid, 'environ'), portSuffixes)) found.push(pid);
  }
  return found;
}

/** Pids of processes inside any of the named network namespaces (/run/netns/NAME). */
export function findNamespacePids(netns: readonly string[]): number[] {
  const inodes = new Set<string>();
  for (const name of netns) {
    try {
      inodes.add(`net:[${statSync(`/run/netns/${name}`).ino}]`);
    } catch {
      // already gone
    }
  }
  if (!inodes.size) return [];
  return listPids().filter((pid) => {
    try {
      return inodes.has(readlinkSync(`/proc/${pid}/ns/net`));
    } catch {
      return false;
    }
  });
}

function matchesSshPort(environ: string, portSuffixes: readonly string[]): boolean {
  const start = environ.indexOf('SSH_CONNECTION=');
  if (start < 0) return false;
  const end = environ.indexOf('\0', start);
  const value = `${environ.slice(start, end < 0 ? undefined : end)}\0`;
  return portSuffixes.some((s) => value.endsWith(s));
}

function readProcFile(pid: number, name: string): string {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'latin1');
  } catch {
    return '';
  }
}
