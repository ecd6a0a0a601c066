// Templates and filters through `smoker run`: exactly which host/check pairs ran (fixtures/checks/filters.yaml).
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker } from '../support/cli.js';
import { explain, FIXTURES, pairs, result, run, runJson, startRunLab, type RunLab } from './support.js';

const FILTERS = join(FIXTURES, 'checks', 'filters.yaml');
const GROUPS = { web: { hosts: ['host1', 'host2'] }, db: { hosts: ['host3'] }, lab: { children: ['web', 'db'], vars: { tier: 'lab-tier' } } };

describe('smoker run: templates and filters @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let inv: string;
  const ran = async (...args: string[]) => {
    const r = await runJson([inv, '--checks', FILTERS, ...args]);
    expect(r.code, r.stderr).to.equal(0);
    return pairs(r.report);
  };

  before(async () => {
    rl = await startRunLab(3);
    inv = rl.inventory('inventory-filters.yaml', { groups: GROUPS });
  });
  after(async () => rl?.close());

  describe('templates', () => {
    it('BasePlugin applies to every check, a named template adds command, hosts and params', async () => {
      const { report, code } = await runJson([inv, '--checks', FILTERS]);
      expect(code).to.equal(0);
      const http = result(report, 'host1', 'web-http');
      expect(http.messages.info, explain(http)).to.deep.equal(['web http on host1']);
      expect(http).to.include({ type: 'smokeTest', category: 'web', component: 'nginx' });
      const https = result(report, 'host2', 'web-https');
      expect(https.messages.info).to.deep.equal(['web https on host2']);
      expect(https.component).to.equal('tls');
      // BasePlugin's category, where the check and its template set none.
      expect(result(report, 'host3', 'uname').category).to.equal('base');
      expect(result(report, 'host3', 'uname').messages.info).to.deep.equal(['host3']);
      // A group var reaches the command.
      expect(result(report, 'host3', 'db-ping').messages.info).to.deep.equal(['db lab-tier']);
    });

    it('without filters: hosts: patterns decide, disabled checks never run', async () => {
      expect(await ran()).to.deep.equal([
        'host1/everywhere', 'host1/uname', 'host1/web-http', 'host1/web-https',
        'host2/everywhere', 'host2/uname', 'host2/web-http', 'host2/web-https',
        'host3/db-ping', 'host3/everywhere', 'host3/uname',
      ]);
    });
  });

  describe('filters', () => {
    it('--smoke: smokeTest checks only', async () => {
      expect(await ran('--smoke')).to.deep.equal(['host1/web-http', 'host1/web-https', 'host2/web-http', 'host2/web-https']);
    });
    it('--health: healthCheck checks only (type: health is healthCheck)', async () => {
      expect(await ran('--health')).to.deep.equal(['host1/uname', 'host2/uname', 'host3/db-ping', 'host3/uname']);
    });
    it('--smoke --health: both kinds, untyped checks left out', async () => {
      expect(await ran('--smoke', '--health')).to.not.include('host1/everywhere');
      expect(await ran('--smoke', '--health')).to.have.length(8);
    });
    it('--category', async () => {
      expect(await ran('--category', 'db')).to.deep.equal(['host3/db-ping']);
      expect(await ran('--category', 'base')).to.deep.equal(['host1/everywhere', 'host1/uname', 'host2/everywhere', 'host2/uname', 'host3/everywhere', 'host3/uname']);
      expect(await ran('--category', 'db,web')).to.have.length(5);
    });
    it('--component', async () => {
      expect(await ran('--component', 'nginx')).to.deep.equal(['host1/web-http', 'host2/web-http']);
      expect(await ran('--component', 'tls', '--component', 'postgres')).to.deep.equal(['host1/web-https', 'host2/web-https', 'host3/db-ping']);
    });
    it('-p/--check: names and globs', async () => {
      expect(await ran('-p', 'web-*')).to.deep.equal(['host1/web-http', 'host1/web-https', 'host2/web-http', 'host2/web-https']);
      expect(await ran('-p', 'uname', '--check', 'db-ping')).to.deep.equal(['host1/uname', 'host2/uname', 'host3/db-ping', 'host3/uname']);
    });
    it('--exclude-check', async () => {
      expect(await ran('--exclude-check', 'web-*,everywhere')).to.deep.equal(['host1/uname', 'host2/uname', 'host3/db-ping', 'host3/uname']);
    });
    it('-H: hosts, groups, exclusions and intersections', async () => {
      expect(await ran('-H', 'host2')).to.deep.equal(['host2/everywhere', 'host2/uname', 'host2/web-http', 'host2/web-https']);
      expect(await ran('-H', 'db', '-p', 'uname')).to.deep.equal(['host3/uname']);
      expect(await ran('-H', 'lab,!host1', '-p', 'uname')).to.deep.equal(['host2/uname', 'host3/uname']);
      expect(await ran('-H', 'web,&host*2', '--smoke')).to.deep.equal(['host2/web-http', 'host2/web-https']);
    });
    it('filters and -H that leave nothing: nothing runs, exit 2 (never a silent green)', async () => {
      const r = await run([inv, '--checks', FILTERS, '-H', 'db', '--smoke']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/no check matched the hosts and filters given/);
    });
    it('an unknown -H name is a usage error (exit 2)', async () => {
      const r = await runJson([inv, '--checks', FILTERS, '-H', 'nosuchhost']).catch((e: Error) => e);
      expect(r).to.be.instanceOf(Error);
      expect((r as Error).message).to.match(/exit 2/);
    });
  });

  describe('--error and --nook re-run what failed in the latest session', () => {
    let results: string;
    before(() => {
      results = mkdtempSync(join(tmpdir(), 'smoker-run-results-'));
    });
    after(() => rmSync(results, { recursive: true, force: true }));

    it('re-runs exactly the failed host/check pairs', async () => {
      // host2 fails "flaky"; host3 warns.
      const checks = rl.checks(
        'nook.yaml',
        `checks:
  flaky: { command: "case {{ host }} in host2) exit 2;; host3) /usr/lib/nagios/plugins/check_dummy 1 meh;; esac", parser: nagios }
  steady: { command: "true" }
`,
      );
      const first = await smoker(['run', inv, '--checks', checks, '--results', results, '-o', 'json']);
      expect(first.code, first.stderr).to.equal(1);
      const error = await smoker(['run', inv, '--checks', checks, '--results', results, '-o', 'json', '--error']);
      expect(pairs(JSON.parse(error.stdout))).to.deep.equal(['host2/flaky']);
      // --error ran only host2/flaky, which still fails: the latest session has it ERROR again.
      const nook = await smoker(['run', inv, '--checks', checks, '--results', results, '-o', 'json', '--nook']);
      expect(pairs(JSON.parse(nook.stdout))).to.deep.equal(['host2/flaky']);
    });
  });
});
