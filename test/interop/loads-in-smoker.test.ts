import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { validateInventory } from '../../src/config/inventory.js';
import type { Inventory } from '../../src/config/types.js';
import { parseYaml } from '../../src/config/yaml-file.js';
import { fromAnsibleInventory, loadAnsibleInventory } from '../../src/interop/ansible-inventory.js';
import { fromDucktapeCluster } from '../../src/interop/ducktape-cluster.js';
import type { Conversion } from '../../src/interop/inventory-doc.js';
import { toYaml } from '../../src/interop/to-yaml.js';
import { fromVagrantSshConfig } from '../../src/interop/vagrant-ssh-config.js';
import { fixturePath, readFixture } from './fixture.js';

// The printed file, loaded by smoker's own inventory validator: the real contract of a converter.
function load(c: Conversion): Inventory {
  const parsed = parseYaml(toYaml(c.inventory, c), 'converted.yaml');
  if ('issues' in parsed) expect.fail(parsed.issues.map((i) => i.message).join('\n'));
  const result = validateInventory(parsed.file, '/tmp/converted.yaml');
  if ('issues' in result) expect.fail(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.inventory;
}

function host(inv: Inventory, name: string) {
  const h = inv.hosts.find((x) => x.name === name);
  if (!h) expect.fail(`no host ${name}`);
  return h;
}

const good = (dir: string) => readdirSync(fixturePath(dir)).filter((f) => !f.startsWith('bad') && f !== 'mixed-stderr.txt' && f !== 'with-vars');

describe('interop: converted inventories load in smoker', () => {
  for (const f of good('vagrant')) {
    it(`vagrant/${f}`, () => {
      const inv = load(fromVagrantSshConfig(readFixture('vagrant', f), f));
      for (const h of inv.hosts) {
        expect(h.user).to.equal('vagrant');
        expect(h.hostKeyPolicy).to.equal('off');
        expect(h.identityFile).to.not.be.empty;
      }
    });
  }

  for (const f of good('ansible')) {
    it(`ansible/${f}`, () => void load(fromAnsibleInventory(readFixture('ansible', f), f)));
  }

  for (const f of good('ducktape')) {
    it(`ducktape/${f}`, () => void load(fromDucktapeCluster(readFixture('ducktape', f), f)));
  }

  it('resolves the settings Ansible would use, host by host (bastion.yaml)', () => {
    const inv = load(fromAnsibleInventory(readFixture('ansible', 'bastion.yaml'), 'bastion.yaml'));
    expect(host(inv, 'app1')).to.deep.include({ address: '10.10.1.11', user: 'deploy', sudo: true, jump: ['ops@bastion.example.com:2222'] });
    expect(host(inv, 'db1')).to.deep.include({ port: 2200, jump: ['bastion.example.com', 'inner-bastion'], hostKeyPolicy: 'off' });
    expect(host(inv, 'old1').passwordEnv).to.equal(undefined);
    expect(host(inv, 'app1').vars).to.deep.include({ ntp_server: 'ntp.example.com' });
  });

  it('resolves group_vars precedence and ranges (with-vars, ranges)', async () => {
    const inv = load(await loadAnsibleInventory(fixturePath('ansible', 'with-vars', 'hosts')));
    expect(host(inv, 'web1.example.com')).to.deep.include({ port: 2222, user: 'ops', sudo: true });
    expect(host(inv, 'web2.example.com').port).to.equal(2202);
    expect(host(inv, 'db1.example.com')).to.deep.include({ address: '10.0.5.21', sudo: false });
    expect(host(inv, 'db1.example.com').vars).to.deep.include({ tier: 'prod', http_port: 5433, ntp_server: 'ntp.example.org' });
    const ranges = load(fromAnsibleInventory(readFixture('ansible', 'ranges-stride.ini'), 'ranges-stride.ini'));
    expect(ranges.hosts.map((h) => h.name)).to.have.length(25);
    expect(ranges.groups.get('webservers')?.hosts.at(-1)).to.equal('www49.example.com');
    const basic = load(fromAnsibleInventory(readFixture('ansible', 'basic.ini'), 'basic.ini'));
    expect(basic.groups.get('ungrouped')?.hosts).to.deep.equal(['mail.example.com']);
  });
});
