#!/usr/bin/env node
// Rolling restart benchmark (issue 18): smoker `bounce --serial 1` against `ansible-playbook` (serial: 1)
// doing the same tasks (stop, start, wait for the port) on lab hosts, and the floor: the service's own
// restart time measured on each host (stop, start, port open, polled every 10 ms), summed over hosts.
//
//   node bench/bounce.mjs [--hosts 10] [--repeat 2] [--slow 1] [--out DIR] [--other-smoker PATH/dist/bin/smoker.js]
//
// As root (the lab needs network namespaces). Same lab, same run, tools in rotating order; prints a
// Markdown table with the load average at the start and the end.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './lib/measure.mjs';
import { startBenchLab, loadLab } from './lib/labs.mjs';
import { median } from './lib/report.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    hosts: { type: 'string', default: '10' },
    repeat: { type: 'string', default: '2' },
    slow: { type: 'string', default: '1' },
    out: { type: 'string' },
    // Another build of smoker (e.g. the main branch's dist/bin/smoker.js) measured in the same run.
    'other-smoker': { type: 'string' },
  },
});
const PORT = 8000;
const hostsN = Number(opt.hosts);
const repeat = Number(opt.repeat);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const log = (m) => process.stderr.write(`[bounce] ${m}\n`);
// The demo service waits SLOW seconds before it listens: a service that needs about that long to come back.
const ENV = { DEMO_DIR: '/tmp/demo', DEMO_PORT: String(PORT), DEMO_DELAY: '0', SLOW: opt.slow };
const envSh = Object.entries(ENV).map(([k, v]) => `${k}=${v}`).join(' ');

