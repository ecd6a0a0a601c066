#!/usr/bin/env node
// Inventory scaling: `validate` and `hosts -o json` on generated inventories of 10k/50k/100k hosts.
// Usage: node bench/inventory-scaling.mjs [N...]   (needs dist/: npm run build; GNU time for peak RSS)
// Prints a Markdown table: wall time, CPU time (user+sys) and peak RSS per command and size.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/bin/smoker.js');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'smoker-inv-scaling-'));
const rows = ['| hosts | file | command | wall | CPU (user+sys) | peak RSS |', '| ---: | ---: | --- | ---: | ---: | ---: |'];
try {
  for (const n of sizes.length ? sizes : [10000, 50000, 100000]) {
    const file = join(dir, `inventory-${n}.yaml`);
    writeFileSync(file, execFileSync(process.execPath, [join(root, 'bench/gen-inventory.mjs'), String(n)], { maxBuffer: 1 << 30 }));
    const size = `${(execFileSync('stat', ['-c', '%s', file], { encoding: 'utf8' }).trim() / 1e6).toFixed(1)} MB`;
    for (const args of [['validate', file], ['hosts', file, '-o', 'json']]) {
      const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`smoker ${args[0]} failed: ${r.stderr.slice(-500)}`);
      const [wall, user, sys, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      rows.push(`| ${n.toLocaleString('en')} | ${size} | \`${args[0] === 'hosts' ? 'hosts -o json' : 'validate'}\` | ${wall.toFixed(1)} s | ${(user + sys).toFixed(1)} s | ${(kb / 1024).toFixed(0)} MB |`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(rows.join('\n'));
console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${new Date().toISOString()})`);
