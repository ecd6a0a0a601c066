#!/usr/bin/env node
// `npm run bench`: smoker against the minimal ssh2 script, parallel-ssh, pdsh, clush and ansible on
// real OpenSSH lab hosts, in one run. See bench/README.md for what is measured and how.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { preflight, describeMachine } from './lib/preflight.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_TOOLS = ['floor', 'floor256', 'smoker', 'smoker-run', 'smoker-run-other', 'pssh', 'pdsh', 'clush', 'ansible-command', 'ansible-raw'];
const PEERS = ['floor', 'smoker', 'pssh', 'pdsh', 'clush', 'ansible-command', 'ansible-raw'];

const { values: opt } = parseArgs({
  options: {
    workloads: { type: 'string', default: 'exec-100,run-100,exec-100-latency,exec-1000' },
    tools: { type: 'string', default: ALL_TOOLS.join(',') },
    hosts: { type: 'string', default: '100' },
    large: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '25' },
    repeat: { type: 'string', default: '3' },
    'ansible-repeat': { type: 'string', default: '1' },
    'startup-runs': { type: 'string', default: '15' },
    timeout: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-install': { type: 'boolean', default: false },
    out: { type: 'string' },
    // Another build of smoker (its dist/bin/smoker.js) whose `run` is measured beside this one's, same lab, same rounds.
    'other-smoker': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  process.stdout.write(readFileSync(join(repo, 'bench/README.md'), 'utf8'));
  process.exit(0);
}

const small = Number(opt.hosts);
const large = Number(opt.large);
const repeat = opt.quick ? 1 : Number(opt.repeat);
const ansibleRepeat = Number(opt['ansible-repeat']);
const tools = new Set(opt.tools.split(','));
const started = Date.now();
const log = (m) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);

/** The workloads: which lab, which port (2222 = through the delay proxy), which tools. */
const WORKLOADS = {
  'exec-100': { lab: 'small', port: 22, title: `exec \`true\` on ${small} hosts (one sshd per host)`, tools: PEERS },
  'run-100': { lab: 'small', port: 22, title: `run 20 command checks on ${small} hosts, against smoker exec on the same hosts`, tools: ['smoker', 'smoker-run', 'smoker-run-other'] },
  'exec-100-latency': { lab: 'latency', port: 2222, title: `exec \`true\` on ${small} hosts with ${opt.latency} ms one-way latency (one shared sshd behind the delay proxy; server CPU includes the proxy's)`, tools: [...PEERS, 'smoker-run'] },
  'run-1000': { lab: 'large', port: 22, checks: 'checks-5.yaml', title: `run 5 command checks on ${large} hosts, against smoker exec on the same hosts`, tools: ['smoker', 'smoker-run', 'smoker-run-other'] },
  'exec-1000': { lab: 'large', port: 22, title: `exec \`true\` on ${large} hosts (one shared sshd on ${large} addresses)`, tools: ['floor', 'floor256', 'smoker', 'pssh', 'pdsh', 'clush', 'ansible-command', 'ansible-raw'] },
};
const LABS = {
  small: { hosts: small, shared: false },
  latency: { hosts: small, shared: true, delayMs: Number(opt.latency) },
  large: { hosts: large, shared: true },
};

