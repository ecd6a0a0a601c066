// Silent greens of selection (issue 15 items 2 and 16): a filter that matches nothing is exit 2 with a suggestion,
// lists split at commas, and a list flag never swallows the positional INVENTORY.
import { expect } from 'chai';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace, type Workspace } from '../results/workspace.js';

describe('selection: empty filters fail loudly, lists split at commas (e2e)', () => {
  let ws: Workspace;
  before(() => {
    ws = makeWorkspace(undefined, '  load: { command: "true", category: nagios, component: proc }\n  procs: { command: "true", category: system }');
    writeFileSync(join(ws.dir, 'mychecks.yaml'), 'checks:\n  mine: { command: "echo mine" }\n');
  });
  after(() => ws.remove());

  const noSession = () => expect(existsSync(join(ws.dir, 'results')), 'a session was written').to.equal(false);

  for (const [args, message] of [
    [['-p', 'nonexist'], /-p: no check matches "nonexist"/],
    [['-p', 'lod'], /-p: no check matches "lod" \(did you mean "load"\?\)/],
    [['--category', 'nagois'], /--category: no check has category "nagois" \(did you mean "nagios"\?\)/],
    [['--component', 'apj'], /--component: no check has component "apj" \(did you mean "api"\?\)/],
    [['--exclude-check', 'stedy'], /--exclude-check: no check matches "stedy" \(did you mean "steady"\?\)/],
    [['-p', 'steady', '-H', 'fast'], /no check matched the hosts and filters given/],
  ] as [string[], RegExp][]) {
    it(`run ${args.join(' ')} → exit 2, nothing runs`, () => {
      const r = ws.smoker(['run', 'inventory.yaml', ...args]);
      expect(r.code, r.stdout + r.stderr).to.equal(2);
      expect(r.stderr).to.match(message);
      expect(r.stdout).to.equal('');
      noSession();
    });
  }

  it('run -o nagios with a filter matching nothing: UNKNOWN, exit 3, one line', () => {
    const r = ws.smoker(['run', 'inventory.yaml', '-p', 'nonexist', '-o', 'nagios']);
    expect(r.code, r.stderr).to.equal(3);
    expect(r.stdout).to.match(/^SMOKER UNKNOWN - -p: no check matches "nonexist"/);
    expect(r.stdout.trim().split('\n')).to.have.length(1);
    noSession();
  });

  it('checks with a filter matching nothing → exit 2 with the suggestion', () => {
    const r = ws.smoker(['checks', 'inventory.yaml', '--category', 'nagois']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/--category: no check has category "nagois" \(did you mean "nagios"\?\)/);
  });

  it('-p load,procs is two names, on run and checks', () => {
    const r = ws.smoker(['run', 'inventory.yaml', '-p', 'load,procs', '-o', 'json', '--no-results']);
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as { hosts: Record<string, { checks: Record<string, unknown> }> };
    expect(Object.keys(report.hosts.fast?.checks ?? {}).sort()).to.deep.equal(['load', 'procs']);
    const listed = JSON.parse(ws.smoker(['checks', '-p', 'load,procs,steady', '--category', 'nagios,system', '--exclude-check', 'steady', '-o', 'json']).stdout) as { name: string }[];
    expect(listed.map((c) => c.name)).to.deep.equal(['load', 'procs']);
  });

  it('run --checks mychecks.yaml INVENTORY: the list flag takes one value, the positional stays the inventory', () => {
    const r = ws.smoker(['run', '--checks', 'mychecks.yaml', 'inventory.yaml', '-o', 'json', '--no-results']);
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as { hosts: Record<string, { checks: Record<string, unknown> }> };
    expect(Object.keys(report.hosts).sort()).to.deep.equal(['fast', 'mid', 'slow']);
    expect(Object.keys(report.hosts.fast?.checks ?? {})).to.deep.equal(['mine']);
  });

  it('-p and --checks before the positional, and repeated flags', () => {
    const r = ws.smoker(['checks', '-p', 'load', '-p', 'procs', 'inventory.yaml', '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name)).to.deep.equal(['load', 'procs']);
    const v = ws.smoker(['validate', '--checks', 'mychecks.yaml', 'inventory.yaml']);
    expect(v.code, v.stderr).to.equal(0);
  });
});
