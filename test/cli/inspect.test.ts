import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli as smokerSync, makeWorkspace, statuses, type Workspace } from '../results/workspace.js';

describe('smoker inspect (e2e)', () => {
  let ws: Workspace;
  let failing: string;
  let passing: string;

  before(() => {
    ws = makeWorkspace();
    ws.breakHosts('mid');
    expect(ws.smoker(['run']).code).to.equal(1);
    ws.breakHosts();
    expect(ws.smoker(['run']).code).to.equal(0);
    [failing, passing] = ws.sessionIds() as [string, string];
  });
  after(() => ws.remove());

  it('shows the latest session by default, as run printed it, and exits as its report earns', () => {
    const r = ws.smoker(['inspect']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^fast +\[OK\]$/m).and.match(/^- steady +\[OK\]$/m);
    expect(r.stdout.trim().split('\n').at(-1)).to.match(new RegExp(`^3 hosts: 3 OK · 8 checks: 8 OK · .* · results/${passing}$`));
    expect(r.stderr).to.equal('');
  });

  it('takes an id or a folder, and exits 1 for a session with an ERROR', () => {
    const byId = ws.smoker(['inspect', failing]);
    expect(byId.code).to.equal(1);
    expect(byId.stdout).to.match(/^mid +\[ERROR\]$/m);
    const byDir = smokerSync(['inspect', join(ws.dir, 'results', failing), '-o', 'json']);
    expect(byDir.code).to.equal(1);
    expect(statuses(JSON.parse(byDir.stdout))).to.deep.equal(statuses(ws.report(failing)));
  });

  it('reads another root with --results', () => {
    const r = smokerSync(['inspect', failing, '--results', join(ws.dir, 'results'), '-o', 'minimal']);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.match(/- flaky +\[ERROR\]/);
  });

  it('-H selects hosts with Ansible patterns, groups from the session inventory included', () => {
    const hosts = (pattern: string) => Object.keys(JSON.parse(ws.smoker(['inspect', failing, '-H', pattern, '-o', 'json']).stdout).hosts);
    expect(hosts('fast,slow')).to.deep.equal(['fast', 'slow']);
    expect(hosts('*,!mid')).to.deep.equal(['fast', 'slow']);
    expect(hosts('~^(m|s)')).to.deep.equal(['mid', 'slow']);
    expect(hosts('quick')).to.deep.equal(['fast', 'mid']);
    expect(hosts('quick,&~^m')).to.deep.equal(['mid']);
    const r = ws.smoker(['inspect', failing, '-H', 'fast,slow']);
    expect(r.code, 'the failing host is filtered out').to.equal(0);
  });

  it('-H works on names and globs when the inventory is gone (its groups are then unknown)', () => {
    const copy = join(ws.dir, 'elsewhere', failing);
    cpSync(join(ws.dir, 'results', failing), copy, { recursive: true });
    const metaFile = join(copy, 'session.json');
    writeFileSync(metaFile, JSON.stringify({ ...JSON.parse(readFileSync(metaFile, 'utf8')), inventory: join(ws.dir, 'gone.yaml') }));
    try {
      const r = smokerSync(['inspect', copy, '-H', 'm*', '-o', 'json']);
      expect(r.code).to.equal(1);
      expect(Object.keys(JSON.parse(r.stdout).hosts)).to.deep.equal(['mid']);
      const group = smokerSync(['inspect', copy, '-H', 'quick']);
      expect(group.code).to.equal(2);
      expect(group.stderr).to.contain('no host or group matches "quick"');
    } finally {
      rmSync(join(ws.dir, 'elsewhere'), { recursive: true, force: true });
    }
  });

  it('an unknown host is a pattern error, exit 2', () => {
    const r = ws.smoker(['inspect', failing, '-H', 'mdi']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no host or group matches "mdi" (did you mean "mid"?)');
  });

  it('check filters: --smoke, --health, --category, --component, -p, --exclude-check', () => {
    const checks = (...args: string[]) => {
      const r = ws.smoker(['inspect', failing, '-o', 'json', ...args]);
      return Object.values(JSON.parse(r.stdout).hosts as Record<string, { host: string; checks: object }>).flatMap((h) => Object.keys(h.checks).map((c) => `${h.host}/${c}`));
    };
    expect(checks('--smoke')).to.deep.equal(['fast/sleepy', 'mid/sleepy', 'slow/sleepy']);
    expect(checks('--health', '-H', 'slow')).to.deep.equal(['slow/flaky', 'slow/steady']);
    expect(checks('--category', 'system')).to.deep.equal(['mid/steady', 'slow/steady']);
    expect(checks('--component', 'api', '-H', 'mid')).to.deep.equal(['mid/flaky']);
    expect(checks('-p', 'fl*,steady', '-H', 'fast')).to.deep.equal(['fast/flaky']);
    expect(checks('--exclude-check', 'sleepy,flaky')).to.deep.equal(['mid/steady', 'slow/steady']);
    expect(ws.smoker(['inspect', failing, '--exclude-check', 'flaky']).code, 'no ERROR left').to.equal(0);
  });

  it('--error and --nook look at the inspected session', () => {
    const r = ws.smoker(['inspect', failing, '--error', '-o', 'json']);
    expect(r.code).to.equal(1);
    expect(statuses(JSON.parse(r.stdout))).to.deep.equal({ mid: { flaky: 'ERROR' } });
    const none = ws.smoker(['inspect', passing, '--nook']);
    expect(none.code).to.equal(0);
    expect(none.stderr).to.contain('no result in this session matches');
  });

  it('renders every format: tap, junit, nagios (exit 2 on ERROR), long', () => {
    const tap = ws.smoker(['inspect', failing, '-o', 'tap']);
    expect(tap.stdout).to.match(/^TAP version 14$/m).and.match(/^not ok \d+ .*mid.*flaky/m);
    const junit = ws.smoker(['inspect', failing, '-o', 'junit']);
    expect(junit.stdout).to.match(/^<\?xml/).and.contain('<failure');
    const nagios = ws.smoker(['inspect', failing, '-o', 'nagios']);
    expect(nagios.code).to.equal(2);
    expect(nagios.stdout.split('\n')).to.have.length(2);
    const ok = ws.smoker(['inspect', passing, '-o', 'nagios']);
    expect(ok.code).to.equal(0);
    expect(ws.smoker(['inspect', failing, '-o', 'long']).stdout).to.contain('[error]');
  });

  it('--fail-on warn is honoured', () => {
    const w = makeWorkspace({ solo: 0 }, '  warny: { command: "exit 1", parser: nagios }');
    try {
      expect(w.smoker(['run', '-p', 'warny']).code).to.equal(0);
      expect(w.smoker(['inspect', '--fail-on', 'warn']).code).to.equal(1);
      expect(w.smoker(['inspect']).code).to.equal(0);
    } finally {
      w.remove();
    }
  });

  it('a missing session is a session error, exit 2', () => {
    const r = ws.smoker(['inspect', '2020-01-01--001']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^smoker: no session "2020-01-01--001"/);
    const empty = smokerSync(['inspect', '--results', join(ws.dir, 'nothing-here')]);
    expect(empty.code).to.equal(2);
    expect(empty.stderr).to.contain('no session "latest"');
  });

  it('--help shows examples', () => {
    const r = smokerSync(['inspect', '--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('Examples:').and.contain('smoker inspect 2026-11-22--003');
  });

  // Last: it makes an exec session the latest.
  it('-o long of an exec session shows each host\'s command output (issue 15 item 16)', () => {
    const exec = ws.smoker(['exec', '-H', 'fast', '--', 'echo from-exec; echo to-stderr >&2']);
    expect(exec.code, exec.stderr).to.equal(0);
    const r = ws.smoker(['inspect', '-o', 'long']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^fast +\[OK\]\n- exec +\[OK\] \(.*\)\n {4}\[stdout\] from-exec\n {4}\[stderr\] to-stderr\n/m);
  });
});
