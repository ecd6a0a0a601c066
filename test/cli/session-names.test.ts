// Host and check names become session folders reversibly: two names never share a folder, nothing raw reaches a terminal (SPEC §4).
import { expect } from 'chai';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, labInventory, onlySession, openLabHome, writeInventoryDoc } from '../transport/integration-support.js';

const LONG = `long-${'x'.repeat(295)}`;
const NASTY_HOST = 'bell\u0007\u001b[31mred\nline';
const NASTY_CHECK = 'chk\u001b]0;pwned\u0007';

describe('session folder names: distinct, safe, reversible @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;

  before(async () => ({ lab, home } = await openLabHome({ hosts: 2 }, 'smoker-names-')));
  after(() => closeLabHome(lab, home));

  it('a/b and a_b, c/d and c_d, . and .., a 300-character check, control characters: each its own folder', async () => {
    const doc = labInventory(lab);
    const [h1, h2] = Object.values(doc.hosts);
    doc.hosts = { 'a/b': { ...h1 }, a_b: { ...h2 }, '.': { ...h1 }, '..': { ...h2 }, [NASTY_HOST]: { ...h1 } };
    doc.checks = ['checks.yaml'];
    const inventory = writeInventoryDoc(join(home, 'inventory.yaml'), doc);
    writeFileSync(
      join(home, 'checks.yaml'),
      JSON.stringify({
        checks: {
          'c/d': { command: 'echo "c/d on {{ host }}"; test "{{ host }}" != a_b' },
          c_d: { command: 'echo "c_d on {{ host }}"' },
          [LONG]: { command: 'echo long' },
          [NASTY_CHECK]: { command: 'echo nasty' },
        },
      }),
    );
    const results = join(home, 'results');
    const r = await smoker(['run', inventory, '--results', results], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout + r.stderr, 'no raw ESC or BEL on the terminal').not.to.match(/[\u0007\u001b]/);
    expect(r.stdout).to.contain('bell\\x07\\x1B[31mred\\x0Aline').and.contain('chk\\x1B]0;pwned\\x07');

    const dir = onlySession(results);
    const hostDirs = readdirSync(join(dir, 'hosts')).sort();
    expect(hostDirs).to.deep.equal(['%2E', '%2E%2E', 'a%2Fb', 'a_b', 'bell%07%1B[31mred%0Aline']);
    const read = (host: string, check: string, file: string) => readFileSync(join(dir, 'hosts', host, check, file), 'utf8');
    const status = (host: string, check: string) => (JSON.parse(read(host, check, 'result.json')) as { status: string }).status;
    // The failing c/d on a_b and the passing ones each kept their own output.
    expect(status('a_b', 'c%2Fd')).to.equal('ERROR');
    expect(read('a_b', 'c%2Fd', 'stdout')).to.equal('c/d on a_b\n');
    expect(status('a%2Fb', 'c%2Fd')).to.equal('OK');
    expect(read('a%2Fb', 'c%2Fd', 'stdout')).to.equal('c/d on a/b\n');
    expect(read('a_b', 'c_d', 'stdout')).to.equal('c_d on a_b\n');
    expect(read('%2E%2E', 'c_d', 'stdout')).to.equal('c_d on ..\n');
    for (const host of hostDirs) {
      const checks = readdirSync(join(dir, 'hosts', host));
      expect(checks, host).to.have.length(4);
      for (const c of checks) {
        expect(Buffer.byteLength(c), c).to.be.at.most(255);
        expect(c, 'no control character in a folder name').not.to.match(/[\u0000-\u001f\u007f]/);
      }
    }
    // The long check ran everywhere and its result names it in full.
    const long = readdirSync(join(dir, 'hosts', 'a_b')).find((c) => c.startsWith('long-')) ?? '';
    expect((JSON.parse(read('a_b', long, 'result.json')) as { check: string }).check).to.equal(LONG);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { hosts: Record<string, { checks: Record<string, { status: string }> }> };
    expect(Object.keys(report.hosts).sort()).to.deep.equal(['.', '..', 'a/b', 'a_b', NASTY_HOST].sort());
    expect(report.hosts.a_b?.checks['c/d']?.status).to.equal('ERROR');
    expect(report.hosts['a/b']?.checks['c/d']?.status).to.equal('OK');

    const again = await smoker(['inspect', '--results', results], { env: cliEnv(home) });
    expect(again.code).to.equal(1);
    expect(again.stdout).not.to.match(/[\u0007\u001b]/);
  });
});
