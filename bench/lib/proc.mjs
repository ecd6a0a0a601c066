// Reads /proc: the processes of a tree, their resident memory and CPU ticks.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second of /proc/PID/stat times. */
export const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const PAGE = Number(execFileSync('getconf', ['PAGESIZE']).toString().trim()) || 4096;

/** One line of /proc/PID/stat: parent, CPU ticks (own and reaped children's), resident bytes; undefined if gone. */
export function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // Field 2 (comm) may hold spaces and parentheses: fields 3.. start after the last ") ".
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i) => Number(f[i - 3]);
  return { pid: Number(pid), ppid: n(4), utime: n(14), stime: n(15), cutime: n(16), cstime: n(17), rss: n(24) * PAGE };
}

/** Every process now, as readStat gives it. */
export function readAll() {
  const all = [];
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const s = readStat(name);
    if (s) all.push(s);
  }
  return all;
}

/** The command line of a process ('' once it is gone). */
export function readCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Descendants of `root` (not root itself) among `all`. */
export function descendants(all, root) {
  const kids = new Map();
  for (const p of all) {
    const list = kids.get(p.ppid);
    if (list) list.push(p);
    else kids.set(p.ppid, [p]);
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    for (const c of kids.get(stack.pop()) ?? []) {
      out.push(c);
      stack.push(c.pid);
    }
  }
  return out;
}

/** Own plus reaped children's CPU ticks of the given pids (a server's listener reaps every session). */
export function treeTicks(pids) {
  let sum = 0;
  for (const pid of pids) {
    const s = readStat(pid);
    if (s) sum += s.utime + s.stime + s.cutime + s.cstime;
  }
  return sum;
}
