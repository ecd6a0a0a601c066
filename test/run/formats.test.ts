// Output formats and exit codes of `smoker run` on lab hosts (fixtures/checks/statuses.yaml: one check per status).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'tap-parser';
import type { FinalResults } from 'tap-parser';
import { smoker } from '../support/cli.js';
import { FIXTURES, pairs, run, runJson, startRunLab, type RunLab } from './support.js';

const STATUSES = join(FIXTURES, 'checks', 'statuses.yaml');
const XSD = join(FIXTURES, 'report', 'junit.xsd');

function parseTap(text: string): Promise<{ final: FinalResults; names: string[] }> {
  return new Promise((resolve) => {
    const names: string[] = [];
    const parser = new Parser({ strict: true }, (final) => resolve({ final, names }));
    parser.on('assert', (a: { name: string }) => names.push(a.name));
    parser.end(text);
  });
}

describe('smoker run: output formats and exit codes @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let inv: string;
  const statuses = (...args: string[]) => [inv, '--checks', STATUSES, ...args];

  before(async () => {
    rl = await startRunLab(3);
    inv = rl.inventory('inventory-formats.yaml');
  });
  after(async () => rl?.close());

  describe('formats', () => {
    it('json: the whole result tree, parseable, on stdout alone', async () => {
      const { report, code, stderr } = await runJson(statuses());
      expect(code).to.equal(1);
      expect(stderr).to.equal('');
      expect(report.status).to.equal('ERROR');
      expect(report.counts.checks).to.deep.equal({ OK: 3, WARN: 3, UNKNOWN: 3, ERROR: 3 });
      expect(pairs(report)).to.have.length(12);
      expect(report.hosts.host2?.checks.warn?.exitCode).to.equal(1);
    });

    it('tap: TAP 14 that tap-parser accepts; WARN passes, ERROR and UNKNOWN fail', async () => {
      const out = await run(statuses('-o', 'tap'));
      expect(out.code).to.equal(1);
      const { final, names } = await parseTap(out.stdout);
      expect(final.count).to.equal(12);
      expect(final.pass).to.equal(6);
      expect(final.fail).to.equal(6);
      expect(final.failures.filter((f) => (f as { tapError?: unknown }).tapError)).to.deep.equal([]);
      expect(names).to.include.members(['host1 / ok', 'host3 / unknown']);
    });

    it('tap --fail-on warn: WARN fails too', async () => {
      const out = await run(statuses('-o', 'tap', '--fail-on', 'warn', '-p', 'ok,warn'));
      expect(out.code).to.equal(1);
      const { final } = await parseTap(out.stdout);
      expect([final.pass, final.fail]).to.deep.equal([3, 3]);
    });

    it('junit: valid against fixtures/report/junit.xsd (xmllint), one testcase per host/check', async () => {
      const out = await run(statuses('-o', 'junit'));
      expect(out.code).to.equal(1);
      const file = join(rl.dir, 'junit.xml');
      writeFileSync(file, out.stdout);
      const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).to.equal(0);
      expect(out.stdout.match(/<testcase /g)).to.have.length(12);
      expect(out.stdout).to.match(/<testsuites [^>]*tests="12" failures="3" errors="3"/);
    });

    it('nagios: one line, exit 0/1/2/3 as the worst status', async () => {
      const cases: [string[], number, string][] = [
        [['-p', 'ok'], 0, 'SMOKER OK - 3 hosts, 3 checks'],
        [['-p', 'ok,warn'], 1, 'SMOKER WARNING'],
        [['-p', 'warn,error,unknown'], 2, 'SMOKER CRITICAL'],
        [['-p', 'unknown,ok'], 3, 'SMOKER UNKNOWN'],
      ];
      for (const [filter, code, start] of cases) {
        const out = await run(statuses('-o', 'nagios', ...filter));
        expect(out.code, `${filter.join(' ')}: ${out.stdout}${out.stderr}`).to.equal(code);
        expect(out.stdout.startsWith(start), out.stdout).to.equal(true);
        expect(out.stdout.trimEnd().split('\n')).to.have.length(1);
        expect(out.stdout).to.match(/\| ok=\d+ warn=\d+ error=\d+ unknown=\d+ unreachable=0 time=[\d.]+s\n$/);
      }
    });

    it('minimal: non-OK checks only; normal: every check; both end with the summary line', async () => {
      const minimal = await run(statuses('-o', 'minimal', '-H', 'host1'));
      expect(minimal.stdout).to.not.match(/^- ok\b/m);
      expect(minimal.stdout).to.match(/^- warn\s+\[WARN\]/m);
      expect(minimal.stdout).to.match(/^- error\s+\[ERROR\]/m);
      const normal = await run(statuses('-o', 'normal', '-H', 'host1'));
      expect(normal.stdout).to.match(/^host1\s+\[ERROR\]$/m);
      expect(normal.stdout).to.match(/^- ok\s+\[OK\]$/m);
      expect(normal.stdout).to.match(/^\s+\[error\] broken$/m);
      for (const out of [minimal, normal]) expect(out.stdout.trimEnd().split('\n').pop()).to.match(/^1 host: 1 ERROR · 4 checks: 1 OK, 1 WARN, 1 UNKNOWN, 1 ERROR · \S+$/);
    });

    it('long: every message; full: also params, type, category and timings', async () => {
      const long = await run(statuses('-o', 'long', '-H', 'host1', '-p', 'ok'));
      expect(long.stdout).to.match(/^- ok\s+\[OK\] \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\n\s+\[info\] fine$/m);
      const full = await run(statuses('-o', 'full', '-H', 'host1', '-p', 'ok'));
      expect(full.stdout).to.match(/type smokeTest · category demo/);
      expect(full.stdout).to.match(/took \d+ms · exit 0 · attempts 1/);
      expect(full.stdout).to.match(/params: greeting=hello/);
    });
  });

  describe('exit codes', () => {
    it('0: everything OK, and WARN too', async () => {
      expect((await run(statuses('-p', 'ok'))).code).to.equal(0);
      expect((await run(statuses('-p', 'ok,warn'))).code).to.equal(0);
    });
    it('1: WARN with --fail-on warn; an ERROR; an UNKNOWN', async () => {
      expect((await run(statuses('-p', 'warn', '--fail-on', 'warn'))).code).to.equal(1);
      expect((await run(statuses('-p', 'error'))).code).to.equal(1);
      expect((await run(statuses('-p', 'unknown'))).code).to.equal(1);
    });

    it('2: a config error names file:line:col, and nothing runs on any host', async () => {
      const results = mkdtempSync(join(tmpdir(), 'smoker-run-results-'));
      try {
        const checks = rl.checks(
          'broken.yaml',
          `checks:
  would-run: { command: "touch /tmp/smoker-ran" }
  broken:
    command: "true"
    timeout: soon
`,
        );
        const out = await smoker(['run', inv, '--checks', checks, '--results', results]);
        expect(out.code).to.equal(2);
        expect(out.stdout).to.equal('');
        expect(out.stderr).to.include(`${checks}:5:14 checks.broken.timeout: expected`);
        expect(readdirSync(results)).to.deep.equal([]);
        for (const h of rl.lab.hosts) expect((await rl.lab.exec(h.name, 'test -e /tmp/smoker-ran; echo $?')).stdout.trim()).to.equal('1');
      } finally {
        rmSync(results, { recursive: true, force: true });
      }
    });

    it('2: an unknown output format or a bad --every is a usage error', async () => {
      expect((await run(statuses('-o', 'yaml'))).code).to.equal(2);
      expect((await run(statuses('--every', 'often'))).code).to.equal(2);
    });

    it('3: an unreachable host (stopped); the others still run and report', async () => {
      await rl.lab.stopHost('host3');
      try {
        const { report, code } = await runJson(statuses('-p', 'ok'));
        expect(code).to.equal(3);
        expect(report.counts.unreachable).to.equal(1);
        expect(report.hosts.host3?.unreachable).to.match(/^host3\b/);
        expect(pairs(report)).to.deep.equal(['host1/ok', 'host2/ok']);
        // nagios counts an unreachable host as CRITICAL
        const nagios = await run(statuses('-p', 'ok', '-o', 'nagios'));
        expect(nagios.code).to.equal(2);
        expect(nagios.stdout).to.match(/^SMOKER CRITICAL - 3 hosts \(1 unreachable\)/);
        const tap = await parseTap((await run(statuses('-p', 'ok', '-o', 'tap'))).stdout);
        expect(tap.names).to.include('host3 / connect');
      } finally {
        await rl.lab.startHost('host3');
      }
    });
  });
});

