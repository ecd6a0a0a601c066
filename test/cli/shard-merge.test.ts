import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index.js';
import { smoker as runCli, type CliResult } from '../support/cli.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import type { RunReport } from '../../src/results/types.js';

// The built CLI needs no loader: keep a test runner's NODE_OPTIONS (e.g. --import tsx) out of it.
const smoker = (args: string[]): Promise<CliResult> => runCli(args, { env: { NODE_OPTIONS: '' } });

const CHECKS = `checks:
  whoami: { command: id -un, type: smokeTest }
  load:   { command: 'echo "OK - load fine | load=0.1"', parser: nagios }
  fails:  { command: 'echo "CRITICAL - disk full"; exit 2', parser: nagios, hosts: "host2,host3" }
  warns:  { command: 'echo "WARNING - slow"; exit 1', parser: nagios, hosts: host5 }
`;

const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(...parts), 'utf8')) as T;

/** Host → check → status, the part of a report that must not depend on sharding. */
function statuses(report: RunReport): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [host, h] of Object.entries(report.hosts)) out[host] = Object.fromEntries(Object.entries(h.checks).map(([c, r]) => [c, r.status]));
  return out;
}

/** The session folder a run just wrote (its last summary line names it). */
function sessionOf(r: CliResult): string {
  const m = /(\S+\/\d{4}-\d{2}-\d{2}--\d+)\s*$/.exec(r.stdout.trim());
  if (!m?.[1]) expect.fail(`no session in output:\n${r.stdout}`);
  return m[1];
}

describe('--shard K/N and sessions merge against real sshd hosts (e2e) @lab', function () {
  this.timeout(180_000);
  let lab: Lab;
  let inventory: string;
  let results: string;
  let whole: string;
  const shards: string[] = [];

  before(async () => {
    lab = await startLab({ hosts: 5 });
    const checks = join(lab.dir, 'checks.yaml');
    writeFileSync(checks, CHECKS);
    inventory = lab.writeInventory(join(lab.dir, 'inventory.yaml'), { checks: [checks] });
    results = join(lab.dir, 'results');
    const unsharded = await smoker(['run', inventory, '--results', results]);
    expect(unsharded.code, unsharded.stderr).to.equal(1);
    whole = sessionOf(unsharded);
    for (const k of [1, 2, 3]) {
      const r = await smoker(['run', inventory, '--shard', `${k}/3`, '--results', results]);
      expect(r.code, r.stderr).to.be.oneOf([0, 1]);
      shards.push(sessionOf(r));
    }
  });
  after(async () => lab?.close());

  it('each shard run records its shard and runs a balanced share of the hosts', () => {
    const sizes = shards.map((dir, i) => {
      expect(readJson<SessionMeta>(dir, 'session.json')).to.deep.include({ shard: `${i + 1}/3`, state: 'complete' });
      return Object.keys(readJson<RunReport>(dir, 'report.json').hosts).length;
    });
    expect(sizes.reduce((a, b) => a + b)).to.equal(5);
    expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
  });

  it('hosts --shard K/N lists the hosts that shard ran', async () => {
    for (const [i, dir] of shards.entries()) {
      const r = await smoker(['hosts', inventory, '--shard', `${i + 1}/3`, '-o', 'json']);
      expect(r.code, r.stderr).to.equal(0);
      const names = (JSON.parse(r.stdout) as { name: string }[]).map((h) => h.name);
      expect(names).to.deep.equal(Object.keys(readJson<RunReport>(dir, 'report.json').hosts));
    }
  });

  it('a merge of the three shards equals the unsharded run: same hosts, checks and statuses', async () => {
    const r = await smoker(['sessions', 'merge', ...shards, '--results', results]);
    expect(r.code, r.stderr).to.equal(1); // the merged report has ERROR checks, like the unsharded run
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.match(/^merged 3 sessions into .*\d{4}-\d{2}-\d{2}--\d+\n/);
    const merged = join(results, 'latest');
    const report = readJson<RunReport>(merged, 'report.json');
    const single = readJson<RunReport>(whole, 'report.json');
    expect(statuses(report)).to.deep.equal(statuses(single));
    expect(Object.keys(report.hosts)).to.deep.equal(lab.hosts.map((h) => h.name));
    expect(report.counts).to.deep.equal(single.counts);
    expect(report.status).to.equal(single.status);

    const meta = readJson<SessionMeta>(merged, 'session.json');
    expect(meta).to.deep.include({ command: 'merge', state: 'complete', sources: shards, inventory });
    expect(meta.counts).to.deep.equal(single.counts);
    for (const h of lab.hosts) {
      for (const check of Object.keys(single.hosts[h.name]?.checks ?? {})) {
        expect(existsSync(join(merged, 'hosts', h.name, check, 'result.json')), `${h.name}/${check}/result.json`).to.equal(true);
      }
    }
    const junit = readFileSync(join(merged, 'junit.xml'), 'utf8');
    for (const h of lab.hosts) expect(junit).to.include(h.name);
    expect(readFileSync(join(merged, 'summary.txt'), 'utf8')).to.match(/^FAIL/);
    expect(readFileSync(join(merged, 'report.html'), 'utf8')).to.include(lab.hosts[4]?.name ?? '?');
  });

  it('sessions are found by id under --results too, and a missing shard is a warning', async () => {
    const ids = shards.slice(0, 2).map((d) => d.split('/').pop() as string);
    const r = await smoker(['sessions', 'merge', ...ids, '--results', results]);
    expect(r.code, r.stderr).to.be.oneOf([0, 1]);
    expect(r.stderr).to.include('warning: shard 3/3 not given');
  });

  it('the same host in two sessions is an error (exit 2), and no session is written', async () => {
    const before = (await smoker(['sessions', '--results', results, '-o', 'json'])).stdout;
    const r = await smoker(['sessions', 'merge', whole, shards[0] as string, '--results', results]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^smoker: sessions merge: host host\d is in both /);
    expect((await smoker(['sessions', '--results', results, '-o', 'json'])).stdout).to.equal(before);
  });

  it('a session given twice is an error (exit 2)', async () => {
    const r = await smoker(['sessions', 'merge', shards[0] as string, shards[0] as string, '--results', results]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('is given twice');
  });

  it('exec --shard runs on its share only and records it', async () => {
    const r = await smoker(['exec', inventory, '--shard', '2/2', '-o', 'json', '--results', results, '--', 'true']);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { hosts: { host: string }[]; session: string };
    expect(out.hosts).to.have.length(2);
    expect(readJson<SessionMeta>(out.session, 'session.json').shard).to.equal('2/2');
  });

  for (const bad of ['0/3', '4/3', 'x']) {
    it(`--shard ${bad}: usage error, exit 2, nothing run`, async () => {
      for (const cmd of [['run', inventory], ['exec', inventory, '--', 'true']]) {
        const r = await smoker([...cmd.slice(0, 2), '--shard', bad, '--results', join(lab.dir, 'never'), ...cmd.slice(2)]);
        expect(r.code, r.stderr).to.equal(2);
        expect(r.stderr).to.include(`--shard: expected K/N with 1 ≤ K ≤ N, e.g. 2/3, got "${bad}"`);
        expect(existsSync(join(lab.dir, 'never'))).to.equal(false);
      }
    });
  }
});
