// -H by address (issue 15 item 16): a host is selected by its name, its inventory address or the address a connection
// resolves; several hosts at one address are all selected. Every -H command shares the one selection.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { patternUniverse } from '../../src/config/pattern-universe.js';
import { selectHostsStrict } from '../../src/config/patterns.js';
import { loadInventory } from '../../src/config/inventory.js';
import { smokerSync } from '../support/cli.js';

describe('-H by address (e2e)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-h-addr-'));
  const inventory = join(dir, 'lab.yaml');
  const run = (args: string[]) => smokerSync(args, { cwd: dir });

  before(() => {
    writeFileSync(
      inventory,
      [
        'hosts:',
        '  web1: { address: 10.0.0.1 }',
        '  web2: { address: 10.0.0.2 }',
        '  twin1: { address: 10.0.0.9, port: 2201 }',
        '  twin2: { address: 10.0.0.9, port: 2202 }',
        '  loc1: { transport: local, address: 127.0.0.5 }',
        '  loc2: { transport: local }',
        'checks: [c.yaml]',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'c.yaml'), 'checks:\n  hello: { command: "echo hi" }\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const names = (r: { code: number | null; stdout: string; stderr: string }) => {
    expect(r.code, r.stderr).to.equal(0);
    return (JSON.parse(r.stdout) as { name: string }[]).map((h) => h.name);
  };

  it('smoker hosts -H ADDRESS selects the host at it; an address shared by two hosts selects both', () => {
    expect(names(run(['hosts', inventory, '-H', '10.0.0.2', '-o', 'json']))).to.deep.equal(['web2']);
    expect(names(run(['hosts', inventory, '-H', '10.0.0.9', '-o', 'json']))).to.deep.equal(['twin1', 'twin2']);
    expect(names(run(['hosts', inventory, '-H', 'web1,10.0.0.9,!twin2', '-o', 'json']))).to.deep.equal(['web1', 'twin1']);
  });

  it('exec and checks take an address for -H too; an address nobody has is still exit 2', () => {
    const r = run(['exec', inventory, '-H', '127.0.0.5', '--no-results', '-o', 'json', '--', 'echo', 'hi']);
    expect(r.code, r.stderr).to.equal(0);
    expect((JSON.parse(r.stdout) as { hosts: { host: string }[] }).hosts.map((h) => h.host)).to.deep.equal(['loc1']);
    const listed = JSON.parse(run(['checks', inventory, '-H', '10.0.0.1', '-o', 'json']).stdout) as { hosts: string[] }[];
    expect(listed[0]?.hosts).to.deep.equal(['web1']);
    const none = run(['hosts', inventory, '-H', '10.0.0.77']);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain('no host or group matches "10.0.0.77"');
  });

  it('inspect -H ADDRESS on a stored session, through the inventory it ran with', () => {
    const results = join(dir, 'results');
    expect(run(['exec', inventory, '-H', 'loc1,loc2', '--results', results, '--', 'true']).code).to.equal(0);
    const r = run(['inspect', '--results', results, '-H', '127.0.0.5', '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    expect(Object.keys((JSON.parse(r.stdout) as { hosts: Record<string, unknown> }).hosts)).to.deep.equal(['loc1']);
  });

  it('the address a connection resolves counts as well as the inventory one', () => {
    const inv = loadInventory(inventory);
    const u = patternUniverse(inv, (h) => (h.name === 'loc2' ? 'box.example' : h.address));
    expect(selectHostsStrict('box.example', u)).to.deep.equal(['loc2']);
    expect(selectHostsStrict('127.0.0.5', u)).to.deep.equal(['loc1']);
  });
});
