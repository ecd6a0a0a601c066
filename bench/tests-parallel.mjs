// `smoker test` at suite scale: 12 short tests (needs { node: 1 }, `sleep 1` each) on 12 lab hosts, with
// --max-parallel 4 against --max-parallel 1. Run as root from the repository after `npm run build`:
//   node bench/tests-parallel.mjs [--repeat N]        (prints a Markdown table; default 3 runs each)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLab } from './lib/labs.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3;
const { startLab, closeAllLabs } = await loadLab(repo);
const lab = await startLab({ hosts: 12, namePrefix: 'host' });
const dir = mkdtempSync(join(repo, 'bench', '.tests-parallel-'));
try {
  mkdirSync(join(dir, '.ssh'), { mode: 0o700 });
  const inventory = lab.writeInventory(join(dir, 'inventory.yaml'), { groups: { node: { hosts: ['host*'] } } });
  const tests = Array.from({ length: 12 }, (_, i) => `  t${String(i + 1).padStart(2, '0')}:\n    needs: { node: 1 }\n    steps: [ { exec: "sleep 1" } ]`);
  writeFileSync(join(dir, 'suite.yaml'), `tests:\n${tests.join('\n')}\n`);
  const runOnce = (parallel) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(repo, 'dist/bin/smoker.js'), 'test', join(dir, 'suite.yaml'), '-i', inventory, '--results', join(dir, 'results'), '--max-parallel', String(parallel)], { env: { ...process.env, HOME: dir, SSH_AUTH_SOCK: '' }, encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`smoker test --max-parallel ${parallel} exited ${r.status}: ${r.stdout}${r.stderr}`);
    const session = join(dir, 'results', readlinkSync(join(dir, 'results', 'latest')));
    const report = JSON.parse(readFileSync(join(session, 'report.json'), 'utf8'));
    return { wall, suite: report.durationMs };
  };
  const rows = { 1: [], 4: [] };
  for (let i = 0; i < repeat; i++) for (const p of i % 2 ? [4, 1] : [1, 4]) rows[p].push(runOnce(p));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const m1 = median(rows[1].map((r) => r.wall));
  const m4 = median(rows[4].map((r) => r.wall));
  process.stdout.write(`| --max-parallel | wall (median of ${repeat}) | range | session duration (median) |\n| --- | --- | --- | --- |\n`);
  for (const p of [1, 4]) {
    const walls = rows[p].map((r) => r.wall);
    process.stdout.write(`| ${p} | ${fmt(median(walls))} | ${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))} | ${fmt(median(rows[p].map((r) => r.suite)))} |\n`);
  }
  process.stdout.write(`\nratio (1 ÷ 4): ${(m1 / m4).toFixed(2)}x; the floor of 12 × sleep 1 is 12 s against 3 s (4x)\n`);
} finally {
  await closeAllLabs();
  rmSync(dir, { recursive: true, force: true });
}
