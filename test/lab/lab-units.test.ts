// Unit tests of the lab's pure parts: names, addresses, plans, rendered files and keys (no processes).

import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import ssh2 from 'ssh2';
import { parse } from 'yaml';
import { addressAt, countSlots, hostAddress } from './addresses.js';
import { renderHostFstab, renderHostScript } from './host-script.js';
import { renderInventory } from './inventory.js';
import { formatKeyPair, generateKeyPair, renderKnownHosts } from './keys.js';
import { nameHosts, planLab } from './lab-plan.js';
import { renderNetworkSetup, renderNetworkTeardown } from './network.js';
import { renderSshdConfig } from './sshd-config.js';

describe('lab (units)', () => {
  it('names hosts with a prefix, zero-padded to the width of the count', () => {
    expect(nameHosts('web', 3)).to.deep.equal(['web1', 'web2', 'web3']);
    expect(nameHosts('h', 10).slice(0, 2)).to.deep.equal(['h01', 'h02']);
    expect(nameHosts('h', 1000).at(-1)).to.equal('h1000');
  });

  it('lays hosts out after the gateway, across /24 slot boundaries', () => {
    expect(hostAddress(3, 0)).to.equal('10.77.3.2');
    expect(hostAddress(3, 253)).to.equal('10.77.3.255');
    expect(hostAddress(3, 254)).to.equal('10.77.4.0');
    expect(addressAt(3, 1)).to.equal('10.77.3.1');
    expect([countSlots(1), countSlots(254), countSlots(255), countSlots(1000)]).to.deep.equal([1, 1, 2, 4]);
  });

  it('plans one namespace per host in netns mode, with interface names the kernel accepts', () => {
    const plan = planLab({ id: 'smk4194304l12', dir: '/run/x', isolation: 'netns', count: 3, namePrefix: 'web', shared: false, slots: [7] });
    expect(plan.hosts.map((h) => [h.name, h.address, h.port])).to.deep.equal([['web1', '10.77.7.2', 22], ['web2', '10.77.7.3', 22], ['web3', '10.77.7.4', 22]]);
    expect(plan.servers.map((s) => s.netns)).to.deep.equal(['smk4194304l12h1', 'smk4194304l12h2', 'smk4194304l12h3']);
    expect(plan.servers[1]?.listen).to.deep.equal(['10.77.7.3:22']);
    const names = [plan.network?.bridge ?? '', ...plan.servers.map((s) => s.veth ?? '')];
    for (const n of names) expect(n.length, n).to.be.within(1, 15);
    expect(new Set(names).size).to.equal(4);
    expect(plan.network?.gateway).to.equal('10.77.7.1');
  });

  it('plans one namespace with every address and a wildcard listener for a shared netns sshd', () => {
    const plan = planLab({ id: 'smk1l1', dir: '/run/x', isolation: 'netns', count: 300, namePrefix: 'b', shared: true, slots: [0, 1] });
    expect(plan.servers).to.have.length(1);
    expect(plan.servers[0]?.addresses).to.have.length(300);
    expect(plan.servers[0]?.listen).to.deep.equal(['0.0.0.0:22']);
    expect(plan.hosts.at(-1)?.address).to.equal('10.77.1.45');
  });

  it('plans loopback sshds of at most 16 ports each when shared', () => {
    const ports = Array.from({ length: 40 }, (_, i) => 20000 + i);
    const plan = planLab({ id: 'smk1l1', dir: '/tmp/x', isolation: 'none', count: 40, namePrefix: 'h', shared: true, ports });
    expect(plan.servers.map((s) => s.listen.length)).to.deep.equal([16, 16, 8]);
    expect(plan.servers[2]?.listen[0]).to.equal('127.0.0.1:20032');
    expect(plan.hosts[39]?.server).to.equal('shared3');
    expect(plan.network).to.equal(undefined);
  });

  it('renders the network batches: bridge and routes, namespaces, teardown', () => {
    const setup = renderNetworkSetup({ bridge: 'smk1l1', gateway: '10.77.5.1', slots: [5, 6], net: '10.77', links: [{ netns: 'smk1l1h1', veth: 'smkvabc' }] });
    expect(setup.split('\n')).to.include.members([
      'addr add 10.77.5.1/32 dev smk1l1',
      'route add 10.77.6.0/24 dev smk1l1 src 10.77.5.1',
      'link add smkvabc type veth peer name eth0 netns smk1l1h1',
    ]);
    expect(renderNetworkTeardown(['smk1l1h1'], ['smk1l1'])).to.equal('netns del smk1l1h1\nlink del smk1l1\n');
  });

  it('writes known_hosts entries as OpenSSH does: bare address on port 22, [addr]:port otherwise', () => {
    const text = renderKnownHosts([
      { address: '10.77.0.2', port: 22, publicKey: 'ssh-ed25519 AAAA host1@lab' },
      { address: '127.0.0.1', port: 2222, publicKey: 'ssh-ed25519 BBBB host2@lab' },
    ]);
    expect(text).to.equal('10.77.0.2 ssh-ed25519 AAAA\n[127.0.0.1]:2222 ssh-ed25519 BBBB\n');
  });

  it('writes valid OpenSSH ed25519 keys, also when the public key starts with a zero byte', () => {
    let key = generateKeyPairSync('ed25519').privateKey;
    // About one key in 256 starts with 0x00: the case ssh2's own generator gets wrong.
    while (Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url')[0] !== 0) key = generateKeyPairSync('ed25519').privateKey;
    for (const pair of [formatKeyPair(key, 'zero@lab'), generateKeyPair('any@lab')]) {
      const parsed = ssh2.utils.parseKey(pair.privateKey);
      const pub = ssh2.utils.parseKey(pair.publicKey);
      if (parsed instanceof Error || pub instanceof Error) throw parsed instanceof Error ? parsed : pub;
      expect(parsed.type).to.equal('ssh-ed25519');
      expect(parsed.getPublicSSH().toString('base64')).to.equal(pair.publicKey.split(' ')[1]);
      expect(Buffer.from(pair.publicKey.split(' ')[1] ?? '', 'base64')).to.have.length(51);
    }
  });

  it('renders an sshd_config for key logins of the lab users only', () => {
    const config = renderSshdConfig({
      comment: 'c', listen: ['10.77.0.2:22'], hostKey: '/k', authorizedKeys: '/a', allowUsers: ['smoker-lab', 'smoker-sudo'],
      maxStartups: '10:30:100', passwordAuth: false, disablePenalties: false,
    });
    expect(config).to.include('ListenAddress 10.77.0.2:22\n').and.include('AuthorizedKeysFile /a\n').and.include('AllowUsers smoker-lab smoker-sudo\n');
    expect(config).to.include('PasswordAuthentication no\n').and.include('MaxSessions 10\n').and.include('UsePAM no\n').and.not.include('PerSourcePenalties');
    expect(renderSshdConfig({ ...baseConfig(), passwordAuth: true, disablePenalties: true })).to.include('PasswordAuthentication yes\n').and.include('PerSourcePenalties no\n');
  });

  it('renders a host script that ends by exec-ing sshd, with private mounts from one fstab', () => {
    const script = renderHostScript({ comment: 'c', netBatch: '/l/h1/net.batch', hostname: 'web1', fstab: '/l/fstab', sshd: '/usr/sbin/sshd', sshdConfig: '/l/h1/sshd_config', sshdLog: '/l/h1/sshd.log' });
    expect(script.trim().split('\n').slice(1)).to.deep.equal([
      'set -e',
      'ip -batch /l/h1/net.batch',
      'printf %s web1 > /proc/sys/kernel/hostname',
      'mount -a -T /l/fstab',
      'exec /usr/sbin/sshd -D -f /l/h1/sshd_config -E /l/h1/sshd.log',
    ]);
    const fstab = renderHostFstab([{ name: 'smoker-lab', uid: 998, gid: 997, home: '/home/smoker-lab' }], '/l/hosts');
    expect(fstab).to.include('/home/smoker-lab tmpfs mode=0755,size=512m,uid=998,gid=997 0 0').and.include('/l/hosts /etc/hosts none bind 0 0');
  });

  it('renders an inventory with strict defaults, a host subset and extra settings', () => {
    const hosts = [1, 2, 3].map((i) => ({ name: `h${i}`, address: `10.77.0.${i + 1}`, port: 22, pid: 1, dir: '/' }));
    const doc = parse(renderInventory({ id: 'l', hosts, user: 'u', clientKey: '/k', knownHosts: '/kh' }, { hosts: ['h1', 'h3'], hostSettings: { h3: { port: 2222 } }, groups: { g: { hosts: ['h*'] } } }));
    expect(doc).to.deep.equal({
      defaults: { user: 'u', identityFile: '/k', knownHosts: '/kh', hostKeyPolicy: 'strict' },
      hosts: { h1: { address: '10.77.0.2', port: 22 }, h3: { address: '10.77.0.4', port: 2222 } },
      groups: { g: { hosts: ['h*'] } },
    });
  });
});

function baseConfig(): Parameters<typeof renderSshdConfig>[0] {
  return { comment: 'c', listen: ['127.0.0.1:2222'], hostKey: '/k', authorizedKeys: '/a', allowUsers: ['me'], maxStartups: '10', passwordAuth: false, disablePenalties: false };
}
