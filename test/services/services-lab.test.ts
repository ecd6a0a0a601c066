// start, stop, status, wait, restart and bounce of a real service on three real sshd hosts (SPEC §6), end to end.
import { expect } from 'chai';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startLab, type Lab } from '../lab/index.js';
import { CLI } from '../support/cli.js';
import { DEMO_PORT, canConnect, demoPid, hostIn, installDemo, latestSession, prepareHome, readReport, smokerIn, startPoller, stepsOf } from './support.js';

const SERVICES = `
services:
  demo:
    start: sh /tmp/demo/demo-service.sh start
    stop: sh /tmp/demo/demo-service.sh stop
    status: sh /tmp/demo/demo-service.sh status
    env: { DEMO_DIR: /tmp/demo, DEMO_PORT: "${DEMO_PORT}", DEMO_DELAY: "0.5" }
    wait:
      - port: ${DEMO_PORT}
      - http: http://127.0.0.1:${DEMO_PORT}/
      - log: { path: /tmp/demo/demo.log, pattern: " started$" }
    waitTimeout: 20s
    logs: { demo: /tmp/demo/demo.log }
    watch: { path: /tmp/demo/demo.log, name: demo.log }
    bounce: { serial: 1, pause: 300ms }
  probes:
    wait:
      - port: ${DEMO_PORT}
      - http: "http://{{ address }}:${DEMO_PORT}/"
      - command: test -s /tmp/demo/demo.pid
      - log: { path: /tmp/demo/later.log, pattern: "ready \\\\d+ on {{ host }}$" }
    waitTimeout: 20s
  never:
    wait:
      - port: 8999
      - http: http://127.0.0.1:8999/
      - log: { path: /tmp/demo/demo.log, pattern: "never written" }
      - command: "false"
    waitTimeout: 2s
`;

const DEMO_STEPS = ['start OK', `wait port ${DEMO_PORT} OK`, `wait http http://127.0.0.1:${DEMO_PORT}/ OK`, 'wait log /tmp/demo/demo.log / started$/ OK'];

