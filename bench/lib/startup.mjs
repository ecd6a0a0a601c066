// Start-up latency of the CLI: `smoker --help` and `smoker run inventories/local.yaml`, wall time per process,
// beside `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './report.mjs';

/** Runs each command `times` times (after one warm-up) and returns median and min wall ms. */
export function measureStartup(repo, tmp, times) {
  const main = join(repo, 'dist/bin/smoker.js');
  // `run` writes its session under ./results: run it from a scratch dir, not the repository.
  const cwd = mkdtempSync(join(tmp, 'startup-'));
  const timeOf = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args[0] === '-e' ? args : [main, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    return { ms: performance.now() - t, status: r.status };
  };
  const series = (args) => {
    timeOf(args);
    const runs = Array.from({ length: times }, () => timeOf(args));
    const ms = runs.map((r) => r.ms);
    return { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), exitCodes: [...new Set(runs.map((r) => r.status))] };
  };
  // `node -e 0`: what Node itself costs on this machine at this moment, the floor under both.
  const out = { node: series(['-e', '0']), help: series(['--help']), runLocal: series(['run', join(repo, 'inventories/local.yaml')]) };
  rmSync(cwd, { recursive: true, force: true });
  return out;
}
