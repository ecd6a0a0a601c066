// Service commands end to end on this machine (transport: local): a full cycle, and the usage errors (exit 2).
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { DEMO_SCRIPT } from './support.js';

describe('service commands on the controller (transport: local)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-svc-local-'));
  const results = join(dir, 'results');
  const inventory = join(dir, 'inventory.yaml');
  const run = (args: string[]) => smoker([...args, '-i', inventory, '--results', results]);
  const report = (): RunReport => JSON.parse(readFileSync(join(results, readlinkSync(join(results, 'latest')), 'report.json'), 'utf8')) as RunReport;

  let port = 0;

  before(async () => {
    port = await freePort();
    writeFileSync(inventory, 'hosts:\n  here: { transport: local }\n  there: { transport: local }\ngroups:\n  one: { hosts: [here] }\nchecks: [services.yaml]\n');
    writeFileSync(
      join(dir, 'services.yaml'),
      `services:
  demo:
    hosts: one
    start: sh ${DEMO_SCRIPT} start
    stop: sh ${DEMO_SCRIPT} stop
    status: sh ${DEMO_SCRIPT} status
    env: { DEMO_DIR: ${join(dir, 'demo')}, DEMO_PORT: "${port}", DEMO_DELAY: "0.2" }
    wait: [{ port: ${port} }, { log: { path: ${join(dir, 'demo', 'demo.log')}, pattern: " started$" } }]
    waitTimeout: 10s
  waitonly:
    wait: [{ command: "true" }]
`,
    );
  });
  after(async () => {
    await run(['stop', 'demo']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('start, status, restart and stop on the hosts the service names (group one: here)', async () => {
    const start = await run(['start', 'demo']);
    expect(start.code, start.stdout + start.stderr).to.equal(0);
    expect(Object.keys(report().hosts)).to.deep.equal(['here']);
    const status = await run(['status', 'demo', '-o', 'json']);
    expect(status.code).to.equal(0);
    expect((JSON.parse(status.stdout) as RunReport).hosts['here']?.checks['status']?.messages.info[0]).to.match(/^running: running \(pid \d+\)$/);
    expect((await run(['restart', 'demo'])).code).to.equal(0);
    const steps = Object.values(report().hosts['here']?.checks ?? {}).map((c) => `${c.check} ${c.status}`);
    expect(steps).to.deep.equal(['stop OK', 'wait stopped OK', 'start OK', `wait port ${port} OK`, `wait log ${join(dir, 'demo', 'demo.log')} / started$/ OK`]);
    const stop = await run(['stop', 'demo']);
    expect(stop.code, stop.stdout).to.equal(0);
    expect(existsSync(join(dir, 'demo', 'demo.pid'))).to.equal(false);
  });

  const sessions = () => (existsSync(results) ? readdirSync(results).filter((n) => /^\d{4}-/.test(n)).length : 0);
  const usage: [string, string[], RegExp][] = [
    ['an unknown service', ['start', 'dmo'], /unknown service "dmo" \(did you mean "demo"\?\)/],
    ['a service without the command the operation needs', ['stop', 'waitonly'], /service waitonly \(.*services\.yaml\) has no stop command, needed by stop/],
    ['a bad --serial', ['bounce', 'demo', '--serial', 'half'], /--serial: expected a number of hosts or a percentage like 25%, got "half"/],
    ['a selection without the service hosts', ['start', 'demo', '-H', 'there'], /service demo: no selected host runs it \(its hosts: one\)/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 for ${what}`, async () => {
      const before = sessions();
      const r = await run(args);
      expect(r.code, r.stdout + r.stderr).to.equal(2);
      expect(r.stderr).to.match(message);
      // Found before any host is touched: no session is written (but -H is checked with the hosts).
      if (!args.includes('-H')) expect(sessions()).to.equal(before);
    });
  }
});
