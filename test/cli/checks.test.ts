import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, makeWorkspace, type Workspace } from '../results/workspace.js';

const EXTRA = [
  '  uptime: { module: uptime, type: healthCheck, category: system, timeout: 5s }',
  '  load:   { command: "cat /proc/loadavg", parser: { type: number, match: "^([0-9.]+)", warn: ">50", error: ">100" }, hosts: "quick,!fast" }',
  '  old:    { command: "true", enabled: false }',
].join('\n');

interface Listed { name: string; type?: string; category?: string; component?: string; command?: string; module?: string; parser: unknown; timeoutMs: number; hosts: string[]; hostPattern: string | null; enabled: boolean }

describe('smoker checks (e2e)', () => {
  let ws: Workspace;
  before(() => {
    ws = makeWorkspace(undefined, EXTRA);
  });
  after(() => ws.remove());

  const list = (...args: string[]) => {
    const r = ws.smoker(['checks', ...args, '-o', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    return JSON.parse(r.stdout) as Listed[];
  };

  it('lists every check after templates, with the hosts its pattern resolves to', () => {
    const l = list();
    expect(l.map((c) => [c.name, c.hosts.join(',')])).to.deep.equal([
      ['sleepy', 'fast,mid,slow'],
      ['flaky', 'fast,mid,slow'],
      ['steady', 'mid,slow'],
      ['uptime', 'fast,mid,slow'],
      ['load', 'mid'],
      ['old', ''],
    ]);
    const load = l.find((c) => c.name === 'load')!;
    expect(load).to.include({ command: 'cat /proc/loadavg', hostPattern: 'quick,!fast', timeoutMs: 30000, enabled: true });
    expect(load.parser).to.deep.include({ type: 'number' });
    expect(l.find((c) => c.name === 'uptime')).to.include({ module: 'uptime', parser: 'auto', timeoutMs: 5000, type: 'healthCheck', category: 'system' });
    expect(l.find((c) => c.name === 'old')).to.include({ enabled: false });
  });

  it('a table with name, type, category, component, command/module, parser, timeout and hosts', () => {
    const r = ws.smoker(['checks']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/│ check +│ type +│ category +│ component +│ command \/ module +│ parser +│ timeout +│ hosts +│/);
    expect(r.stdout).to.match(/│ flaky +│ healthCheck +│ app +│ api +│ test ! -e \{\{ host \}\}\.broken +│ auto +│ 30s +│ fast,mid,slow +│/);
    expect(r.stdout).to.match(/│ uptime +│ healthCheck +│ system +│ +│ module uptime +│ auto +│ 5s +│/);
    expect(r.stdout).to.match(/│ load +│ +│ +│ +│ cat \/proc\/loadavg +│ number +│ 30s +│ mid +│/);
    expect(r.stdout).to.match(/│ old \(disabled\) .*│ \(none\) +│/);
    expect(r.stdout).to.match(/^6 checks$/m);
  });

  it('takes the same filters as run', () => {
    expect(list('--smoke').map((c) => c.name)).to.deep.equal(['sleepy']);
    expect(list('--health', '--category', 'system').map((c) => c.name)).to.deep.equal(['steady', 'uptime']);
    expect(list('--component', 'api').map((c) => c.name)).to.deep.equal(['flaky']);
    expect(list('-p', 's*', '--exclude-check', 'sleepy').map((c) => c.name)).to.deep.equal(['steady']);
    expect(list('-H', 'fast').map((c) => [c.name, c.hosts.join(',')])).to.deep.equal([['sleepy', 'fast'], ['flaky', 'fast'], ['uptime', 'fast']]);
    expect(list('-H', 'quick', '--category', 'system').map((c) => [c.name, c.hosts.join(',')])).to.deep.equal([['steady', 'mid'], ['uptime', 'fast,mid']]);
  });

  it('--error/--nook: what run would re-run, from the latest session', () => {
    ws.breakHosts('mid');
    ws.smoker(['run', '-p', 'flaky,steady']);
    ws.breakHosts();
    expect(list('--error').map((c) => [c.name, c.hosts.join(',')])).to.deep.equal([['flaky', 'mid']]);
    expect(list('--nook', '--results', join(ws.dir, 'results')).map((c) => c.name)).to.deep.equal(['flaky']);
  });

  it('--checks PATH replaces the inventory list; bad input exits 2', () => {
    writeFileSync(join(ws.dir, 'other.yaml'), 'checks:\n  only: { command: "true" }\n');
    expect(list('--checks', 'other.yaml').map((c) => c.name)).to.deep.equal(['only']);
    const bad = ws.smoker(['checks', '-H', 'nope']);
    expect(bad.code).to.equal(2);
    writeFileSync(join(ws.dir, 'broken.yaml'), 'checks:\n  x: { comand: "true" }\n');
    const r = ws.smoker(['checks', '--checks', 'broken.yaml']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/broken\.yaml:\d+:\d+/);
  });

  it('--help shows examples', () => {
    expect(cli(['checks', '--help']).stdout).to.contain('Examples:').and.contain('smoker checks --nook');
  });
});
