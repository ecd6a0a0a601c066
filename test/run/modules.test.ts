// Every built-in module through `smoker run` on real OpenSSH lab hosts: one OK case and one non-OK case each.
import { expect } from 'chai';
import type { RunReport } from '../../src/results/types.js';
import { allMessages, explain, result, runJson, startRunLab, type RunLab } from './support.js';

// A stand-in systemctl for host2 (the lab runs no systemd): every unit is active and running.
const FAKE_SYSTEMCTL = `#!/bin/sh
case "$*" in
  *Version*) echo Version=252 ;;
  *) printf 'LoadState=loaded\\nActiveState=active\\nSubState=running\\nActiveEnterTimestamp=Sat 2026-11-21 10:00:00 UTC\\n' ;;
esac
`;

const CHECKS = `
checks:
  fsmount-ok:    { module: fsmount, types: tmpfs, mounts: /tmp }
  fsmount-bad:   { module: fsmount, types: ext4, mounts: / }          # the login user cannot write to /
  uname-ok:      { module: uname, os: "^Linux$" }
  uname-bad:     { module: uname, machine: "^sparc64$" }
  uptime-ok:     { module: uptime, error: 100000 }
  uptime-bad:    { module: uptime, warn: 0 }
  disk-ok:       { module: disk, paths: /, warn: 99.9, error: 100 }
  disk-bad:      { module: disk, paths: /, warn: 0, error: 0 }
  memory-ok:     { module: memory, warn: 99.9, error: 100 }
  memory-bad:    { module: memory, warn: 0, error: 0 }
  tcp-ok:        { module: tcp, host: "{{ address }}", port: "{{ port }}" }
  tcp-bad:       { module: tcp, host: "{{ address }}", port: 1, timeout: 2s }
  http-ok:       { module: http, url: "http://{{ address }}:8080/index.html", contains: smoker-www, hosts: host1 }
  http-bad:      { module: http, url: "http://{{ address }}:8080/missing.html", hosts: host1 }
  process-ok:    { module: process, name: sshd }
  process-bad:   { module: process, name: no-such-proc }
  systemd-ok:    { module: systemd, units: "ssh, cron", hosts: host2 }
  systemd-bad:   { module: systemd, units: ssh, hosts: host3 }        # no systemd there: UNKNOWN
  file-ok:       { module: file, path: /tmp/smoker-flag, kind: file, contains: "^ready$", maxAge: 1h }
  file-bad:      { module: file, path: /tmp/smoker-flag, contains: "^not-there$" }
  file-missing:  { module: file, path: /nonexistent/flag }
  package-ok:    { module: package, name: "dpkg openssh-server" }
  package-bad:   { module: package, name: "dpkg no-such-package-smoker" }
`;