async function main() {
  const out = resolve(opt.out ?? join(repo, 'bench/out', `bounce-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  mkdirSync(join(out, 'logs'), { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'smkbounce-'));
  const loadStart = load();
  log(`${hostsN} hosts, ${repeat} rounds, load ${loadStart}; output in ${out}`);
  const lab = await startBenchLab(repo, { hosts: hostsN, shared: false });
  try {
    const script = readFileSync(join(repo, 'fixtures/service/demo-service.sh'), 'utf8');
    await Promise.all(lab.hosts.map(async (h) => {
      const r = await lab.exec(h.name, `mkdir -p /tmp/demo && cat > /tmp/demo/demo-service.sh && chown -R ${lab.user} /tmp/demo && runuser -u ${lab.user} -- env ${envSh} sh /tmp/demo/demo-service.sh start`, { input: script });
      if (r.code !== 0) throw new Error(`install on ${h.name}: ${r.stderr}`);
    }));
    const services = join(out, 'services.yaml');
    writeFileSync(services, `services:
  demo:
    start: sh /tmp/demo/demo-service.sh start
    stop: sh /tmp/demo/demo-service.sh stop
    env: { ${Object.entries(ENV).map(([k, v]) => `${k}: "${v}"`).join(', ')} }
    wait: [{ port: ${PORT} }]
    waitTimeout: 60s
    bounce: { serial: 1 }
`);
    const inventory = lab.writeInventory(join(out, 'inventory.yaml'), { checks: [services] });
    const ini = join(out, 'ansible.ini');
    writeFileSync(ini, `[all]\n${lab.hosts.map((h) => h.address).join('\n')}\n`);
    const playbook = join(out, 'bounce.yml');
    writeFileSync(playbook, `- hosts: all
  serial: 1
  gather_facts: false
  environment: ${JSON.stringify(ENV)}
  tasks:
    - name: stop
      shell: sh /tmp/demo/demo-service.sh stop
    - name: start
      shell: sh /tmp/demo/demo-service.sh start
    - name: wait for the port
      wait_for: { host: 127.0.0.1, port: ${PORT}, timeout: 60 }
`);
    const common = ['-F', '/dev/null', '-o', `UserKnownHostsFile=${lab.knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'StrictHostKeyChecking=yes', '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none'];
    const envBase = { ...process.env };
    delete envBase.SSH_AUTH_SOCK;
    const tools = {
      other: () => ({ cmd: process.execPath, args: [resolve(opt['other-smoker'] ?? ''), 'bounce', 'demo', '-i', inventory, '--serial', '1', '--results', join(out, 'results-other')], env: envBase }),
      smoker: () => ({ cmd: process.execPath, args: [join(repo, 'dist/bin/smoker.js'), 'bounce', 'demo', '-i', inventory, '--serial', '1', '--results', join(out, 'results')], env: envBase }),
      ansible: () => {
        const controlDir = mkdtempSync(join(tmp, 'cp-'));
        return {
          cmd: 'ansible-playbook',
          args: ['-i', ini, playbook, '-u', lab.user, '--private-key', lab.clientKey],
          env: { ...envBase, ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir, ANSIBLE_SSH_COMMON_ARGS: common.join(' '), ANSIBLE_HOST_KEY_CHECKING: 'True', ANSIBLE_PYTHON_INTERPRETER: 'auto_silent', ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: 'False' },
          orphanMarker: controlDir,
        };
      },
    };
    const runs = { floor: [], smoker: [], ansible: [], other: [] };
    const order = ['floor', 'smoker', 'ansible', ...(opt['other-smoker'] ? ['other'] : [])];
    for (let round = 0; round < repeat; round++) {
      for (let k = 0; k < order.length; k++) {
        const id = order[(k + round) % order.length];
        let ms;
        if (id === 'floor') ms = await floor(lab);
        else {
          const t = tools[id]();
          const m = await measure({ ...t, cwd: tmp, timeoutMs: 600_000, stdoutPath: join(out, 'logs', `${id}-${round}.out`), stderrPath: join(out, 'logs', `${id}-${round}.err`) });
          if (m.exitCode !== 0) throw new Error(`${id} exited ${m.exitCode}: see ${out}/logs/${id}-${round}.*`);
          ms = m.wallMs;
        }
        runs[id].push(ms);
        log(`round ${round + 1}: ${id} ${(ms / 1000).toFixed(2)} s (load ${load()})`);
      }
    }
    const med = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
    const range = (v) => `${(Math.min(...v) / 1000).toFixed(2)}–${(Math.max(...v) / 1000).toFixed(2)}`;
    const table = [
      `### bounce ${hostsN} hosts, serial 1 (stop, start, wait for port ${PORT}; the service listens ~${opt.slow} s after start)`,
      '',
      `load average ${loadStart} at the start, ${load()} at the end; ${repeat} rounds, medians (range)`,
      '',
      '| what | wall s | range s | ÷ floor |',
      '| --- | ---: | --- | ---: |',
      ...order.map((id) => `| ${id === 'floor' ? 'floor: the service\'s own restart, summed over hosts' : id === 'smoker' ? 'smoker bounce --serial 1' : id === 'other' ? `smoker bounce --serial 1 (${opt['other-smoker']})` : 'ansible-playbook serial: 1'} | ${(med[id] / 1000).toFixed(2)} | ${range(runs[id])} | ${(med[id] / med.floor).toFixed(2)}× |`),
      '',
      `smoker ÷ floor **${(med.smoker / med.floor).toFixed(2)}×**, ansible-playbook ÷ smoker **${(med.ansible / med.smoker).toFixed(2)}×**`,
      '',
    ].join('\n');
    writeFileSync(join(out, 'summary.md'), table);
    writeFileSync(join(out, 'results.json'), JSON.stringify({ hosts: hostsN, runs, load: { start: loadStart, end: load() } }, null, 2));
    process.stdout.write(`${table}\n`);
  } finally {
    await lab.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The floor: on each host in turn, the service's own stop, start and port open (polled every 10 ms), timed on the host. */
async function floor(lab) {
  let total = 0;
  for (const h of lab.hosts) {
    const inner = `t0=$(date +%s%N); sh /tmp/demo/demo-service.sh stop >/dev/null; sh /tmp/demo/demo-service.sh start >/dev/null; until bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT}' 2>/dev/null; do sleep 0.01; done; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))`;
    const r = await lab.exec(h.name, `runuser -u ${lab.user} -- env ${envSh} sh -c '${inner.replace(/'/g, `'\\''`)}'`, { timeoutMs: 60_000 });
    const ms = Number(r.stdout.trim());
    if (r.code !== 0 || !Number.isFinite(ms)) throw new Error(`floor on ${h.name}: ${r.stderr || r.stdout}`);
    total += ms;
  }
  return total;
}

main().then(
  async () => (await loadLab(repo)).closeAllLabs?.(),
  (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
