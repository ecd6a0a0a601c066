// Host key policies against real sshd hosts: mismatch and unknown refused, accept-new records, hashed files (SPEC §5).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  labInventory,
  openLabHome,
  parseExecJson,
  writeInventoryDoc,
} from './integration-support.js';
import { fingerprintOf, generateKey, sshKeygenFind } from './ssh-keygen.js';

describe('host keys against real sshd @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let marker = 0;

  /** Writes an inventory using `knownHosts` and `policy`; returns its path. */
  const inventoryWith = (name: string, knownHosts: string, policy: string) => {
    const doc = labInventory(lab);
    doc.defaults['knownHosts'] = knownHosts;
    doc.defaults['hostKeyPolicy'] = policy;
    return writeInventoryDoc(join(home, `${name}.yaml`), doc);
  };
  /** Runs `touch` of a fresh marker on the hosts; returns the parsed JSON and the marker path. */
  const touchOn = async (inventory: string, pattern: string) => {
    const file = `/tmp/smoker-ran-${++marker}`;
    const r = await smoker(['exec', inventory, '-H', pattern, '--no-results', '-o', 'json', '--', `touch ${file}; echo ran`], { env: cliEnv(home) });
    return { r, out: parseExecJson(r.stdout, r.stderr), file };
  };
  const ranOn = async (host: string, file: string) => (await lab.exec(host, `test -e ${file} && echo yes || echo no`)).stdout.trim() === 'yes';
  const hostKeyPub = (name: string) => join(lab.host(name).dir, 'ssh_host_ed25519_key.pub');
  /** The known_hosts line of one host from the lab's file. */
  const labLine = (name: string) => {
    const h = lab.host(name);
    const line = readFileSync(lab.knownHosts, 'utf8').split('\n').find((l) => l.startsWith(`${h.address} `) || l.startsWith(`[${h.address}]:${h.port} `));
    if (!line) throw new Error(`no line for ${name} in ${lab.knownHosts}`);
    return line;
  };

  before(async () => ({ lab, home } = await openLabHome({ hosts: 20, namePrefix: 'hk' }, 'smoker-hostkeys-')));
  after(() => closeLabHome(lab, home));

  it('refuses a host whose key differs from known_hosts; nothing runs there, the others run', async () => {
    const other = generateKey(home, 'impostor');
    const known = join(home, 'known_hosts_mismatch');
    const name = lab.host('hk01').address;
    const lines = readFileSync(lab.knownHosts, 'utf8').split('\n').filter(Boolean);
    writeFileSync(known, lines.map((l) => (l === labLine('hk01') ? `${name} ${other.publicLine.split(' ').slice(0, 2).join(' ')}` : l)).join('\n') + '\n');
    const { r, out, file } = await touchOn(inventoryWith('mismatch', known, 'strict'), 'hk01,hk02');
    expect(r.code, r.stderr).to.equal(3);
    const hk01 = hostOf(out, 'hk01');
    expect(hk01.unreachable).to.include(`host key verification failed for ${name}: the host key has changed`);
    expect(hk01.unreachable).to.include(fingerprintOf(hostKeyPub('hk01')));
    expect(hk01.unreachable).to.include(other.fingerprint);
    expect(hk01.unreachable).to.include(`${known}:1`);
    expect(hostOf(out, 'hk02').stdout).to.equal('ran\n');
    expect(await ranOn('hk01', file), 'command ran on the refused host').to.equal(false);
    expect(await ranOn('hk02', file)).to.equal(true);
  });

  it('strict refuses an unknown host naming the file and the SHA256 fingerprint; nothing runs there', async () => {
    const known = join(home, 'known_hosts_missing_hk03');
    writeFileSync(known, readFileSync(lab.knownHosts, 'utf8').replace(`${labLine('hk03')}\n`, ''));
    const { r, out, file } = await touchOn(inventoryWith('unknown', known, 'strict'), 'hk03,hk04');
    expect(r.code, r.stderr).to.equal(3);
    const msg = hostOf(out, 'hk03').unreachable ?? '';
    expect(msg).to.include(`host key verification failed for ${lab.host('hk03').address}: unknown host`);
    expect(msg).to.include(known);
    expect(msg).to.include(`ssh-ed25519 key ${fingerprintOf(hostKeyPub('hk03'))}`);
    expect(hostOf(out, 'hk04').stdout).to.equal('ran\n');
    expect(await ranOn('hk03', file), 'command ran on the unknown host').to.equal(false);
    // The file is left alone under strict.
    expect(readFileSync(known, 'utf8')).to.not.include(lab.host('hk03').address + ' ');
  });

  it('accept-new records 20 new hosts at once as 20 well-formed lines ssh-keygen finds', async () => {
    // A folder that does not exist yet: it is created as OpenSSH would.
    const known = join(home, 'fresh', 'known_hosts');
    const inventory = inventoryWith('accept-new', known, 'accept-new');
    const { r, out } = await touchOn(inventory, 'all');
    expect(r.code, r.stderr).to.equal(0);
    expect(out.hosts.filter((h) => h.status === 'OK')).to.have.length(20);
    const check = () => {
      const text = readFileSync(known, 'utf8');
      expect(text.endsWith('\n')).to.equal(true);
      const lines = text.split('\n').slice(0, -1);
      expect(lines).to.have.length(20);
      for (const line of lines) expect(line).to.match(/^10\.\d+\.\d+\.\d+ ssh-ed25519 [A-Za-z0-9+/]+=*$/);
      for (const h of lab.hosts) {
        const found = sshKeygenFind(known, h.address);
        expect(found.found, `ssh-keygen -F ${h.address}`).to.equal(true);
        const pub = readFileSync(hostKeyPub(h.name), 'utf8').split(' ').slice(0, 2).join(' ');
        expect(found.lines, h.name).to.deep.equal([`${h.address} ${pub}`]);
      }
    };
    check();
    // Known now: a second accept-new run adds nothing, and strict accepts every host.
    const again = await touchOn(inventory, 'all');
    expect(again.r.code, again.r.stderr).to.equal(0);
    check();
    const strict = await touchOn(inventoryWith('after-accept', known, 'strict'), 'all');
    expect(strict.r.code, strict.r.stderr).to.equal(0);
  });

  it('accepts hosts listed in a hashed known_hosts (ssh-keygen -H)', async () => {
    const known = join(home, 'known_hosts_hashed');
    copyFileSync(lab.knownHosts, known);
    execFileSync('ssh-keygen', ['-H', '-f', known], { stdio: 'ignore' });
    const text = readFileSync(known, 'utf8');
    expect(text.split('\n').filter(Boolean).every((l) => l.startsWith('|1|'))).to.equal(true);
    expect(text).to.not.include(lab.host('hk05').address);
    const { r, out } = await touchOn(inventoryWith('hashed', known, 'strict'), 'all');
    expect(r.code, r.stderr).to.equal(0);
    expect(out.hosts.every((h) => h.stdout === 'ran\n')).to.equal(true);
  });

  it('hostKeyPolicy off connects without known_hosts and warns once', async () => {
    const known = join(home, 'known_hosts_none');
    const { r } = await touchOn(inventoryWith('off', known, 'off'), 'all');
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr.match(/hostKeyPolicy is off/g)).to.have.length(1);
    expect(existsSync(known)).to.equal(false);
  });
});