const active = { proxy: undefined, groups: new Set() };
process.on('exit', () => {
  active.proxy?.kill('SIGKILL');
  for (const pgid of active.groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

async function main() {
  const workloads = opt.workloads.split(',').filter(Boolean);
  for (const w of workloads) if (!WORKLOADS[w]) throw new Error(`unknown workload ${w} (known: ${Object.keys(WORKLOADS).join(', ')})`);
  preflight(repo, { install: !opt['no-install'], log });
  const [{ measure }, { allTools }, labs, { treeTicks, CLK_TCK }, report, { measureStartup }] = await Promise.all([
    import('./lib/measure.mjs'),
    import('./lib/tools.mjs'),
    import('./lib/labs.mjs'),
    import('./lib/proc.mjs'),
    import('./lib/report.mjs'),
    import('./lib/startup.mjs'),
  ]);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = resolve(opt.out ?? join(repo, 'bench/out', stamp));
  mkdirSync(join(outDir, 'logs'), { recursive: true });
  // Short: ansible's ControlPath sockets live under it and must fit in 108 bytes.
  const tmp = mkdtempSync(join(tmpdir(), 'smkbench-'));
  // Where the tools run (smoker writes its session there): beside the output, not in /tmp, whose ext4
  // directory on the bench machine costs ~0.7 ms of kernel time per mkdir (20x a fresh directory).
  const scratch = join(outDir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const machine = describeMachine();
  log(`machine: ${machine.nproc} CPUs, ${machine.memory}, ${machine.kernel}, load ${machine.loadavg}; output in ${outDir}`);

  log('start-up timings');
  const startup = measureStartup(repo, scratch, opt.quick ? 5 : Number(opt['startup-runs']));
  log(`node -e 0 ${startup.node.medianMs.toFixed(0)} ms, smoker --help ${startup.help.medianMs.toFixed(0)} ms, run local ${startup.runLocal.medianMs.toFixed(0)} ms (medians)`);

  const runs = [];
  const env = { ...process.env };
  delete env.SSH_AUTH_SOCK;
  for (const labName of Object.keys(LABS)) {
    const mine = workloads.filter((w) => WORKLOADS[w].lab === labName);
    if (mine.length === 0) continue;
    const spec = LABS[labName];
    log(`starting lab ${labName}: ${spec.hosts} hosts${spec.shared ? ', one shared sshd' : ', one sshd each'}`);
    const lab = await labs.startBenchLab(repo, spec);
    try {
      if (spec.delayMs !== undefined) {
        active.proxy = await labs.startDelayProxy(repo, lab, { listenPort: 2222, delayMs: spec.delayMs });
        log(`delay proxy up: port 2222 → 22, ${spec.delayMs} ms each way`);
      }
      // Behind the delay proxy, the proxy is part of the "network": its CPU counts with the server's.
      const servers = [...labs.serverPids(lab), ...(active.proxy ? [active.proxy.pid] : [])];
      for (const w of mine) {
        const wl = WORKLOADS[w];
        const target = { ...labs.writeTarget(lab, join(tmp, w), { port: wl.port, command: 'true', repo, tmp }), checks: join(repo, 'bench/fixtures', wl.checks ?? 'checks-20.yaml'), otherSmoker: opt['other-smoker'] && resolve(opt['other-smoker']) };
        const list = allTools().filter((t) => wl.tools.includes(t.id) && tools.has(t.id) && (t.id !== 'smoker-run-other' || target.otherSmoker));
        const timeoutMs = (Number(opt.timeout) || (spec.hosts >= 1000 ? 1800 : 600)) * 1000;
        for (let round = 0; round < Math.max(repeat, ansibleRepeat); round++) {
          // Rotate the order each round so no tool always runs right after a heavy one.
          const order = list.map((_, i) => list[(i + round) % list.length]);
          for (const tool of order) {
            const isAnsible = tool.id.startsWith('ansible');
            if (round >= (isAnsible ? ansibleRepeat : repeat)) continue;
            if (opt.quick && isAnsible && spec.hosts >= 1000) continue;
            const cmd = tool.run(target);
            const base = join(outDir, 'logs', `${w}-${tool.id}-${round + 1}`);
            // A scratch dir per run: smoker writes its session under ./results, Ansible reads no ansible.cfg.
            const cwd = mkdtempSync(join(scratch, 'run-'));
            const before = treeTicks(servers);
            const m = await measure({
              cmd: cmd.cmd,
              args: cmd.args,
              env: { ...env, ...cmd.env },
              cwd,
              timeoutMs,
              sampleTree: tool.multiProcess,
              orphanMarker: cmd.orphanMarker,
              stdoutPath: `${base}.out`,
              stderrPath: `${base}.err`,
              onStart: (pid) => active.groups.add(pid),
              onEnd: (pid) => active.groups.delete(pid),
            });
            // Sessions are reaped (and their CPU added to the listener's) once the client has gone.
            await sleep(spec.hosts >= 1000 ? 2000 : 700);
            const serverCpuS = (treeTicks(servers) - before) / CLK_TCK;
            const stdout = readFileSync(`${base}.out`, 'utf8');
            const stderr = readFileSync(`${base}.err`, 'utf8');
            const { problems = [], ...counted } = tool.count({ stdout, stderr, exitCode: m.exitCode, cwd }, target);
            rmSync(cwd, { recursive: true, force: true });
            const r = { workload: w, tool: tool.id, label: tool.label, round: round + 1, hosts: target.hosts.length, ...m, serverCpuS, ...counted };
            runs.push(r);
            for (const [why, n] of countDistinct(problems).slice(0, 3)) log(`  ${n} host(s): ${why}`);
            log(
              `${w} ${tool.id} #${round + 1}: ${(m.wallMs / 1000).toFixed(2)} s wall, ${m.cpuS.toFixed(2)} s CPU, ${m.peakRssMiB.toFixed(0)} MiB, server ${serverCpuS.toFixed(1)} s, ` +
                `${r.ok}/${r.hosts} OK${r.checks !== undefined ? `, checks ${r.checksOk}/${r.checks}` : ''}${m.timedOut ? ' TIMED OUT' : ''}${m.exitCode ? ` exit ${m.exitCode}` : ''}`,
            );
          }
        }
      }
    } finally {
      active.proxy?.kill('SIGTERM');
      active.proxy = undefined;
      await lab.close();
    }
  }

  const results = {};
  for (const w of workloads) results[w] = report.summarize(runs.filter((r) => r.workload === w));
  const targets = report.judgeTargets(results, startup);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const md = [
    `## Run of ${machine.date}`,
    '',
    `Command: \`${command}\` (${((Date.now() - started) / 60000).toFixed(1)} min). Machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory}, ${machine.os}, ${machine.kernel}; ` +
      `node ${machine.node}, ssh2 ${machine.ssh2}, ${machine.openssh}; ${machine.pssh ? `parallel-ssh ${machine.pssh}, ` : ''}${machine.pdsh}, clush ${machine.clush}, ${machine.ansible}. ` +
      `Load average at start: ${machine.loadavg.split(' ').slice(0, 3).join(' ')}; at end: ${describeMachine().loadavg.split(' ').slice(0, 3).join(' ')}.`,
    '',
    '### Start-up',
    '',
    '| command | median ms | min ms | max ms |',
    '| --- | --- | --- | --- |',
    `| \`node -e 0\` (Node alone, for reference) | ${startup.node.medianMs.toFixed(0)} | ${startup.node.minMs.toFixed(0)} | ${startup.node.maxMs.toFixed(0)} |`,
    `| \`smoker --help\` | ${startup.help.medianMs.toFixed(0)} | ${startup.help.minMs.toFixed(0)} | ${startup.help.maxMs.toFixed(0)} |`,
    `| \`smoker run inventories/local.yaml\` | ${startup.runLocal.medianMs.toFixed(0)} | ${startup.runLocal.minMs.toFixed(0)} | ${startup.runLocal.maxMs.toFixed(0)} |`,
    '',
    ...workloads.flatMap((w) => [`### ${WORKLOADS[w].title}`, '', report.workloadTable(results[w]), '']),
    '### Targets',
    '',
    report.targetsTable(targets),
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'summary.md'), md);
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ machine, command, startup, runs, results, targets }, null, 2)}\n`);
  rmSync(tmp, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`${md}\n`);
  log(`done: ${join(outDir, 'summary.md')}`);
}

/** Distinct messages with how often each occurs, commonest first (host names and addresses folded). */
function countDistinct(messages) {
  const counts = new Map();
  for (const m of messages) {
    const key = String(m).replace(/host\d+|\d+\.\d+\.\d+\.\d+/g, 'HOST');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

main().catch((err) => {
  log(`failed: ${err.stack ?? err}`);
  process.exitCode = 1;
});
