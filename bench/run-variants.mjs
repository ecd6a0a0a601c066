// `smoker run` variants against `smoker exec true` on one lab (one sshd per host), interleaved, in one run
// (a variant with `exec` runs `smoker exec` of that command instead: a floor such as the checks' commands in one shell):
// wall, client CPU and the lab's server CPU, medians, and the ratios to exec. As root, after `npm run build`:
//   VARIANTS='{"main":{},"other":{"cli":"/path/dist/bin/smoker.js"},"knob":{"env":{"X":"1"}},
//     "profiled":{"node":["--cpu-prof"]},"floor":{"exec":"cmd1; cmd2"}}' \
//   HOSTS=100 ROUNDS=3 [CHECKS=bench/fixtures/checks-20.yaml] [CHECK_COPIES=N] node bench/run-variants.mjs
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { measure } = await import('./lib/measure.mjs');
const labs = await import('./lib/labs.mjs');
const { treeTicks, CLK_TCK } = await import('./lib/proc.mjs');
const hosts = Number(process.env.HOSTS ?? 100);
const rounds = Number(process.env.ROUNDS ?? 3);
const variants = JSON.parse(process.env.VARIANTS ?? '{"base":{}}');
const copies = Number(process.env.CHECK_COPIES ?? 1);
let checks = process.env.CHECKS ?? `${repo}/bench/fixtures/checks-20.yaml`;
const lab = await labs.startBenchLab(repo, { hosts, shared: false });
const tmp = mkdtempSync('/tmp/ab-');
if (copies > 1) {
  // CHECK_COPIES=N: every check N times under new names (more checks a host, same kinds).
  const { createRequire } = await import('node:module');
  const yaml = createRequire(import.meta.url)('yaml');
  const all = yaml.parse(readFileSync(checks, 'utf8')).checks;
  const many = {};
  for (let i = 0; i < copies; i++) for (const [k, v] of Object.entries(all)) many[`${k}-${i}`] = v;
  checks = join(tmp, 'checks.yaml');
  writeFileSync(checks, yaml.stringify({ checks: many }, { aliasDuplicateObjects: false }));
}
const t = labs.writeTarget(lab, tmp, { port: 22, command: 'true', repo, tmp });
const servers = labs.serverPids(lab);
const res = {};
try {
  for (let r = 0; r < rounds; r++) {
    const names = ['exec', ...Object.keys(variants)];
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      const cli = variants[name]?.cli ?? `${repo}/dist/bin/smoker.js`;
      const execCmd = name === 'exec' ? 'true' : variants[name]?.exec;
      const node = variants[name]?.node ?? [];
      const args = execCmd ? [...node, cli, 'exec', t.inventory, '--', execCmd] : [...node, cli, 'run', t.inventory, '--checks', checks, '--no-results', '-o', 'json'];
      const before = treeTicks(servers);
      const cwd = mkdtempSync('/tmp/abrun-');
      const m = await measure({ cmd: process.execPath, args, env: { ...process.env, ...(variants[name]?.env ?? {}) }, cwd, timeoutMs: 300000, stdoutPath: join(tmp, 'out'), stderrPath: join(tmp, 'err') });
      await sleep(700);
      const server = (treeTicks(servers) - before) / CLK_TCK;
      let okc = '';
      if (name !== 'exec' && !variants[name]?.exec) { try { const j = JSON.parse(readFileSync(join(tmp, 'out'), 'utf8')); okc = j.counts.checks.OK; } catch { okc = 'ERR'; } }
      rmSync(cwd, { recursive: true, force: true });
      (res[name] ??= []).push({ wall: m.wallMs / 1000, cpu: m.cpuS, server });
      console.log(`${name} #${r + 1}: wall ${(m.wallMs / 1000).toFixed(2)} cpu ${m.cpuS.toFixed(2)} (user ${m.userS.toFixed(2)} sys ${m.sysS.toFixed(2)}) server ${server.toFixed(2)} ok ${okc} exit ${m.exitCode}`);
    }
  }
} finally { await lab.close(); }
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const e = res.exec;
for (const [name, rs] of Object.entries(res)) {
  const w = med(rs.map((x) => x.wall)), c = med(rs.map((x) => x.cpu)), s = med(rs.map((x) => x.server));
  console.log(`${name.padEnd(12)} wall ${w.toFixed(2)} (${(w / med(e.map((x) => x.wall))).toFixed(2)}x)  client ${c.toFixed(2)}  server ${s.toFixed(2)}  total ${(c + s).toFixed(2)} (${((c + s) / (med(e.map((x) => x.cpu)) + med(e.map((x) => x.server)))).toFixed(2)}x)`);
}
