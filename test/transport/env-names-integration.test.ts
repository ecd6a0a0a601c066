// Environment variable names never reach a remote shell as code: refused at load (exit 2) and again by the transport.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInventory } from '../../src/config/inventory.js';
import { Connector } from '../../src/transport/connector.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, labInventory, openLabHome, writeInventoryDoc, type LabHome } from './integration-support.js';

const EVIL = 'A;touch /tmp/pwned;B';

describe('transport: environment variable names are never shell code @lab', function () {
  this.timeout(60_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 1 }, 'smoker-env-names-');
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  const pwned = async () => (await env!.lab.exec('host1', 'test -e /tmp/pwned && echo yes || echo no')).stdout.trim();

  it('smoker run with a shell-code env name in the inventory: exit 2 at file:line:col, nothing runs on the host', async () => {
    const { lab, home } = env!;
    const doc = labInventory(lab);
    doc.hosts['host1'] = { ...doc.hosts['host1'], env: { [EVIL]: 'x' } };
    writeFileSync(join(home, 'checks.yaml'), 'checks:\n  hello: { command: "echo hi" }\n');
    const inv = writeInventoryDoc(join(home, 'evil.yaml'), { ...doc, checks: ['checks.yaml'] });
    const r = await smoker(['run', inv], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.match(/evil\.yaml:\d+:\d+ hosts\.host1\.env\["A;touch \/tmp\/pwned;B"\]: expected an environment variable name/);
    expect(await pwned()).to.equal('no');
  });

  for (const shareSession of [false, true]) {
    it(`the transport refuses such a name itself (library, ${shareSession ? 'shared session' : 'own session'}): the command fails, the host is untouched`, async () => {
      const { lab, home } = env!;
      const inv = loadInventory(lab.writeInventory(join(home, 'inventory.yaml')));
      const connector = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
      const conn = await connector.connect(inv.hosts[0]!);
      try {
        let error: Error | undefined;
        await conn.exec('echo ran', { env: { [EVIL]: 'x' }, shareSession }).catch((err: Error) => (error = err));
        expect(error?.message).to.match(/refusing environment variable name/);
        expect(await pwned()).to.equal('no');
        // The connection (and a shared session) still works for the next command.
        expect((await conn.exec('echo fine', { env: { GOOD_1: 'x' }, shareSession })).stdout).to.equal('fine\n');
      } finally {
        await conn.close();
        await connector.close();
      }
    });
  }
});
