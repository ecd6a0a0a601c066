// A 20-step scenario on 10 lab hosts (issue 18): `smoker test` against `ansible-playbook` with the same 20 tasks,
// and against the ssh2 floor (the same commands over connections opened once), in the same run, order alternating.
// Run as root from the repository after `npm run build`:
//   node bench/test-scenario.mjs [--repeat N] [--hosts N] [--no-ansible] [--other-smoker PATH/dist/bin/smoker.js]
//   (a Markdown table; default 3 runs each, 10 hosts; --other-smoker measures another build in the same run, as other / other+bg)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLab, startBenchLab, writeTarget } from './lib/labs.mjs';
import { BACKGROUND, STEPS, ansiblePlaybook, smokerYaml } from './lib/scenario-steps.mjs';
import { killAll } from './lib/measure.mjs';
import { readAll, readCmdline } from './lib/proc.mjs';
import { allTools } from './lib/tools.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const repeat = arg('--repeat', 3);
const hostCount = arg('--hosts', 10);
const otherSmoker = process.argv.includes('--other-smoker') ? resolve(process.argv[process.argv.indexOf('--other-smoker') + 1]) : undefined;
const { closeAllLabs } = await loadLab(repo);
const dir = mkdtempSync(join(repo, 'bench', '.test-scenario-'));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
try {
  const lab = await startBenchLab(repo, { hosts: hostCount, shared: false });
  mkdirSync(join(dir, '.ssh'), { mode: 0o700 });
  const target = writeTarget(lab, join(dir, 'target'), { port: 22, command: 'true', repo, tmp: dir });
  const inventory = lab.writeInventory(join(dir, 'inventory.yaml'), { groups: { node: { hosts: ['host*'] } } });
  writeFileSync(join(dir, 'suite.yaml'), smokerYaml());
  writeFileSync(join(dir, 'suite-bg.yaml'), smokerYaml({ background: true }));
  writeFileSync(join(dir, 'playbook.yml'), ansiblePlaybook());
  const env = { ...process.env, HOME: dir, SSH_AUTH_SOCK: '' };

  const timed = (cmd, args, extraEnv = {}) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { env: { ...env, ...extraEnv }, cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    return { wall, stdout: r.stdout };
  };
  // From step 2's start to the last step's end: the steps over connections already open.
  const stepsSpan = (steps) => Date.parse(steps.at(-1).startedAt) + steps.at(-1).durationMs - Date.parse(steps[1].startedAt);
  // The foreground steps: `skip` leading execs (the background) are not among them.
  const smoker = (file, skip, cli = join(repo, 'dist/bin/smoker.js')) => {
    const r = timed(process.execPath, [cli, 'test', join(dir, file), '-i', inventory, '--results', join(dir, 'results')]);
    const report = JSON.parse(readFileSync(join(dir, 'results', readlinkSync(join(dir, 'results', 'latest')), 'report.json'), 'utf8'));
    const test = report.tests.scenario20;
    const steps = test.steps.filter((x) => x.kind === 'exec').slice(skip);
    if (steps.length !== STEPS.length || test.status !== 'PASS') throw new Error(`smoker ${file}: ${test.status}, ${steps.length} steps`);
    return { wall: r.wall, span: stepsSpan(steps) };
  };
  const floor = (extra) => {
    const r = timed(process.execPath, [join(repo, 'bench/lib/ssh2-steps.mjs'), target.hostsFile, target.user, target.key, target.knownHosts, JSON.stringify(STEPS.map((s) => s.command)), ...extra]);
    return { wall: r.wall, span: JSON.parse(r.stdout).stepMs.slice(1).reduce((a, b) => a + b, 0) };
  };
  const tools = {
    smoker: () => smoker('suite.yaml', 0),
    // The same steps while a background workload prints on every host (its exec is the first step, its join the last).
    'smoker+bg': () => smoker('suite-bg.yaml', 1),
    ansible: async () => {
      const run = allTools().find((t) => t.id === 'ansible-command').run(target);
      const r = timed('ansible-playbook', ['-i', target.ansibleInventory, join(dir, 'playbook.yml'), '-f', String(hostCount), '-u', target.user, '--private-key', target.key], run.env);
      const recap = /ok=(\d+)\s+changed=\d+\s+unreachable=(\d+)\s+failed=(\d+)/g;
      const oks = [...r.stdout.matchAll(recap)].filter((m) => Number(m[1]) === STEPS.length && m[2] === '0' && m[3] === '0').length;
      if (oks !== hostCount) throw new Error(`ansible-playbook: ${oks} of ${hostCount} hosts did all ${STEPS.length} tasks\n${r.stdout}`);
      // Its ControlPersist masters outlive it: found by this run's own ControlPath dir in their command line, killed by pid.
      await killAll(readAll().filter((p) => p.pid !== process.pid && readCmdline(p.pid).includes(run.orphanMarker)).map((p) => p.pid));
      return { wall: r.wall };
    },
    ...(otherSmoker ? { other: () => smoker('suite.yaml', 0, otherSmoker), 'other+bg': () => smoker('suite-bg.yaml', 1, otherSmoker) } : {}),
    floor: () => floor([]),
    'floor+bg': () => floor([BACKGROUND]),
  };
  if (process.argv.includes('--no-ansible')) delete tools.ansible;
  const order = Object.keys(tools);
  const rows = Object.fromEntries(order.map((k) => [k, []]));
  for (let i = 0; i < repeat; i++) for (const k of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) rows[k].push(await tools[k]());
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const m = Object.fromEntries(order.map((k) => [k, median(rows[k].map((r) => r.wall))]));
  process.stdout.write(`${STEPS.length} steps on ${hostCount} lab hosts, ${repeat} runs each; load average before ${loadBefore}, after ${load()}\n\n`);
  process.stdout.write(`| tool | wall (median) | range | steps 2–${STEPS.length} (median) |\n| --- | --- | --- | --- |\n`);
  for (const k of order) {
    const walls = rows[k].map((r) => r.wall);
    const span = rows[k][0].span === undefined ? '–' : s(median(rows[k].map((r) => r.span)));
    process.stdout.write(`| ${k} | ${s(m[k])} | ${s(Math.min(...walls))}–${s(Math.max(...walls))} | ${span} |\n`);
  }
  const spanOf = (k) => median(rows[k].map((r) => r.span));
  const over = (k, base) => ((spanOf(k) - spanOf(base)) / (STEPS.length - 1)).toFixed(1);
  if (m.ansible) process.stdout.write(`\nansible-playbook ÷ smoker test: ${(m.ansible / m.smoker).toFixed(2)}x (target ≥ 5x)\n`);
  process.stdout.write(`smoker step overhead over the ssh2 floor on open connections: ${over('smoker', 'floor')} ms a step; with the background workload on both, ${over('smoker+bg', 'floor+bg')} ms (target ≤ 20 ms)\n`);
  if (otherSmoker) process.stdout.write(`other (${otherSmoker}) step overhead over the floor: ${over('other', 'floor')} ms a step; with the background workload, ${over('other+bg', 'floor+bg')} ms\n`);
} finally {
  await closeAllLabs();
  rmSync(dir, { recursive: true, force: true });
}
