import { expect } from 'chai';
import { ConfigError } from '../../src/errors.js';
import { fromVagrantSshConfig } from '../../src/interop/vagrant-ssh-config.js';
import { thrownBy } from '../support/thrown.js';
import { configIssues, expectRoundTrip, readFixture } from './fixture.js';

function convert(name: string) {
  return fromVagrantSshConfig(readFixture('vagrant', name), name);
}

describe('interop/vagrant-ssh-config', () => {
  it('converts a two-machine VirtualBox output: forwarded ports on 127.0.0.1, shared settings in defaults', () => {
    const c = convert('virtualbox-2.txt');
    expect(c.inventory.defaults).to.deep.equal({ user: 'vagrant', hostKeyPolicy: 'off' });
    expect(c.inventory.hosts).to.deep.equal({
      web: {
        address: '127.0.0.1',
        port: 2222,
        identityFile: '/home/jane/projects/shop/.vagrant/machines/web/virtualbox/private_key',
      },
      db: {
        address: '127.0.0.1',
        port: 2200,
        identityFile: '/home/jane/projects/shop/.vagrant/machines/db/virtualbox/private_key',
      },
    });
    expect(c.warnings).to.deep.equal([]);
    expectRoundTrip(c);
  });

  it('converts a three-machine VirtualBox output with quoted identity paths containing spaces', () => {
    const c = convert('virtualbox-3.txt');
    expect(Object.keys(c.inventory.hosts)).to.deep.equal(['zookeeper', 'kafka1', 'kafka2']);
    expect(Object.values(c.inventory.hosts).map((h) => h.port)).to.deep.equal([2222, 2200, 2201]);
    expect(c.inventory.hosts.kafka1?.identityFile).to.equal(
      '/Users/jane/VirtualBox VMs/kafka lab/.vagrant/machines/kafka1/virtualbox/private_key',
    );
    for (const h of Object.values(c.inventory.hosts)) expect(h.address).to.equal('127.0.0.1');
    const text = expectRoundTrip(c);
    expect(text).to.match(/^# smoker inventory converted from vagrant ssh-config output virtualbox-3\.txt/);
  });

  it('converts a two-machine libvirt output: private addresses on port 22', () => {
    const c = convert('libvirt-2.txt');
    expect(c.inventory.hosts.node1).to.deep.include({ address: '192.168.121.42', port: 22 });
    expect(c.inventory.hosts.node2).to.deep.include({ address: '192.168.121.117', port: 22 });
    expect(c.inventory.defaults).to.deep.equal({ user: 'vagrant', hostKeyPolicy: 'off' });
    expectRoundTrip(c);
  });

  it('hoists a shared list of identity files (insert_key = false) into defaults', () => {
    const c = convert('libvirt-3.txt');
    expect(c.inventory.defaults).to.deep.equal({
      user: 'vagrant',
      identityFile: [
        '/home/jane/.vagrant.d/insecure_private_keys/vagrant.key.ed25519',
        '/home/jane/.vagrant.d/insecure_private_keys/vagrant.key.rsa',
      ],
      hostKeyPolicy: 'off',
    });
    expect(c.inventory.hosts).to.deep.equal({
      control: { address: '192.168.121.10', port: 22 },
      worker1: { address: '192.168.121.11', port: 22 },
      worker2: { address: '192.168.121.12', port: 22 },
    });
    expect(expectRoundTrip(c)).to.include('control: { address: 192.168.121.10, port: 22 }');
  });

  it('warns about an option smoker cannot express, naming its line', () => {
    const c = convert('virtualbox-1-old.txt');
    expect(c.inventory.hosts.default).to.deep.equal({ address: '127.0.0.1', port: 2222 });
    expect(c.warnings).to.deep.equal(['virtualbox-1-old.txt:11:3 default: ForwardAgent yes has no smoker equivalent; not converted']);
    expect(expectRoundTrip(c)).to.include('#   - virtualbox-1-old.txt:11:3 default: ForwardAgent');
  });

  it('keeps per-host settings that differ out of defaults', () => {
    const c = fromVagrantSshConfig('Host a\n  HostName 10.0.0.1\n  User vagrant\nHost b\n  HostName 10.0.0.2\n  User ubuntu\n');
    expect(c.inventory.defaults).to.equal(undefined);
    expect(c.inventory.hosts.b).to.deep.equal({ address: '10.0.0.2', user: 'ubuntu' });
  });

  it('maps other host-key settings and ProxyJump as OpenSSH means them', () => {
    const c = fromVagrantSshConfig(
      'Host a\n  StrictHostKeyChecking accept-new\n  UserKnownHostsFile ~/.ssh/lab_known_hosts\n  ProxyJump ops@bastion:2222\n  ConnectTimeout 15\n' +
        'Host b\n  StrictHostKeyChecking yes\n',
    );
    expect(c.inventory.hosts.a).to.deep.equal({
      jump: 'ops@bastion:2222',
      hostKeyPolicy: 'accept-new',
      knownHosts: '~/.ssh/lab_known_hosts',
      connectTimeout: '15s',
    });
    expect(c.inventory.hosts.b).to.deep.equal({ hostKeyPolicy: 'strict' });
  });

  it('rejects a port that is not a number, at its column', () => {
    expect(configIssues(() => convert('bad-port.txt'))).to.deep.equal(['4:8 expected an integer 1-65535, got "22x2"']);
  });

  it('rejects stray output such as vagrant messages on stderr, with file:line:col', () => {
    expect(thrownBy(() => convert('mixed-stderr.txt'), ConfigError).message).to.match(/^mixed-stderr\.txt:6:1 expected an ssh_config line/);
  });

  it('rejects empty input, lines before the first Host, and wildcard hosts', () => {
    expect(configIssues(() => fromVagrantSshConfig(''))).to.deep.equal([
      '1:1 no "Host NAME" blocks found; expected the output of vagrant ssh-config',
    ]);
    expect(configIssues(() => fromVagrantSshConfig('  User vagrant\nHost *\n'))).to.deep.equal([
      '1:3 expected "Host NAME" before User',
      '2:6 expected one machine name after Host, got "*"',
    ]);
  });
});