describe('smoker run: built-in modules on lab hosts @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let report: RunReport;
  let code: number | null;

  before(async () => {
    rl = await startRunLab(3);
    const { lab } = rl;
    const host1 = lab.host('host1');
    await Promise.all(
      lab.hosts.map((h) => lab.exec(h.name, "printf 'ready\\n' > /tmp/smoker-flag && chmod 644 /tmp/smoker-flag")),
    );
    // A web server on host1, on its own address.
    const www = await lab.exec('host1', `mkdir -p /tmp/www && echo smoker-www > /tmp/www/index.html && busybox httpd -p ${host1.address}:8080 -h /tmp/www`);
    expect(www.code, www.stderr).to.equal(0);
    const fake = await lab.exec('host2', 'mkdir -p /tmp/fakebin && cat > /tmp/fakebin/systemctl && chmod 755 /tmp/fakebin /tmp/fakebin/systemctl', { input: FAKE_SYSTEMCTL });
    expect(fake.code, fake.stderr).to.equal(0);
    const inv = rl.inventory('inventory-modules.yaml', { hostSettings: { host2: { env: { PATH: '/tmp/fakebin:/usr/local/bin:/usr/bin:/bin' } } } });
    const out = await runJson([inv, '--checks', rl.checks('modules.yaml', CHECKS)]);
    report = out.report;
    code = out.code;
  });
  after(async () => rl?.close());

  const expectStatus = (host: string, check: string, status: string, message?: RegExp) => {
    const r = result(report, host, check);
    expect(r.status, explain(r)).to.equal(status);
    if (message) expect(allMessages(r).some((m) => message.test(m)), explain(r)).to.equal(true);
  };

  it('ran every check where it applies, and exits 1 for the failures', () => {
    expect(code).to.equal(1);
    expect(Object.keys(report.hosts).sort()).to.deep.equal(['host1', 'host2', 'host3']);
    expect(Object.keys(report.hosts.host1?.checks ?? {})).to.include.members(['http-ok', 'http-bad']);
    expect(Object.keys(report.hosts.host2?.checks ?? {})).to.not.include('http-ok');
    expect(Object.keys(report.hosts.host2?.checks ?? {})).to.include('systemd-ok');
  });

  it('fsmount: a writable tmpfs is OK; / is not writable for the login user', () => {
    for (const h of ['host1', 'host2', 'host3']) {
      expectStatus(h, 'fsmount-ok', 'OK');
      expect(Object.keys(result(report, h, 'fsmount-ok').components)).to.deep.equal(['/tmp']);
      expectStatus(h, 'fsmount-bad', 'ERROR', /Read\/Write: file write failed/);
    }
  });

  it('uname: reports the kernel and asserts its parts', () => {
    expectStatus('host1', 'uname-ok', 'OK', /^Linux host1 /);
    expectStatus('host3', 'uname-ok', 'OK', /^Linux host3 /);
    expectStatus('host1', 'uname-bad', 'ERROR', /sparc64/);
  });

  it('uptime: metrics, and a load threshold of 0 warns', () => {
    expectStatus('host1', 'uptime-ok', 'OK', /load average/);
    expect(result(report, 'host1', 'uptime-ok').metrics).to.include.keys('uptime', 'load1');
    expectStatus('host2', 'uptime-bad', 'WARN');
  });

  it('disk: space of / is OK under 99.9%; a 0% threshold is ERROR', () => {
    expectStatus('host1', 'disk-ok', 'OK', /space used/);
    expectStatus('host1', 'disk-bad', 'ERROR');
  });

  it('memory: OK under 99.9%; a 0% threshold is ERROR', () => {
    expectStatus('host2', 'memory-ok', 'OK', /memory used/);
    expectStatus('host2', 'memory-bad', 'ERROR');
  });

  it('tcp: the host\'s own sshd accepts; port 1 is refused (params substituted per host)', () => {
    for (const h of ['host1', 'host2', 'host3']) {
      expectStatus(h, 'tcp-ok', 'OK');
      expectStatus(h, 'tcp-bad', 'ERROR');
    }
    const addr = result(report, 'host2', 'tcp-ok').params?.host;
    expect(addr).to.equal(rl.lab.host('host2').address);
  });

  it('http: 200 with the expected body is OK; a 404 is ERROR', () => {
    expectStatus('host1', 'http-ok', 'OK');
    expectStatus('host1', 'http-bad', 'ERROR', /404/);
  });

  it('process: sshd runs; a missing process is ERROR', () => {
    expectStatus('host3', 'process-ok', 'OK');
    expectStatus('host3', 'process-bad', 'ERROR');
  });

  it('systemd: active units are OK (components per unit); without systemd it is UNKNOWN', () => {
    expectStatus('host2', 'systemd-ok', 'OK');
    expect(Object.keys(result(report, 'host2', 'systemd-ok').components).sort()).to.deep.equal(['cron', 'ssh']);
    expectStatus('host3', 'systemd-bad', 'UNKNOWN', /systemd is not running|not found/);
  });

  it('file: type, content and age; a missing line or path is ERROR', () => {
    expectStatus('host1', 'file-ok', 'OK');
    expectStatus('host1', 'file-bad', 'ERROR', /not-there/);
    expectStatus('host1', 'file-missing', 'ERROR');
  });

  it('package: installed packages are OK; a missing one is an ERROR component', () => {
    expectStatus('host1', 'package-ok', 'OK');
    const bad = result(report, 'host1', 'package-bad');
    expect(bad.status, explain(bad)).to.equal('ERROR');
    expect(bad.components['dpkg']?.status).to.equal('OK');
    expect(bad.components['no-such-package-smoker']?.status).to.equal('ERROR');
  });

  it('removed every module temp dir from the hosts', async () => {
    for (const h of rl.lab.hosts) {
      const ls = await rl.lab.exec(h.name, 'ls -d /tmp/smoker.* 2>/dev/null || true');
      expect(ls.stdout.trim(), h.name).to.equal('');
    }
  });
});
