// `smoker run` end to end on local-transport hosts (no SSH): the session it writes, --every, usage errors.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { CLI, smoker } from '../support/cli.js';

describe('cli: smoker run (local transport)', function () {
  this.timeout(60_000);
  let dir: string;
  let inv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-cli-run-'));
    writeFileSync(
      join(dir, 'checks.yaml'),
      `checks:
  ok: { command: "echo fine; echo note >&2" }
  bad: { command: "echo broken >&2; exit 1" }
`,
    );
    inv = join(dir, 'inventory.yaml');
    writeFileSync(inv, 'hosts:\n  a: { transport: local }\n  b: { transport: local }\nchecks: [checks.yaml]\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a session: report.json, summary.txt, junit.xml, report.html and per check stdout/stderr/result.json', async () => {
    const results = join(dir, 'results-1');
    const out = await smoker(['run', inv, '--results', results]);
    expect(out.code).to.equal(1);
    const ids = readdirSync(results).filter((d) => d !== 'latest');
    expect(ids).to.have.length(1);
    const id = ids[0] as string;
    expect(id).to.match(/^\d{4}-\d\d-\d\d--\d{3}$/);
    expect(out.stdout.trimEnd().split('\n').pop()).to.match(new RegExp(`· ${results.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${id}$`));
    const session = join(results, id);
    expect(realpathSync(join(results, 'latest'))).to.equal(realpathSync(session));
    for (const f of ['session.json', 'report.json', 'summary.txt', 'junit.xml', 'report.html']) expect(existsSync(join(session, f)), f).to.equal(true);
    const report = JSON.parse(readFileSync(join(session, 'report.json'), 'utf8')) as RunReport;
    expect(report.counts.checks).to.include({ OK: 2, ERROR: 2 });
    expect(readFileSync(join(session, 'hosts', 'a', 'ok', 'stdout'), 'utf8')).to.equal('fine\n');
    expect(readFileSync(join(session, 'hosts', 'a', 'ok', 'stderr'), 'utf8')).to.equal('note\n');
    expect(JSON.parse(readFileSync(join(session, 'hosts', 'b', 'bad', 'result.json'), 'utf8'))).to.include({ check: 'bad', host: 'b', status: 'ERROR', exitCode: 1 });
    const sessionJson = JSON.parse(readFileSync(join(session, 'session.json'), 'utf8')) as { command: string; state: string };
    expect(sessionJson).to.include({ command: 'run', state: 'complete' });
    expect(readFileSync(join(session, 'summary.txt'), 'utf8').split('\n')[0]).to.match(/^FAIL/);
  });

  it('a check that cannot start (a Python module of the Smoker daemon) is UNKNOWN, with its result.json too', async () => {
    const results = join(dir, 'results-py');
    const checks = join(dir, 'python.yaml');
    writeFileSync(checks, 'plugins:\n  mongo: { Module: smoker.server.plugins.mongo }\n');
    const out = await smoker(['run', inv, '--checks', checks, '--results', results, '-H', 'a', '-o', 'long']);
    expect(out.code).to.equal(1);
    expect(out.stderr).to.include('warning: plugins.mongo: module "smoker.server.plugins.mongo" is a Python module of the Smoker daemon');
    expect(out.stdout).to.match(/^- mongo\s+\[UNKNOWN\]/m);
    const result = JSON.parse(readFileSync(join(results, 'latest', 'hosts', 'a', 'mongo', 'result.json'), 'utf8')) as { status: string; messages: { error: string[] } };
    expect(result.status).to.equal('UNKNOWN');
    expect(result.messages.error[0]).to.match(/Python module of the Smoker daemon and cannot run over SSH/);
  });

  it('--checks replaces the inventory\'s checks: list', async () => {
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'checks:\n  only: { command: "true" }\n');
    const out = await smoker(['run', inv, '--checks', other, '--no-results', '-o', 'json']);
    expect(out.code).to.equal(0);
    expect(Object.keys((JSON.parse(out.stdout) as RunReport).hosts.a?.checks ?? {})).to.deep.equal(['only']);
  });

  it('--every repeats the run, one session per round, until Ctrl-C (exit 130)', async () => {
    const results = join(dir, 'results-every');
    const child = spawn(process.execPath, [CLI, 'run', inv, '-p', 'ok', '--every', '300ms', '--results', results], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const rounds = () => (stdout.match(/^2 hosts: /gm) ?? []).length;
    const code = await new Promise<number | null>((resolve) => {
      const started = Date.now();
      let interrupted = false;
      const timer = setInterval(() => {
        if (!interrupted && rounds() >= 2) interrupted = child.kill('SIGINT');
        // Never leave a looping child behind, whatever happened.
        if (Date.now() - started > 40_000) child.kill('SIGKILL');
      }, 50);
      child.on('close', (c) => (clearInterval(timer), resolve(c)));
    });
    expect(code, `stdout:\n${stdout}\nstderr:\n${stderr}`).to.equal(130);
    expect(readdirSync(results).filter((d) => d !== 'latest').length).to.be.at.least(2);
  });

  it('usage errors exit 2 and run nothing: no check files, unknown -p is fine but unknown -H is not', async () => {
    const bare = join(dir, 'bare.yaml');
    writeFileSync(bare, 'hosts:\n  a: { transport: local }\n');
    const none = await smoker(['run', bare, '--no-results']);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.match(/no check files/);
    const unknownHost = await smoker(['run', inv, '-H', 'zz', '--no-results']);
    expect(unknownHost.code).to.equal(2);
    expect(unknownHost.stderr).to.match(/no host or group matches "zz"/);
    const noMatch = await smoker(['run', inv, '-p', 'nothing-like-this', '--no-results']);
    expect(noMatch.code).to.equal(2);
    expect(noMatch.stderr).to.match(/-p: no check matches "nothing-like-this"/);
  });
});