describe('service operations on a 3-host lab @lab', function () {
  this.timeout(180_000);
  let lab: Lab;
  let env: ReturnType<typeof prepareHome>;
  const names = ['host1', 'host2', 'host3'];
  const pids = async () => Promise.all(names.map((n) => demoPid(lab, n)));
  const flag = (host: string, name: string, on: boolean) => lab.exec(host, on ? `touch /tmp/demo/${name} && chown ${lab.user} /tmp/demo/${name}` : `rm -f /tmp/demo/${name}`);

  before(async () => {
    lab = await startLab({ hosts: 3 });
    await installDemo(lab);
    env = prepareHome(lab, SERVICES);
  });

  after(async () => {
    await lab?.close();
    if (env) rmSync(env.home, { recursive: true, force: true });
  });

  it('start: runs start on every host, then waits for port, http and log; per-op logs and watch files in the session', async () => {
    const r = await smokerIn(env, ['start', 'demo']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const session = latestSession(env.results);
    const report = readReport(session);
    for (const h of names) expect(stepsOf(report, h), h).to.deep.equal(DEMO_STEPS);
    const waitLog = hostIn(report, 'host1').checks['wait log /tmp/demo/demo.log / started$/'];
    expect(waitLog?.messages.info[0]).to.match(/^\/ started\$\/ in \/tmp\/demo\/demo\.log after [\d.]+m?s: .* started$/);
    expect(r.stdout).to.match(/^host1 +\[OK\]$/m).and.to.match(/3 hosts: 3 OK · 12 checks: 12 OK/);
    const opLog = readFileSync(join(session, 'services/demo/host2/start.log'), 'utf8');
    expect(opLog).to.contain('>> start: sh /tmp/demo/demo-service.sh start').and.to.match(/stdout\| demo started \(pid \d+, port 8000\)/).and.to.contain('<< wait port 8000: OK');
    expect(readFileSync(join(session, 'watch/host2/demo.log'), 'utf8')).to.contain('listening on port 8000');
    expect(JSON.parse(readFileSync(join(session, 'session.json'), 'utf8'))).to.include({ command: 'start', state: 'complete' });
    for (const h of lab.hosts) expect(await canConnect(h.address, DEMO_PORT), h.name).to.equal(true);
  });

  it('status: a table of running hosts, exit 0', async () => {
    const r = await smokerIn(env, ['status', 'demo']);
    expect(r.code, r.stderr).to.equal(0);
    for (const h of names) expect(r.stdout).to.match(new RegExp(`│ demo +│ ${h} +│ running +│ running \\(pid \\d+\\)`));
  });

  it('wait: every kind of condition passes, a log condition only on lines written after it began, across rotation', async () => {
    // Old matching lines exist before the wait; a second later each host writes a new one its own way.
    const writers = {
      host1: 'echo "ready 42 on host1" >> /tmp/demo/later.log',
      host2: 'mv /tmp/demo/later.log /tmp/demo/later.log.1 && echo "ready 42 on host2" > /tmp/demo/later.log',
      host3: ': > /tmp/demo/later.log && echo "ready 42 on host3" >> /tmp/demo/later.log',
    };
    for (const [h, write] of Object.entries(writers)) {
      await lab.exec(h, `echo "ready 1 on ${h}" > /tmp/demo/later.log && chown ${lab.user} /tmp/demo/later.log`);
      // The writer waits until the wait loop polls on the host (its script names the file), then a second more.
      const polling = `ps -ww -eo args | grep -q '[F]=/tmp/demo/later.log'`;
      await lab.exec(h, `(i=0; until ${polling} || [ $i -gt 300 ]; do sleep 0.1; i=$((i+1)); done; sleep 1; ${write}) >/dev/null 2>&1 </dev/null &`);
    }
    const r = await smokerIn(env, ['wait', 'probes', '-o', 'long']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const report = readReport(latestSession(env.results));
    for (const host of lab.hosts) {
      const steps = hostIn(report, host.name).checks;
      expect(Object.keys(steps)).to.deep.equal([`wait port ${DEMO_PORT}`, `wait http http://${host.address}:${DEMO_PORT}/`, 'wait command test -s /tmp/demo/demo.pid', `wait log /tmp/demo/later.log /ready \\d+ on ${host.name}$/`]);
      const log = steps[`wait log /tmp/demo/later.log /ready \\d+ on ${host.name}$/`];
      expect(log?.messages.info[0], host.name).to.match(new RegExp(`: ready 42 on ${host.name}$`));
      expect(log?.durationMs, host.name).to.be.greaterThan(1000);
      expect(steps[`wait port ${DEMO_PORT}`]?.messages.info[0]).to.match(/^port 8000 after \d+ms: open \(nc\)$/);
    }
  });

  it('wait: each kind times out after waitTimeout with its own message; exit 1', async () => {
    const t0 = Date.now();
    const r = await smokerIn(env, ['wait', 'never', '-H', 'host1']);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    expect(Date.now() - t0).to.be.lessThan(15_000);
    const steps = hostIn(readReport(latestSession(env.results)), 'host1').checks;
    const errors = Object.values(steps).map((s) => `${s.status} ${s.messages.error[0]}`);
    expect(errors).to.deep.equal([
      'ERROR timed out after 2s waiting for port 8999 (last: connection refused or timed out (nc))',
      'ERROR timed out after 2s waiting for HTTP 2xx/3xx from http://127.0.0.1:8999/ (last: no answer (curl))',
      'ERROR timed out after 2s waiting for /never written/ in /tmp/demo/demo.log (last: no new line matched yet)',
      'ERROR timed out after 2s waiting for command "false" to succeed (last: exit 1)',
    ]);
    for (const s of Object.values(steps)) expect(s.durationMs).to.be.within(1900, 6000);
    expect(r.stdout).to.contain('[error] timed out after 2s waiting for port 8999');
    // Nothing keeps polling on the host.
    expect((await lab.exec('host1', 'ps -eo args | grep -c "[s]mk_probe" || true')).stdout.trim()).to.equal('0');
  });

  it('restart: stops all, then starts all; every pid changes', async () => {
    const before = await pids();
    const r = await smokerIn(env, ['restart', 'demo']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const report = readReport(latestSession(env.results));
    for (const h of names) expect(stepsOf(report, h)).to.deep.equal(['stop OK', 'wait stopped OK', ...DEMO_STEPS]);
    const after = await pids();
    after.forEach((p, i) => expect(p, names[i]).to.be.a('number').and.not.equal(before[i]));
  });

  it('start on hosts whose service logs a Python traceback and a Java stack trace: a WARN `log watcher` component quoting them', async () => {
    await smokerIn(env, ['stop', 'demo', '-H', 'host1']);
    await flag('host1', 'exceptions', true);
    try {
      const r = await smokerIn(env, ['start', 'demo', '-H', 'host1']);
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      const session = latestSession(env.results);
      const host = hostIn(readReport(session), 'host1');
      expect(host.status).to.equal('WARN');
      const watched = Object.values(host.checks).filter((c) => c.components['log watcher']);
      expect(watched).to.have.length(1);
      const component = watched[0]!.components['log watcher']!;
      expect(component.status).to.equal('WARN');
      const [python, java] = component.messages.warn;
      expect(python).to.match(/^demo\.log line \d+: Python traceback: KeyError: 'replicas'\n  Traceback \(most recent call last\):\n    File "<string>", line \d+, in python_trace/);
      expect(java).to.match(/^demo\.log line \d+: Java exception: Exception in thread "main" java\.lang\.IllegalStateException: demo broker failed to start\n/);
      expect(java).to.contain('\tat com.example.demo.Broker.start(Broker.java:42)').and.to.contain('Caused by: java.net.BindException: Address already in use');
      expect(r.stdout).to.match(/-- log watcher +\[WARN\]/).and.to.contain("[warn] demo.log line");
      const seen = readFileSync(join(session, 'watch/host1/demo.log'), 'utf8');
      expect(seen).to.contain('Traceback (most recent call last):').and.to.contain('listening on port 8000');
      expect(seen).to.not.contain('stopping (signal 15)'); // the watcher saw only this operation
    } finally {
      await flag('host1', 'exceptions', false);
    }
  });

  it('bounce --serial 1: a poller on the controller never sees two hosts down at once', async () => {
    const before = await pids();
    const poller = startPoller(lab.hosts, DEMO_PORT, 50);
    const r = await smokerIn(env, ['bounce', 'demo', '--serial', '1']);
    const ticks = await poller.stop();
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.contain('bounce demo: 3 bounced (host[1-3]) · 0 failed · 0 left · 3 batches');
    const worst = ticks.reduce((m, t) => Math.max(m, t.down.length), 0);
    expect(worst, JSON.stringify(ticks.filter((t) => t.down.length > 1))).to.be.at.most(1);
    for (const h of names) expect(ticks.some((t) => t.down.includes(h)), `${h} was never seen down`).to.equal(true);
    expect(ticks.length).to.be.greaterThan(20);
    // Hosts went down one after another, in order.
    const firstDown = names.map((h) => ticks.find((t) => t.down.includes(h))?.at ?? 0);
    expect([...firstDown].sort((a, b) => a - b)).to.deep.equal(firstDown);
    const after = await pids();
    after.forEach((p, i) => expect(p).to.not.equal(before[i]));
    const session = latestSession(env.results);
    expect(readFileSync(join(session, 'summary.txt'), 'utf8')).to.contain('bounce demo: 3 bounced');
    expect(stepsOf(readReport(session), 'host2')).to.deep.equal(['stop OK', 'wait stopped OK', ...DEMO_STEPS, 'bounce OK']);
    // No idle gap between batches: each next host was connected while the batch before it still worked.
    const stamp = (host: string, text: string) => {
      const line = readFileSync(join(session, `services/demo/${host}/bounce.log`), 'utf8').split('\n').find((l) => l.includes(text));
      if (!line) throw new Error(`no "${text}" in ${host}'s bounce.log`);
      return Date.parse(line.slice(0, line.indexOf(' ')));
    };
    for (const [prev, next] of [['host1', 'host2'], ['host2', 'host3']] as const) {
      expect(stamp(next, `bounce demo on ${next}`), `${next} begun before ${prev} was healthy`).to.be.at.most(stamp(prev, '<< wait log'));
      expect(stamp(next, ' connected'), `${next} connected before ${prev} was healthy`).to.be.at.most(stamp(prev, '<< wait log'));
    }
  });

  it('Ctrl-C during a bounce: the roll stops, later hosts are untouched, nothing keeps polling, exit 130', async () => {
    const before = await pids();
    const child = spawn(process.execPath, [CLI, 'bounce', 'demo', '-i', env.inventory, '--results', env.results], { env: { ...process.env, HOME: env.home, SSH_AUTH_SOCK: '', NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const host1 = lab.host('host1');
    // Interrupt while host1 is down (stopped, not yet started again).
    for (let i = 0; i < 400 && (await canConnect(host1.address, DEMO_PORT)); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    expect(await exited, stdout).to.equal(130);
    const session = latestSession(env.results);
    expect(JSON.parse(readFileSync(join(session, 'session.json'), 'utf8')).state).to.equal('interrupted');
    const after = await pids();
    expect(after.slice(1)).to.deep.equal(before.slice(1));
    expect(stepsOf(readReport(session), 'host3')).to.deep.equal(['bounce UNKNOWN']);
    expect((await lab.exec('host1', 'ps -eo args | grep -c "[s]mk_probe\\|[t]ail -c" || true')).stdout.trim()).to.equal('0');
    const again = await smokerIn(env, ['restart', 'demo', '-H', 'host1']);
    expect(again.code, again.stdout).to.equal(0);
  });

  it('bounce with a host that fails to start: the roll stops there, later hosts are never stopped, the failed start\'s logs are in the session', async () => {
    const before = await pids();
    await flag('host2', 'crash', true);
    try {
      const r = await smokerIn(env, ['bounce', 'demo', '--serial', '1']);
      expect(r.code, r.stdout + r.stderr).to.equal(1);
      expect(r.stdout).to.contain('bounce demo: 1 bounced (host1) · 1 failed (host2) · 1 left (host3) · stopped at batch 2 of 3');
      const after = await pids();
      expect(after[0]).to.be.a('number').and.not.equal(before[0]);
      expect(after[1]).to.equal(undefined);
      expect(after[2], 'host3 untouched').to.equal(before[2]);
      const session = latestSession(env.results);
      const report = readReport(session);
      expect(stepsOf(report, 'host2')).to.deep.equal(['stop OK', 'wait stopped OK', 'start ERROR', 'bounce ERROR', 'collect logs OK']);
      expect(hostIn(report, 'host2').checks['start']?.messages.error.join('\n')).to.contain('demo exited during start');
      expect(stepsOf(report, 'host3')).to.deep.equal(['bounce UNKNOWN']);
      expect(hostIn(report, 'host3').checks['bounce']?.messages.error[0]).to.equal('left untouched: the roll stopped after batch 2 of 3 failed');
      const collected = readFileSync(join(session, 'services/demo/host2/demo.log'), 'utf8');
      expect(collected).to.contain("KeyError: 'replicas'").and.to.contain('FATAL demo cannot start');
      expect(existsSync(join(session, 'services/demo/host1/demo.log')), 'logs of a host that passed').to.equal(false);
      expect(existsSync(join(session, 'services/demo/host3')), 'nothing of an untouched host').to.equal(false);
      expect(hostIn(report, 'host2').checks['start']?.components['log watcher']?.status).to.equal('WARN');
    } finally {
      await flag('host2', 'crash', false);
    }
    const restart = await smokerIn(env, ['start', 'demo', '-H', 'host2']);
    expect(restart.code, restart.stdout).to.equal(0);
  });

  it('--collect-logs always copies the logs of every host, even when all passed', async () => {
    const r = await smokerIn(env, ['status', 'demo', '--collect-logs', 'always', '-H', 'host1,host3']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const session = latestSession(env.results);
    for (const h of ['host1', 'host3']) expect(readFileSync(join(session, `services/demo/${h}/demo.log`), 'utf8')).to.contain('listening on port 8000');
    expect(existsSync(join(session, 'services/demo/host2'))).to.equal(false);
  });

  it('stop: stops every host and waits until status fails; then status exits 1 with a table of stopped hosts', async () => {
    const r = await smokerIn(env, ['stop', 'demo']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    for (const h of names) expect(stepsOf(readReport(latestSession(env.results)), h)).to.deep.equal(['stop OK', 'wait stopped OK']);
    for (const h of lab.hosts) expect(await canConnect(h.address, DEMO_PORT), h.name).to.equal(false);
    const s = await smokerIn(env, ['status', 'demo']);
    expect(s.code, s.stdout + s.stderr).to.equal(1);
    expect(s.stdout.match(/│ stopped +│/g)).to.have.length(3);
  });

  it('an unreachable host is that host\'s result: exit 3', async () => {
    await lab.stopHost('host3');
    const r = await smokerIn(env, ['status', 'demo']);
    expect(r.code, r.stdout + r.stderr).to.equal(3);
    expect(r.stdout).to.match(/│ demo +│ host3 +│ unreachable +│/);
  });
});
