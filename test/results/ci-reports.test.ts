// The reports a real session leaves for CI, checked by the tools CI uses: xmllint, a TAP parser, a browser.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { Parser } from 'tap-parser';
import { ROOT } from '../support/cli.js';
import { makeWorkspace, type Workspace } from './workspace.js';

const CHROMIUM = '/usr/bin/chromium';
const XSD = join(ROOT, 'fixtures/report/junit.xsd');

interface TapResult { ok: boolean; id: number; name: string }

/** Parses a TAP stream with tap-parser, collecting every test point. */
function parseTap(text: string): Promise<{ final: { ok: boolean; count: number; pass: number; fail: number; plan: { start: number; end: number } }; points: TapResult[]; failures: unknown[] }> {
  return new Promise((resolve) => {
    const points: TapResult[] = [];
    const parser = new Parser((final) => resolve({ final: final as never, points, failures: final.failures }));
    parser.on('assert', (a: TapResult) => points.push(a));
    parser.end(text);
  });
}

describe('session reports in CI tools (e2e)', function () {
  this.timeout(60_000);
  let ws: Workspace;
  let id: string;
  let tap: string;

  before(() => {
    ws = makeWorkspace();
    // One host nobody can reach: a closed port, with a password so the client really tries to connect.
    const inv = join(ws.dir, 'inventory.yaml');
    writeFileSync(inv, readFileSync(inv, 'utf8').replace('hosts:\n', 'hosts:\n  down: { address: 127.0.0.1, port: 1, connectTimeout: 2s, passwordEnv: SMOKER_TEST_NOPE, vars: { delay: 0 } }\n'));
    ws.breakHosts('mid');
    const r = ws.smoker(['run', '-o', 'tap'], { SMOKER_TEST_NOPE: 'x' });
    expect(r.code, r.stderr).to.equal(3);
    tap = r.stdout;
    id = ws.sessionIds()[0]!;
  });
  after(() => ws.remove());

  it('junit.xml validates against the JUnit schema with xmllint', function () {
    if (spawnSync('xmllint', ['--version']).error) this.skip();
    const file = join(ws.dir, 'results', id, 'junit.xml');
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.contain('validates');
    const xml = readFileSync(file, 'utf8');
    expect(xml).to.contain('<failure').and.contain('mid').and.contain('down');
  });

  it('run -o tap parses as TAP: one point per check, not ok for the failed check and the unreachable host', async () => {
    const { final, points } = await parseTap(tap);
    expect(final.ok).to.equal(false);
    // 3 sleepy + 3 flaky + 2 steady, and `down / connect`.
    expect(final.plan).to.deep.include({ start: 1, end: 9 });
    expect(final.count).to.equal(9);
    expect(final.fail).to.equal(2);
    expect(points.filter((p) => !p.ok).map((p) => p.name).sort()).to.deep.equal(['down / connect', 'mid / flaky']);
    // inspect renders the same stream from the stored session.
    expect(ws.smoker(['inspect', id, '-o', 'tap']).stdout.replace(/^# session .*$/m, '')).to.equal(tap.replace(/^# session .*$/m, ''));
  });

  describe('report.html in headless Chromium', () => {
    let browser: Browser;
    before(async function () {
      if (!existsSync(CHROMIUM)) this.skip();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    });
    after(async () => browser?.close());

    it("renders the session's hosts and results, loading nothing else", async () => {
      const url = pathToFileURL(join(ws.dir, 'results', id, 'report.html')).href;
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      const hosts = await page.locator('#grid tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-host')));
      expect(hosts).to.deep.equal(Object.keys(ws.report(id).hosts));
      expect(hosts).to.have.members(['down', 'fast', 'mid', 'slow']);
      expect(await page.locator('td.cell[data-host="mid"][data-check="flaky"]').getAttribute('data-status')).to.equal('ERROR');
      expect(await page.locator('td.cell[data-host="down"][data-check="connect"]').getAttribute('data-status')).to.equal('ERROR');
      expect(await page.locator('td.cell').count()).to.equal(9);
      expect(await page.locator('body').innerText()).to.contain(id);
      expect(errors).to.deep.equal([]);
      expect(requests).to.deep.equal([url]);
      await page.close();
    });
  });
});
