// Service commands from the command line (issue 15 item 15): the inventory as a positional argument, `smoker services`,
// services in `smoker checks`, and `status` without a name. Local transport: argument handling, no sshd needed.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smokerSync } from '../support/cli.js';

describe('service commands: positional inventory, services list, status of every service (e2e)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-svc-cli-'));
  const run = (args: string[]) => smokerSync(args, { cwd: dir, env: { SMOKER_INVENTORY: '' } });

  before(() => {
    const hosts = ['web01', 'web02', 'web03', 'db1'].map((h) => `  ${h}: { transport: local }`).join('\n');
    writeFileSync(join(dir, 'lab.yaml'), `hosts:\n${hosts}\ngroups:\n  web: { hosts: [web01, web02, web03] }\nchecks: [svc.yaml]\n`);
    writeFileSync(join(dir, 'other.yaml'), 'hosts:\n  solo: { transport: local }\nchecks: [svc.yaml]\n');
    writeFileSync(
      join(dir, 'svc.yaml'),
      `checks:
  uname: { command: uname }
services:
  demo:
    hosts: web
    start: "true"
    stop: "true"
    status: "echo up"
  store:
    hosts: db1
    status: "echo down; exit 3"
  waitonly:
    wait: [{ command: "true" }]
`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('status SERVICE INVENTORY: the inventory as a positional argument, as run and exec take it', () => {
    const r = run(['status', 'demo', 'lab.yaml', '--no-results']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    for (const h of ['web01', 'web02', 'web03']) expect(r.stdout).to.match(new RegExp(`demo\\s*│ ${h}\\s*│ running`));
    expect(r.stdout).not.to.contain('db1');
    const start = run(['start', 'demo', 'lab.yaml', '-H', 'web02', '-o', 'json', '--no-results']);
    expect(start.code, start.stderr).to.equal(0);
    expect(Object.keys((JSON.parse(start.stdout) as RunReport).hosts)).to.deep.equal(['web02']);
  });

  it('-i still works; the same file twice is fine; two different inventories are exit 2', () => {
    expect(run(['status', 'demo', '-i', 'lab.yaml', '--no-results']).code).to.equal(0);
    expect(run(['status', 'demo', 'lab.yaml', '-i', './lab.yaml', '--no-results']).code).to.equal(0);
    const r = run(['status', 'demo', 'lab.yaml', '-i', 'other.yaml', '--no-results']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('two inventories given: lab.yaml (argument) and other.yaml (-i)');
    expect(r.stdout).to.equal('');
  });

  it('an unknown service stays exit 2 with did-you-mean, with the positional inventory', () => {
    const r = run(['status', 'demoo', 'lab.yaml', '--no-results']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('unknown service "demoo" (did you mean "demo"?)');
  });

  it('status without a service: every service that has a status command, one table; a stopped one makes it exit 1', () => {
    const r = run(['status', 'lab.yaml', '--no-results']);
    expect(r.code, r.stdout + r.stderr).to.equal(1);
    expect(r.stdout).to.match(/demo\s*│ web01\s*│ running/);
    expect(r.stdout).to.match(/store\s*│ db1\s*│ stopped\s*│ down/);
    expect(r.stdout).to.contain('waitonly: no status command');
    // A lone word that is no inventory-like file name is a service name; ./word is the file.
    writeFileSync(join(dir, 'hosts'), 'hosts:\n  web01: { transport: local }\n  db1: { transport: local }\ngroups:\n  web: { hosts: [web01] }\nchecks: [svc.yaml]\n');
    const word = run(['status', 'hosts', '-i', 'lab.yaml', '--no-results']);
    expect(word.code).to.equal(2);
    expect(word.stderr).to.contain('unknown service "hosts"').and.to.contain('write ./hosts');
    const path = run(['status', './hosts', '--no-results']);
    expect(path.code, path.stderr).to.equal(1);
    expect(path.stdout).to.match(/demo\s*│ web01\s*│ running/).and.to.match(/store\s*│ db1\s*│ stopped/).and.not.to.contain('web02');
    const all = run(['status', '-i', 'lab.yaml', '-H', 'web', '-o', 'json', '--no-results']);
    expect(all.code, all.stderr).to.equal(0);
    const report = JSON.parse(all.stdout) as RunReport;
    expect(Object.keys(report.hosts)).to.deep.equal(['web01', 'web02', 'web03']);
    expect(Object.keys(report.hosts.web01?.checks ?? {})).to.deep.equal(['status demo']);
  });

  it('smoker services [INVENTORY]: each service with its hosts, folded; -o json', () => {
    const r = run(['services', 'lab.yaml']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/demo\s*│ web\s*│ web\[01-03\] \(3\)/);
    expect(r.stdout).to.match(/store\s*│ db1\s*│ db1 \(1\)/);
    expect(r.stdout).to.match(/waitonly\s*│ \(all\)\s*│ web\[01-03\],db1 \(4\)/);
    expect(r.stdout).to.match(/3 services\n$/);
    const json = JSON.parse(run(['services', '-i', 'lab.yaml', '-o', 'json']).stdout) as { name: string; hosts: string[]; operations: string[] }[];
    expect(json.map((s) => s.name)).to.deep.equal(['demo', 'store', 'waitonly']);
    expect(json[0]?.hosts).to.deep.equal(['web01', 'web02', 'web03']);
    expect(json[0]?.operations).to.include.members(['start', 'stop', 'status']);
    expect(json[2]?.operations).to.deep.equal(['wait']);
    const web = JSON.parse(run(['services', 'lab.yaml', '-H', 'web02', '-o', 'json']).stdout) as { name: string; hosts: string[] }[];
    expect(web.map((s) => [s.name, s.hosts])).to.deep.equal([['demo', ['web02']], ['waitonly', ['web02']]]);
    const none = run(['services', 'lab.yaml', '-H', 'db1,!db1']);
    expect(none.code).to.equal(2);
  });

  it('smoker checks lists the services after the checks', () => {
    const r = run(['checks', 'lab.yaml']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/1 check\n/);
    expect(r.stdout).to.match(/demo\s*│ web\s*│ web\[01-03\] \(3\)/);
    expect(r.stdout).to.match(/3 services\n$/);
  });
});
