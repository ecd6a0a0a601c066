import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../results/workspace.js';

// A host and a check whose names hold ESC (a colour change), BEL and a newline: `diff` and `history` show them escaped.
const HOST = 'h\x1b[31mred\x07line\nbreak';
const CHECK = 'c\x1b[31mred\x07line\nbreak';
// Every control character but the newline that ends each line of output.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('control characters in host and check names (diff, history)', () => {
  let dir: string;
  let ids: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-names-'));
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  ${JSON.stringify(HOST)}: { transport: local }\nchecks: [checks.yaml]\n`);
    writeFileSync(join(dir, 'checks.yaml'), `checks:\n  ${JSON.stringify(CHECK)}: { command: "test ! -e broken" }\n`);
    expect(cli(['run'], { cwd: dir }).code).to.equal(0);
    writeFileSync(join(dir, 'broken'), '');
    expect(cli(['run'], { cwd: dir }).code).to.equal(1);
    ids = listIds(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('diff prints the names escaped, each change on one line', () => {
    const r = cli(['diff', ids[0] as string, ids[1] as string], { cwd: dir });
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout).not.to.match(RAW_CONTROL);
    expect(r.stdout).to.include('  h\\x1B[31mred\\x07line\\x0Abreak  c\\x1B[31mred\\x07line\\x0Abreak  OK → ERROR\n');
  });

  it('history prints the check and host names escaped, each host on one line', () => {
    const r = cli(['history', CHECK], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).not.to.match(RAW_CONTROL);
    expect(r.stdout).to.match(/^c\\x1B\[31mred\\x07line\\x0Abreak · 2 sessions/);
    expect(r.stdout).to.include('\nh\\x1B[31mred\\x07line\\x0Abreak  .E\n');
  });

  it('JSON keeps the names as they are', () => {
    const r = cli(['diff', ids[0] as string, ids[1] as string, '-o', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).regressions[0]).to.include({ host: HOST, check: CHECK });
  });
});

// Session ids, oldest first (two sessions of one day: their numbers order them).
function listIds(dir: string): string[] {
  return readdirSync(join(dir, 'results')).filter((n) => /^\d{4}-\d\d-\d\d--\d+$/.test(n)).sort();
}
