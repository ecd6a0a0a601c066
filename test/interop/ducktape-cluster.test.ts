import { expect } from 'chai';
import { fromDucktapeCluster } from '../../src/interop/ducktape-cluster.js';
import { configIssues, expectRoundTrip, readFixture } from './fixture.js';

function convert(name: string) {
  return fromDucktapeCluster(readFixture('ducktape', name), name);
}

describe('interop/ducktape-cluster', () => {
  it("converts JsonCluster's documented Vagrant example, host by host", () => {
    const c = convert('vagrant-cluster.json');
    expect(c.source).to.equal('ducktape cluster vagrant-cluster.json');
    expect(c.inventory.defaults).to.deep.equal({ user: 'vagrant', identityFile: '/path/to/private_key', hostKeyPolicy: 'off' });
    expect(c.inventory.hosts).to.deep.equal({
      worker1: { address: '127.0.0.1', port: 2222, vars: { externally_routable_ip: '192.168.50.151' } },
      worker2: { address: '127.0.0.1', port: 2223, vars: { externally_routable_ip: '192.168.50.151' } },
    });
    expect(c.warnings).to.deep.equal([]);
    expectRoundTrip(c);
  });

  it('converts a cloud cluster with a connect timeout', () => {
    const c = convert('aws-cluster.json');
    expect(c.inventory.defaults).to.deep.equal({
      user: 'ubuntu',
      identityFile: '/home/ci/.ssh/ducktape.pem',
      hostKeyPolicy: 'off',
      connectTimeout: '10s',
    });
    expect(Object.keys(c.inventory.hosts)).to.deep.equal(['worker1', 'worker2', 'worker3']);
    expect(c.inventory.hosts.worker3).to.deep.equal({
      address: '10.0.1.23',
      port: 22,
      vars: { externally_routable_ip: '54.210.11.22' },
    });
    expectRoundTrip(c);
  });

  it("never copies a password, defaults the address to ducktape's localhost, and names ignored fields", () => {
    const c = convert('password-cluster.json');
    expect(c.inventory.hosts).to.deep.equal({
      'kafka-a': { address: '192.168.56.11', port: 22, user: 'vagrant' },
      'kafka-b': { address: 'localhost', user: 'root' },
    });
    expect(c.warnings).to.deep.equal([
      'password-cluster.json:18:34 nodes[1].ssh_config.stricthostkeychecking: not an ssh_config field ducktape reads; ignored',
      'password-cluster.json:9:21 nodes[0].ssh_config.password: the password of node kafka-a is a secret, not copied; export it and set passwordEnv (e.g. KAFKA_A_PASSWORD)',
    ]);
    expect(expectRoundTrip(c)).not.to.include('"vagrant"');
  });

  it('takes an empty password as none, says the UNUSED placeholder and real passwords once per file, and converts host-less nodes', () => {
    const nodes = [
      { ssh_config: { host: 'w1', hostname: '10.0.0.1', password: '' } },
      { ssh_config: { host: 'w2', hostname: '10.0.0.2', password: 'UNUSED' } },
      { ssh_config: { host: 'w3', hostname: '10.0.0.3', password: 'UNUSED' } },
      { ssh_config: { hostname: '10.0.0.4', user: 'ubuntu' }, node_type: 'large' },
      { ssh_config: { host: 'w5', password: 's3cret' } },
      { ssh_config: { host: 'w6', password: 's3cret' } },
    ];
    const c = fromDucktapeCluster(JSON.stringify({ nodes }), 'c.json');
    expect(Object.keys(c.inventory.hosts)).to.deep.equal(['w1', 'w2', 'w3', '10.0.0.4', 'w5', 'w6']);
    expect(c.inventory.hosts['10.0.0.4']).to.deep.equal({ address: '10.0.0.4', user: 'ubuntu', vars: { node_type: 'large' } });
    expect(c.warnings).to.deep.equal([
      'c.json:1:331 nodes[4].ssh_config.password: the password of 2 nodes (w5, w6) is a secret, not copied; export it and set passwordEnv (e.g. W5_PASSWORD)',
      'c.json: password "UNUSED" (ducktape\'s placeholder) on 2 node(s): converted as no password',
      'c.json: 1 node(s) without "host" named by their address: 10.0.0.4',
    ]);
  });

  it('reports invalid JSON at the line and column where parsing stopped', () => {
    expect(configIssues(() => convert('bad-syntax.json'))).to.deep.equal(['3:63 invalid JSON: Expected double-quoted property name']);
    expect(configIssues(() => fromDucktapeCluster('{"nodes": [', 'c.json'))).to.deep.equal(['1:12 invalid JSON: Unexpected end of JSON input']);
  });

  it('reports nodes without ssh_config or with a bad port at their positions', () => {
    expect(configIssues(() => convert('bad-nodes.json'))).to.deep.equal([
      '3:5 expected a node with an "ssh_config" object',
      '4:48 expected an integer 1-65535, got "22a"',
    ]);
  });

  it('rejects a file without a nodes list, and duplicate node names', () => {
    expect(configIssues(() => fromDucktapeCluster('[]', 'c.json'))).to.deep.equal([
      '1:1 expected a cluster file {"nodes": [{"ssh_config": {...}}, ...]}',
    ]);
    const dup = '{"nodes": [{"ssh_config": {"host": "w1"}}, {"ssh_config": {"host": "w1"}}]}';
    expect(configIssues(() => fromDucktapeCluster(dup, 'c.json'))).to.deep.equal(['1:68 node "w1" appears twice']);
  });
});
