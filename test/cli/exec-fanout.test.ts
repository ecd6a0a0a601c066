// smoker exec over 50 real sshd hosts, with a refused host and a silent one failing alone (SPEC §3, §5).
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  labInventory,
  onlySession,
  openLabHome,
  parseExecJson,
  readSessionMeta,
  startSilentServer,
  writeInventoryDoc,
} from '../transport/integration-support.js';

describe('smoker exec fan-out over a real lab @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let silent: { port: number; close: () => Promise<void> };
  let inventory: string;

  before(async () => {
    ({ lab, home } = await openLabHome({ hosts: 51, namePrefix: 'web' }, 'smoker-fanout-'));
    silent = await startSilentServer();
    await lab.stopHost('web51');
    const doc = labInventory(lab);
    doc.hosts['mute'] = { address: '127.0.0.1', port: silent.port, connectTimeout: '2s' };
    inventory = writeInventoryDoc(join(home, 'inventory.yaml'), doc);
  });

  after(async () => {
    await silent?.close();
    await closeLabHome(lab, home);
  });

  it('runs on 50 hosts as one group while a refused and a silent host fail alone; exit 3', async () => {
    const results = join(home, 'results-grouped');
    const t0 = Date.now();
    const r = await smoker(['exec', inventory, '--results', results, '--', 'echo hello from $(id -un)'], { env: cliEnv(home) });
    const elapsed = Date.now() - t0;
    console.log(`      [measure] 50 OK + 2 failing hosts, grouped exec: ${elapsed} ms`);
    expect(r.code, r.stderr).to.equal(3);
    const blocks = r.stdout.split(/^-{15}\n/m).filter(Boolean);
    // Title, body pairs: "web[01-50] (50)" then its output.
    const titleOf = (needle: string) => blocks.findIndex((b) => b.startsWith(needle));
    const okTitle = titleOf('web[01-50] (50)\n');
    expect(okTitle, r.stdout).to.be.greaterThan(-1);
    expect(blocks[okTitle + 1], r.stdout).to.equal(`hello from ${lab.user}\n`);
    const refused = titleOf('web51 (1)\n');
    expect(refused, r.stdout).to.be.greaterThan(-1);
    expect(blocks[refused + 1]).to.match(/^UNREACHABLE: connection refused\n/);
    const mute = titleOf('mute (1)\n');
    expect(mute, r.stdout).to.be.greaterThan(-1);
    expect(blocks[mute + 1]).to.match(/^UNREACHABLE: connect timeout: no SSH handshake within 2(\.0)?s\n/);
    // Only three groups: nobody else fell out of the big one.
    expect(blocks.filter((b) => /^\S+ \(\d+\)\n$/.test(b))).to.have.length(3);
    expect(r.stdout).to.match(/52 hosts/);

    const session = onlySession(results);
    expect(readSessionMeta(session).state).to.equal('complete');
    for (let i = 1; i <= 50; i++) {
      const out = join(session, 'hosts', `web${String(i).padStart(2, '0')}`, 'exec', 'stdout');
      expect(readFileSync(out, 'utf8'), out).to.equal(`hello from ${lab.user}\n`);
    }
    expect(existsSync(join(session, 'hosts', 'web51', 'exec', 'stdout'))).to.equal(false);
  });

  it('runs on the 50 healthy hosts alone: exit 0, one group (timed for the report)', async () => {
    const t0 = Date.now();
    const r = await smoker(['exec', inventory, '-H', 'web*:!web51', '--results', join(home, 'results-50'), '--', 'uname -s'], { env: cliEnv(home) });
    console.log(`      [measure] 50-host exec, wall time of the CLI: ${Date.now() - t0} ms (${r.stdout.trim().split('\n').pop() ?? ''})`);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^-{15}\nweb\[01-50\] \(50\)\n-{15}\nLinux\n50 hosts: 50 OK/);
  });

  it('reports each failing host in JSON with its own reason, the rest OK', async () => {
    const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', 'hostname'], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(3);
    const out = parseExecJson(r.stdout, r.stderr);
    expect(out.counts.unreachable).to.equal(2);
    const web51 = hostOf(out, 'web51');
    expect(web51.unreachable).to.match(/^web51 \(smoker-lab@[\d.]+:\d+\): connection refused$/);
    const mute = hostOf(out, 'mute');
    expect(mute.unreachable).to.match(new RegExp(`^mute \\(${lab.user}@127\\.0\\.0\\.1:${silent.port}\\): connect timeout: no SSH handshake within 2(\\.0)?s$`));
    for (let i = 1; i <= 50; i++) {
      const name = `web${String(i).padStart(2, '0')}`;
      const h = hostOf(out, name);
      expect(h.status, name).to.equal('OK');
      expect(h.stdout, name).to.equal(`${name}\n`);
    }
  });
});
