import { expect } from 'chai';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInventory } from '../../src/config/inventory.js';
import { resolveInventoryPath } from '../../src/config/inventory-path.js';
import { UsageError } from '../../src/errors.js';

function write(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('config/inventory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smoker-inv-'));
  mkdirSync(join(dir, 'checks'));

  it('applies precedence host > child group > parent group > defaults', () => {
    const p = write(
      dir,
      'prec.yaml',
      `defaults: { user: d, port: 1001, connectTimeout: 3s, env: { A: d, B: d } }
vars: { v: inv, w: inv }
hosts:
  web[01:02]: { address: "10.0.0.{{ index }}" }
  web03: { user: hostuser, vars: { v: host } }
groups:
  web: { hosts: ["web*"], port: 2002, vars: { v: web, w: web }, env: { B: web } }
  prod: { children: [web], port: 3003, user: produser, vars: { v: prod, x: prod } }
checks: [checks]
`,
    );
    const inv = loadInventory(p);
    const [w1, , w3] = inv.hosts;
    expect(inv.hosts.map((h) => h.name)).to.deep.equal(['web01', 'web02', 'web03']);
    expect(w1?.address).to.equal('10.0.0.1');
    expect(w1?.addressSet).to.equal(true);
    expect(w3?.address).to.equal('web03');
    expect(w3?.addressSet).to.equal(false);
    expect(w1?.port).to.equal(2002); // child group beats parent group
    expect(w1?.user).to.equal('produser'); // parent group beats defaults
    expect(w3?.user).to.equal('hostuser'); // host beats groups
    expect(w1?.connectTimeoutMs).to.equal(3000);
    expect(w1?.env).to.deep.equal({ A: 'd', B: 'web' });
    expect(w1?.vars).to.deep.equal({ v: 'web', w: 'web', x: 'prod' });
    expect(w3?.vars.v).to.equal('host');
    expect(w1?.groups).to.deep.equal(['prod', 'web']);
    expect(inv.groups.get('prod')?.hosts).to.deep.equal(['web01', 'web02', 'web03']);
    expect(inv.checks).to.deep.equal([join(dir, 'checks')]);
  });

  it('fills defaults and freezes the result', () => {
    const inv = loadInventory(write(dir, 'min.yaml', 'hosts: { a: , b: { transport: local } }\n'));
    const [a, b] = inv.hosts;
    expect(a?.transport).to.equal('ssh');
    expect(a?.maxChannels).to.equal(8);
    expect(a?.connectTimeoutMs).to.equal(10000);
    expect(b?.transport).to.equal('local');
    expect(Object.isFrozen(a)).to.equal(true);
    expect(inv.groups.get('ungrouped')?.hosts).to.deep.equal(['a', 'b']);
  });

  it('accepts case-sensitive keys, yaml anchors and merge keys', () => {
    const inv = loadInventory(
      write(dir, 'anchors.yaml', 'defaults: &d { user: u1 }\nhosts:\n  a: { <<: *d, port: 2 }\n  b: *d\n'),
    );
    expect(inv.hosts.map((h) => [h.user, h.port])).to.deep.equal([
      ['u1', 2],
      ['u1', undefined],
    ]);
  });

  describe('resolveInventoryPath', () => {
    it('prefers argument, then -i, then $SMOKER_INVENTORY', () => {
      expect(resolveInventoryPath({ arg: 'a', flag: './a', env: 'c', cwd: dir })).to.equal('a');
      expect(resolveInventoryPath({ arg: 'a', env: 'c', cwd: dir })).to.equal('a');
      expect(resolveInventoryPath({ flag: 'b', env: 'c', cwd: dir })).to.equal('b');
      expect(resolveInventoryPath({ env: 'c', cwd: dir })).to.equal('c');
    });
    it('an argument and a different -i is a usage error, not a silent choice', () => {
      expect(() => resolveInventoryPath({ arg: 'a', flag: 'b', cwd: dir })).to.throw(UsageError, 'two inventories given: a (argument) and b (-i); give one');
    });
    it('then ./inventory.yaml, then the only file in ./inventories/', () => {
      const d1 = mkdtempSync(join(tmpdir(), 'smoker-cwd-'));
      mkdirSync(join(d1, 'inventories'));
      write(join(d1, 'inventories'), 'only.yaml', 'hosts: {}\n');
      expect(resolveInventoryPath({ cwd: d1 })).to.equal(join(d1, 'inventories', 'only.yaml'));
      write(d1, 'inventory.yaml', 'hosts: {}\n');
      expect(resolveInventoryPath({ cwd: d1 })).to.equal(join(d1, 'inventory.yaml'));
    });
    it('names the candidates when it cannot choose', () => {
      const d2 = mkdtempSync(join(tmpdir(), 'smoker-cwd-'));
      mkdirSync(join(d2, 'inventories'));
      write(join(d2, 'inventories'), 'a.yaml', '');
      write(join(d2, 'inventories'), 'b.yaml', '');
      expect(() => resolveInventoryPath({ cwd: d2 })).to.throw(UsageError, /inventories\/a.yaml, inventories\/b.yaml/);
    });
  });
});
