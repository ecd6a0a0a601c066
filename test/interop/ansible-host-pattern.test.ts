import { expect } from 'chai';
import { expandHostPattern } from '../../src/interop/ansible-host-pattern.js';
import { fromAnsibleInventory } from '../../src/interop/ansible-inventory.js';

describe('interop/ansible-host-pattern', () => {
  it('leaves a plain name alone', () => {
    expect(expandHostPattern('mail.example.com')).to.deep.equal({ names: ['mail.example.com'], port: undefined, rangeKey: undefined });
  });

  it('splits host:port and [ipv6]:port, but not a bare IPv6 address', () => {
    expect(expandHostPattern('badwolf.example.com:5309')).to.deep.include({ names: ['badwolf.example.com'], port: 5309 });
    expect(expandHostPattern('[2001:db8::1]:2222')).to.deep.include({ names: ['2001:db8::1'], port: 2222 });
    expect(expandHostPattern('2001:db8::1')).to.deep.include({ names: ['2001:db8::1'], port: undefined });
    expect(() => expandHostPattern('host:70000')).to.throw(/port 1-65535/);
  });

  it('expands padded and unpadded numeric ranges and keeps them as smoker ranges', () => {
    const padded = expandHostPattern('www[01:03].example.com');
    expect(padded.names).to.deep.equal(['www01.example.com', 'www02.example.com', 'www03.example.com']);
    expect(padded.rangeKey).to.equal('www[01:03].example.com');
    const plain = expandHostPattern('node[8:10]');
    expect(plain.names).to.deep.equal(['node8', 'node9', 'node10']);
    expect(plain.rangeKey).to.equal('node[8:10]');
  });

  it('expands strides, letters and several ranges, and keeps them as smoker expands them alike', () => {
    expect(expandHostPattern('www[01:07:3]')).to.deep.include({ names: ['www01', 'www04', 'www07'], rangeKey: 'www[01:07:3]' });
    expect(expandHostPattern('db-[a:c].example.com')).to.deep.include({
      names: ['db-a.example.com', 'db-b.example.com', 'db-c.example.com'],
      rangeKey: 'db-[a:c].example.com',
    });
    expect(expandHostPattern('r[1:2]n[a:b]')).to.deep.include({ names: ['r1na', 'r1nb', 'r2na', 'r2nb'], rangeKey: 'r[1:2]n[a:b]' });
  });

  it("expands, and does not keep, ranges where smoker's syntax differs from Ansible's", () => {
    expect(expandHostPattern('h[:2]')).to.deep.include({ names: ['h0', 'h1', 'h2'], rangeKey: undefined });
    // Ansible runs through a-z then A-Z; smoker counts character codes.
    expect(expandHostPattern('n[y:B]')).to.deep.include({ names: ['ny', 'nz', 'nA', 'nB'], rangeKey: undefined });
  });

  it('keeps the port apart from a range', () => {
    expect(expandHostPattern('web[1:2]:2222')).to.deep.equal({ names: ['web1', 'web2'], port: 2222, rangeKey: 'web[1:2]' });
  });

  it('rejects malformed ranges with a reason', () => {
    expect(() => expandHostPattern('web[1:2')).to.throw(/unclosed/);
    expect(() => expandHostPattern('web[1]')).to.throw(/begin:end/);
    expect(() => expandHostPattern('web[3:1:0]')).to.throw(/step/);
    expect(() => expandHostPattern('web[c:a]')).to.throw(/begin <= end/);
  });

  describe('ranges in a converted inventory', () => {
    it('expands a range whose hosts differ, or that another line also names', () => {
      const c = fromAnsibleInventory('[web]\nweb[1:3] ansible_user=deploy\n[canary]\nweb2\n', 'hosts');
      expect(Object.keys(c.inventory.hosts)).to.deep.equal(['web1', 'web2', 'web3']);
      expect(c.inventory.groups).to.deep.equal({ web: { hosts: ['web1', 'web2', 'web3'] }, canary: { hosts: ['web2'] } });
      const v = fromAnsibleInventory('[web]\nweb[1:3]\nweb2 ansible_port=2222\n', 'hosts');
      expect(v.inventory.hosts).to.deep.equal({ web1: {}, web2: { port: 2222 }, web3: {} });
    });

    it('keeps a range whole when it is listed in several groups alike, with shared settings', () => {
      const c = fromAnsibleInventory('[web]\nweb[01:03] ansible_user=deploy\n[prod]\nweb[01:03]\n', 'hosts');
      expect(c.inventory.hosts).to.deep.equal({ 'web[01:03]': { user: 'deploy' } });
      expect(c.inventory.groups).to.deep.equal({ web: { hosts: ['web[01:03]'] }, prod: { hosts: ['web[01:03]'] } });
    });

    it('warns once for a whole range, naming the range', () => {
      const c = fromAnsibleInventory('[web]\nweb[1:50] ansible_password=hunter2\n', 'hosts');
      expect(c.inventory.hosts).to.deep.equal({ 'web[1:50]': {} });
      expect(c.warnings).to.deep.equal([
        'hosts:2:11 host web[1:50]: ansible_password is a secret and was not copied; export it and set passwordEnv: WEB_1_50_PASSWORD',
      ]);
    });
  });
});
