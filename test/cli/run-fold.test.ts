// `run -o normal` on a fleet: all-OK hosts fold to one row, every failure shown once with its hosts folded (issue 15 item 13).
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';

/** 100 local hosts web001..web100; the `failing` ones get FAIL=1 in their environment. */
function writeFleet(dir: string, file: string, failing: string[]): string {
  const hosts = Array.from({ length: 100 }, (_, i) => `web${String(i + 1).padStart(3, '0')}`)
    .map((h) => `  ${h}: { transport: local${failing.includes(h) ? ', env: { FAIL: "1" }' : ''} }`)
    .join('\n');
  return writeInventory(join(dir, file), `hosts:\n${hosts}\nchecks: [checks.yaml]\n`);
}

function writeInventory(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

describe('cli: run -o normal folds a fleet', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-fold-'));
    const ok = Array.from({ length: 5 }, (_, i) => `  c${i + 1}: { command: "true" }`).join('\n');
    writeFileSync(join(dir, 'checks.yaml'), `checks:\n${ok}\n  disk: { parser: nagios, command: 'if [ -n "$FAIL" ]; then echo DISK CRITICAL - /data read-only; exit 2; fi; echo DISK OK' }\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('100 hosts × 6 all-OK checks: at most 10 lines', async () => {
    const r = await smoker(['run', writeFleet(dir, 'ok.yaml', []), '--no-results', '-o', 'normal'], { env: { CI: '1' } });
    expect(r.code, r.stderr).to.equal(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length, r.stdout).to.be.at.most(10);
    expect(r.stdout).to.match(/^web\[001-100\] \(100\)\s+\[OK\] 6 checks each, all OK$/m);
    expect(lines.at(-1)).to.match(/^100 hosts: 100 OK · 600 checks: 600 OK/);
  });

  it('3 failing hosts: the failure once, its hosts folded, under 10 lines', async () => {
    const r = await smoker(['run', writeFleet(dir, 'bad.yaml', ['web007', 'web008', 'web050']), '--no-results', '-o', 'normal'], { env: { CI: '1' } });
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout).to.match(/^web\[007-008,050\] \(3\) - disk\s+\[ERROR\]$/m);
    expect(r.stdout).to.include('    [error] DISK CRITICAL - /data read-only\n');
    expect(r.stdout.match(/read-only/g)).to.have.length(1);
    expect(r.stdout).to.match(/^web\[001-006,009-049,051-100\] \(97\)\s+\[OK\] 6 checks each, all OK$/m);
    expect(r.stdout.trimEnd().split('\n').length, r.stdout).to.be.at.most(10);
  });
});
