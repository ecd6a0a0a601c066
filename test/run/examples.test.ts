// The shipped examples work: checks/system.yaml (inventories/local.yaml, and on lab hosts) and checks/web.yaml on lab web servers.
import { expect } from 'chai';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { explain, pairs, ROOT, result, run, runJson, startRunLab, type RunLab } from './support.js';

const SYSTEM = join(ROOT, 'checks', 'system.yaml');
const WEB = join(ROOT, 'checks', 'web.yaml');
// The groups of inventories/lab.yaml, on the lab's host names.
const GROUPS = { web: { hosts: ['host1', 'host2'] }, db: { hosts: ['host3'] } };
const HEALTH = JSON.stringify({
  status: 'OK',
  messages: { info: ['all dependencies answer'], warn: [], error: [] },
  componentResults: { db: { status: 'OK', messages: { info: ['3 ms'], warn: [], error: [] } }, queue: { status: 'OK', messages: { info: ['12 jobs'], warn: [], error: [] } } },
});

describe('shipped examples: checks/system.yaml and checks/web.yaml', function () {
  this.timeout(120_000);

  it('inventories/local.yaml runs checks/system.yaml on this machine, all OK', async () => {
    const { code, report, stderr } = await runJson([join(ROOT, 'inventories', 'local.yaml')]);
    expect(code, stderr).to.equal(0);
    for (const r of Object.values(report.hosts.localhost?.checks ?? {})) expect(r.status, explain(r)).to.equal('OK');
    expect(Object.keys(report.hosts.localhost?.checks ?? {})).to.have.length.above(4);
  });

  describe('on lab hosts @lab', () => {
    let rl: RunLab;
    let inv: string;
    before(async () => {
      rl = await startRunLab(3);
      inv = rl.inventory('inventory-examples.yaml', { groups: GROUPS });
      for (const h of ['host1', 'host2']) {
        const www = await rl.lab.exec(h, `mkdir -p /tmp/www && echo '<h1>${h}</h1>' > /tmp/www/index.html && cat > /tmp/www/health && busybox httpd -p ${rl.lab.host(h).address}:80 -h /tmp/www`, { input: HEALTH });
        expect(www.code, www.stderr).to.equal(0);
      }
    });
    after(async () => rl?.close());

    it('checks/system.yaml is all OK as the unprivileged login user', async () => {
      const { code, report } = await runJson([inv, '--checks', SYSTEM]);
      for (const h of Object.values(report.hosts)) for (const r of Object.values(h.checks)) expect(r.status, explain(r)).to.equal('OK');
      expect(code).to.equal(0);
      expect(Object.keys(report.hosts).sort()).to.deep.equal(['host1', 'host2', 'host3']);
      expect(result(report, 'host2', 'sh-works').messages.info).to.deep.equal(['hello from host2']);
    });

    describe('checks/web.yaml', () => {
      const HTTP_CHECKS = ['-p', 'http-status,response-time,app-health,http-plugin'];
      let report: RunReport;
      before(async () => {
        report = (await runJson([inv, '--checks', WEB, ...HTTP_CHECKS])).report;
      });

      it('runs on the web group only', () => {
        expect(pairs(report)).to.deep.equal([
          'host1/app-health', 'host1/http-plugin', 'host1/http-status', 'host1/response-time',
          'host2/app-health', 'host2/http-plugin', 'host2/http-status', 'host2/response-time',
        ]);
      });

      it('every parser reads its tool: regex, number, json, nagios', () => {
        for (const h of ['host1', 'host2']) {
          for (const c of ['http-status', 'response-time', 'app-health', 'http-plugin']) expect(result(report, h, c).status, explain(result(report, h, c))).to.equal('OK');
        }
        expect(result(report, 'host1', 'http-status').messages.info).to.deep.equal(['matched ok pattern: "HTTP 200"']);
        expect(result(report, 'host1', 'response-time').metrics['time']).to.include({ uom: 's', warn: '>0.5', crit: '>2' });
        expect(Object.keys(result(report, 'host2', 'app-health').components)).to.deep.equal(['db', 'queue']);
        expect(result(report, 'host1', 'http-plugin').messages.info[0]).to.match(/^HTTP OK: HTTP\/1\.[01] 200 OK/);
        expect(result(report, 'host1', 'http-plugin').metrics).to.include.keys('time', 'size');
      });

      it('a missing page or health endpoint is ERROR (check_http itself calls a 404 a WARNING)', async () => {
        await rl.lab.exec('host2', 'rm /tmp/www/health /tmp/www/index.html');
        const broken = (await runJson([inv, '--checks', WEB, ...HTTP_CHECKS, '-H', 'host2'])).report;
        const status = (c: string) => {
          const r = result(broken, 'host2', c);
          return `${c}: ${r.status} ${r.messages.error[0] ?? r.messages.warn[0] ?? ''}`;
        };
        expect(status('http-status')).to.equal('http-status: ERROR matched error pattern: "HTTP 404"');
        expect(status('app-health')).to.match(/^app-health: ERROR invalid JSON result: no output/);
        expect(status('http-plugin')).to.match(/^http-plugin: WARN HTTP WARNING: HTTP\/1\.[01] 404 Not Found/);
      });

      it('-o long shows the health endpoint\'s components', async () => {
        const out = await run([inv, '--checks', WEB, '-p', 'app-health', '-H', 'host1', '-o', 'long']);
        expect(out.stdout).to.match(/^- app-health\s+\[OK\].*\n\s+\[info\] all dependencies answer\n -- db\s+\[OK\]\n\s+\[info\] 3 ms\n -- queue\s+\[OK\]/m);
      });
    });
  });
});
