// Runs one tool invocation and measures it: wall time, CPU of its whole process tree, peak memory.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLK_TCK, descendants, readAll, readCmdline, readStat } from './proc.mjs';

/**
 * Runs `cmd args` under GNU time (user+sys of the tool and every child it waited for, largest
 * single RSS) with the open-files limit raised, kills its process group after `timeoutMs`, and
 * samples the summed RSS of its process tree when `sampleTree` (several processes). Processes that
 * left the tree but name `orphanMarker` in their command line (ansible's ControlPersist masters)
 * are counted in RSS, their CPU is added at the end, and then they are killed.
 */
export async function measure({ cmd, args, env, cwd, timeoutMs, sampleTree, orphanMarker, stdoutPath, stderrPath, onStart, onEnd }) {
  const timeFile = `${stdoutPath}.time`;
  const out = openSync(stdoutPath, 'w');
  const err = openSync(stderrPath, 'w');
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'sh', '-c', 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"', 'sh', cmd, ...args], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  onStart?.(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, end: performance.now() })));

  let treePeak = 0;
  const orphanCache = new Map();
  const isOrphan = (p) => {
    if (!orphanMarker) return false;
    let hit = orphanCache.get(p.pid);
    if (hit === undefined) orphanCache.set(p.pid, (hit = readCmdline(p.pid).includes(orphanMarker)));
    return hit;
  };
  let done = false;
  const sampler = (async () => {
    let interval = 50;
    while (!done && sampleTree) {
      const t = performance.now();
      const all = readAll();
      const tree = new Set(descendants(all, child.pid));
      for (const p of all) if (!tree.has(p) && p.ppid !== child.pid && isOrphan(p)) tree.add(p);
      let sum = 0;
      for (const p of tree) sum += p.rss;
      treePeak = Math.max(treePeak, sum);
      // Keep the sampler's own CPU near 5% of one core however many processes there are, yet sample every second at least.
      interval = Math.min(1000, Math.max(50, (performance.now() - t) * 20));
      await Promise.race([sleep(interval), exited]);
    }
  })();
  const ended = await exited;
  onEnd?.(child.pid);
  done = true;
  clearTimeout(timer);
  await sampler;
  const wallMs = ended.end - start;

  let orphanTicks = 0;
  const orphans = orphanMarker ? readAll().filter((p) => p.pid !== process.pid && isOrphan(p)) : [];
  for (const p of orphans) orphanTicks += p.utime + p.stime + p.cutime + p.cstime;
  await killAll(orphans.map((p) => p.pid));

  const timeText = safeRead(timeFile).trim().split('\n').pop() ?? '';
  rmSync(timeFile, { force: true });
  const [, user, sys, maxRssKb] = timeText.split(' ').map(Number);
  return {
    wallMs,
    cpuS: (user || 0) + (sys || 0) + orphanTicks / CLK_TCK,
    userS: user || 0,
    sysS: sys || 0,
    orphanCpuS: orphanTicks / CLK_TCK,
    orphans: orphans.length,
    peakRssMiB: Math.max(treePeak / 2 ** 20, (maxRssKb || 0) / 1024),
    maxProcessRssMiB: (maxRssKb || 0) / 1024,
    exitCode: ended.code,
    signal: ended.signal,
    timedOut,
  };
}

/** SIGTERM, then SIGKILL a second later, for processes this run started (by pid). */
export async function killAll(pids) {
  for (const pid of pids) signal(pid, 'SIGTERM');
  if (pids.length === 0) return;
  for (let i = 0; i < 20 && pids.some((pid) => readStat(pid)); i++) await sleep(50);
  for (const pid of pids) if (readStat(pid)) signal(pid, 'SIGKILL');
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // gone
  }
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
