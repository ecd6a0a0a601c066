// `smoker hosts` shows what a connection would use: the inventory, then ~/.ssh/config, then OpenSSH's defaults.
// (~/.ssh/config is read from the passwd home, as OpenSSH does: the files here are read with `home` set.)
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHosts } from '../../src/cli/handlers/hosts.js';
import { loadInventory } from '../../src/config/inventory.js';
import { loadSshConfig } from '../../src/transport/ssh-config.js';

describe('cli: smoker hosts output', () => {
  let home: string;
  let hosts: ReturnType<typeof loadInventory>['hosts'];
  let sshConfig: ReturnType<typeof loadSshConfig>;

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'smoker-hosts-'));
    mkdirSync(join(home, '.ssh'), { mode: 0o700 });
    writeFileSync(join(home, '.ssh/config'), ['Host web*', '  HostName 10.9.8.7', '  User deploy', '  Port 2201', '  ProxyJump gate.example', '  IdentityFile ~/.ssh/id_web', ''].join('\n'));
    writeFileSync(join(home, 'inventory.yaml'), ['hosts:', '  web1: {}', '  web2: { address: 10.0.0.2, user: alice, port: 2202 }', '  db1: {}', '  here: { transport: local }', ''].join('\n'));
    hosts = loadInventory(join(home, 'inventory.yaml')).hosts;
    sshConfig = loadSshConfig(undefined, { home });
  });

  after(() => rmSync(home, { recursive: true, force: true }));

  it('the table shows ~/.ssh/config values where the inventory sets none, and the inventory wins where it does', () => {
    const text = renderHosts(hosts, sshConfig, 'table');
    const row = (name: string) => text.split('\n').find((l) => l.includes(` ${name} `)) ?? '';
    expect(row('web1')).to.match(/10\.9\.8\.7 +│ 2201 +│ deploy +│ ssh +│ gate\.example +│ key .*\/\.ssh\/id_web/);
    expect(row('web2')).to.match(/10\.0\.0\.2 +│ 2202 +│ alice +│ ssh +│ gate\.example/);
    // No Host block matches db1: OpenSSH's defaults (port 22, the local user).
    expect(row('db1')).to.match(/db1 +│ 22 +│ \S+ +│ ssh +│ +│/);
    expect(row('here')).to.match(/here +│ +│ +│ local/);
    expect(text.trimEnd().endsWith('4 hosts')).to.equal(true);
  });

  it('the table and -o json agree', () => {
    const json = JSON.parse(renderHosts(hosts, sshConfig, 'json')) as { name: string; ssh?: { host: string; port: number; user: string; jump: string[] } }[];
    expect(json.find((h) => h.name === 'web1')?.ssh).to.deep.include({ host: '10.9.8.7', port: 2201, user: 'deploy', jump: ['gate.example'] });
    expect(json.find((h) => h.name === 'web2')?.ssh).to.deep.include({ host: '10.0.0.2', port: 2202, user: 'alice', jump: ['gate.example'] });
    expect(json.find((h) => h.name === 'here')).to.not.have.property('ssh');
  });

  it('-o json of more hosts than one piece (1,000) is exactly JSON.stringify of them all, and of none is []', () => {
    const many = Array.from({ length: 2503 }, (_, i) => ({ ...hosts[i % hosts.length]!, name: `h${i}` }));
    const text = renderHosts(many, sshConfig, 'json');
    const parsed = JSON.parse(text) as { name: string }[];
    expect(parsed.map((h) => h.name)).to.deep.equal(many.map((h) => h.name));
    expect(text).to.equal(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(renderHosts([], sshConfig, 'json')).to.equal('[]\n');
  });
});
