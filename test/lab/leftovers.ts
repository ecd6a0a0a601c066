// What a closed lab may have left behind, for tests that assert nothing is.

import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findLabProcesses } from './find-processes.js';
import { labBaseDir } from './lab-state.js';
import { listPids } from './process-info.js';
import { slotsDir } from './slots.js';

/** The pid namespace of `pid` (`pid:[inode]`), to find its processes after the host is gone; '' if none. */
export function readPidNamespace(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return '';
  }
}

/** Descriptions of every namespace, bridge, process, dir and address claim of lab `id` still present;
 * `pidNamespaces` (from readPidNamespace) also finds processes that do not mention the lab in their command line. */
export function findLeftovers(id: string, pidNamespaces: readonly string[] = []): string[] {
  const dir = join(labBaseDir(), id);
  const left: string[] = [];
  const ours = (name: string): boolean => name === id || (name.startsWith(id) && /^\D/.test(name.slice(id.length)));
  for (const n of list('/run/netns').filter(ours)) left.push(`netns ${n}`);
  for (const n of list('/sys/class/net').filter(ours)) left.push(`link ${n}`);
  for (const pid of findLabProcesses(`${dir}/`, [])) left.push(`process ${pid}: ${readCmdline(pid)}`);
  // Plain-mode hosts share this process's pid namespace: that one says nothing.
  const namespaces = new Set(pidNamespaces.filter((ns) => ns && ns !== readPidNamespace(process.pid)));
  if (namespaces.size) {
    for (const pid of listPids()) if (pid !== process.pid && namespaces.has(readPidNamespace(pid))) left.push(`process ${pid} in a host: ${readCmdline(pid)}`);
  }
  if (existsSync(dir)) left.push(`dir ${dir}`);
  for (const s of list(slotsDir(labBaseDir()))) {
    if (read(join(slotsDir(labBaseDir()), s)) === id) left.push(`slot ${s}`);
  }
  return left;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readCmdline(pid: number): string {
  return read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ').trim();
}
