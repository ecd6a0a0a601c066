// 200 hosts behind one sshd with MaxStartups 10:30:60: a patient client reaches all of them; a dead host still fails in bounded time.
import { expect } from 'chai';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, labInventory, openLabHome, parseExecJson, writeInventoryDoc, type LabHome } from './integration-support.js';

describe('transport: handshake bursts against MaxStartups @lab', function () {
  this.timeout(180_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 200, sharedSshd: true, maxStartups: '10:30:60' }, 'smoker-burst-');
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  it('smoker exec with default settings reaches 200/200 hosts behind MaxStartups 10:30:60', async () => {
    const { home, inventory } = env!;
    const t0 = Date.now();
    const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', 'true'], { env: cliEnv(home) });
    const seconds = (Date.now() - t0) / 1000;
    const out = parseExecJson(r.stdout, r.stderr);
    const lost = out.hosts.filter((h) => h.unreachable !== undefined);
    console.log(`      [measure] 200 hosts behind MaxStartups 10:30:60: ${200 - lost.length}/200 reached in ${seconds.toFixed(1)} s`);
    expect(lost.map((h) => `${h.host}: ${h.unreachable}`).slice(0, 5)).to.deep.equal([]);
    expect(r.code, r.stderr).to.equal(0);
  });

  it('a host that refuses every connection still fails, in bounded time (seconds, not minutes)', async () => {
    const { lab, home } = env!;
    const doc = labInventory(lab);
    // Nothing listens on port 1 of a lab address: connection refused at once, every try.
    doc.hosts = { dead: { ...doc.hosts[lab.hosts[0]!.name], port: 1 } };
    const inv = writeInventoryDoc(join(home, 'dead.yaml'), doc);
    const t0 = Date.now();
    const r = await smoker(['exec', inv, '--no-results', '-o', 'json', '--', 'true'], { env: cliEnv(home) });
    const seconds = (Date.now() - t0) / 1000;
    console.log(`      [measure] a refusing host failed after ${seconds.toFixed(1)} s`);
    expect(r.code, r.stderr).to.equal(3);
    expect(parseExecJson(r.stdout, r.stderr).hosts[0]?.unreachable).to.match(/connection refused/);
    expect(seconds).to.be.below(60);
  });
});
