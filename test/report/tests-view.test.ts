// Every format shows report.tests: summary/human lines, JUnit (xmllint + XSD), TAP (tap-parser), nagios, HTML (Chromium).
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Parser } from 'tap-parser';
import { buildReport } from '../../src/results/aggregate.js';
import { countTests } from '../../src/results/test-counts.js';
import type { StepResult, TestResult } from '../../src/results/test-types.js';
import type { RunReport } from '../../src/results/types.js';
import { renderHtml, renderHuman, renderJunit, renderNagios, renderSummaryText, renderTap, nagiosExitCode, renderJson } from '../../src/report/index.js';
import { exitCodeFor } from '../../src/results/exit-code.js';

const XSD = fileURLToPath(new URL('../../fixtures/report/junit.xsd', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

function step(index: number, name: string, status: StepResult['status'], message?: string): StepResult {
  return { index, phase: index === 1 ? 'setup' : 'steps', kind: name.split(' ')[0] as string, name, status, messages: { info: [], warn: [], error: message ? [message] : [] }, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 1500, dir: `tests/t/steps/${String(index).padStart(2, '0')}-${name.split(' ')[0]}` };
}

function test(id: string, status: TestResult['status'], file: string, extra: Partial<TestResult> = {}): TestResult {
  return { id, name: id.split('@')[0] as string, file, params: {}, status, hosts: { demo: ['h1', 'h2'] }, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 3200, steps: [step(1, 'start demo', 'OK')], attempts: 1, dir: `tests/${id}`, ...extra };
}

/** A test session: one test of each outcome, in two files. */
function testSession(): RunReport {
  const tests = [
    test('bounce_under_load@{"acks":1}', 'PASS', 'tests/kafka.yaml'),
    test('bounce_under_load@{"acks":"all"}', 'FAIL', 'tests/kafka.yaml', {
      steps: [step(1, 'start demo', 'OK'), step(2, 'exec on client: consume', 'ERROR', 'exit 1, expected 0'), step(3, 'stop demo', 'OK')],
      failure: 'step 02 exec on client: consume: exit 1, expected 0',
    }),
    test('flaky one', 'FLAKY', 'tests/demo.test.mjs', { attempts: 2 }),
    test('allowed', 'OK_TO_FAIL', 'tests/demo.test.mjs', { failure: 'step 01 start demo: refused' }),
    test('skipped', 'IGNORED', 'tests/demo.test.mjs', { steps: [] }),
    test('later', 'NOT_RUN', 'tests/demo.test.mjs', { steps: [] }),
  ];
  const base = buildReport([], new Date('2026-11-22T10:00:00.000Z'), new Date('2026-11-22T10:00:10.000Z'));
  return { ...base, status: 'ERROR', tests: Object.fromEntries(tests.map((t) => [t.id, t])), counts: { ...base.counts, tests: countTests(tests) } };
}

describe('report: tests in every format', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'smoker-tests-view-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summary.txt: FAIL head with test counts, a line per test, the failed step under it', () => {
    const text = renderSummaryText(testSession(), { session: 'results/x' });
    const lines = text.split('\n');
    // A session of tests alone counts its tests, not "0 hosts; 0 checks".
    expect(lines[0]).to.match(/^FAIL 6 tests: 1 PASS, 1 FAIL, 1 FLAKY, 1 OK_TO_FAIL, 1 IGNORED, 1 NOT_RUN; 10s; session results\/x$/);
    expect(lines).to.include('PASS       bounce_under_load@{"acks":1}  3.2s');
    const fail = lines.indexOf('FAIL       bounce_under_load@{"acks":"all"}  3.2s');
    expect(fail).to.be.greaterThan(0);
    expect(lines[fail + 1]).to.equal('    step 02 exec on client: consume: exit 1, expected 0');
    expect(lines[fail + 2]).to.equal('    step 02 exec on client: consume [ERROR]: exit 1, expected 0');
    expect(lines).to.include('FLAKY      flaky one  3.2s (2 tries)');
  });

  it('human formats: a line per test and the counts in the summary line', () => {
    const text = renderHuman(testSession(), 'normal');
    expect(text).to.contain('FAIL       bounce_under_load@{"acks":"all"}').and.contain('6 tests: 1 PASS, 1 FAIL');
    expect(text.trimEnd().split('\n').at(-1)).to.match(/^6 tests: 1 PASS, 1 FAIL, .* · 10s$/);
  });

  it('json carries the tests as report.json does', () => {
    expect(JSON.parse(renderJson(testSession())).tests['flaky one'].attempts).to.equal(2);
  });

  it('junit: a suite per file, a testcase per test id, valid against the XSD', () => {
    const file = join(dir, 'tests.xml');
    writeFileSync(file, renderJunit(testSession(), { session: 'results/x' }));
    const res = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(res.status, res.stderr).to.equal(0);
    const xp = (e: string) => execFileSync('xmllint', ['--xpath', e, file], { encoding: 'utf8' }).trim();
    expect(xp('count(//testsuite)')).to.equal('2');
    expect(xp('string(//testsuite[@name="tests/kafka.yaml"]/@failures)')).to.equal('1');
    expect(xp('string(//testsuite[@name="tests/demo.test.mjs"]/@skipped)')).to.equal('3');
    expect(xp('string(//testcase[@name=\'bounce_under_load@{"acks":"all"}\']/@classname)')).to.equal('tests/kafka.yaml');
    expect(xp('string(//testcase[@name=\'bounce_under_load@{"acks":"all"}\']/failure/@message)')).to.equal('step 02 exec on client: consume: exit 1, expected 0');
    expect(xp('string(//testcase[@name=\'bounce_under_load@{"acks":"all"}\']/failure)')).to.contain('03 steps stop demo [OK]');
    expect(xp('string(//testcase[@name="later"]/skipped/@message)')).to.equal('not run');
    expect(xp('count(//testcase[@name="flaky one"]/*[self::failure or self::error or self::skipped])')).to.equal('0');
    expect(xp('string(//testsuite[@name="tests/demo.test.mjs"]/properties/property[@name="flaky"]/@value)')).to.equal('flaky one');
  });

  it('tap: one point per test id, FAIL not ok, SKIP and TODO directives, parses strictly', async () => {
    const tap = renderTap(testSession());
    const result = await new Promise<any>((resolve) => {
      const p = new Parser({ strict: true }, (final) => resolve(final));
      p.end(tap);
    });
    expect(result.count).to.equal(6);
    expect(result.fail, "FAIL, and OK_TO_FAIL as a TODO not ok").to.equal(2);
    expect(result.skip).to.equal(2);
    expect(result.todo).to.equal(1);
    expect(result.failures.map((f: { name: string }) => f.name)).to.deep.equal(['bounce_under_load@{"acks":"all"}']);
    expect(tap).to.contain('# flaky: flaky one passed on try 2');
  });

  it('nagios: CRITICAL naming the failed test; the exit code counts tests', () => {
    const r = testSession();
    expect(renderNagios(r)).to.match(/^SMOKER CRITICAL - 0 hosts, 0 checks, 6 tests: .*not OK: test bounce_under_load@\{"acks":"all"\}, test later/);
    expect(nagiosExitCode(r)).to.equal(2);
    expect(exitCodeFor(r)).to.equal(1);
  });

  it('html: a tests view in headless Chromium with each test, its steps and links to its files', async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(testSession(), { session: 'results/x' }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('#tests h2').textContent()).to.equal('6 tests: 1 PASS, 1 FAIL, 1 FLAKY, 1 OK_TO_FAIL, 1 IGNORED, 1 NOT_RUN');
      expect(await page.locator('#tests details.test').count()).to.equal(6);
      const failed = page.locator('details.test[data-status="FAIL"]');
      expect(await failed.getAttribute('open'), 'a failed test is open').to.equal('');
      expect(await failed.locator('tr[data-step]').count()).to.equal(3);
      expect(await failed.locator('tr[data-step="2"]').textContent()).to.contain('exit 1, expected 0');
      expect(await failed.locator('tr[data-step="2"] a').first().getAttribute('href')).to.equal('tests/t/steps/02-exec/stdout');
      expect(await failed.locator('.links a').first().getAttribute('href')).to.equal(`tests/${encodeURIComponent('bounce_under_load@{"acks":"all"}')}/test.log`);
      expect(await page.locator('details.test[data-status="PASS"]').getAttribute('open')).to.equal(null);
      expect(await failed.locator('.failure').isVisible()).to.equal(true);
      expect(errors).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });

  it('html: a timeline where tests that ran at once overlap in x, sequential ones do not, each with its hosts', async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    const at = (s: number) => new Date(Date.parse('2026-11-22T10:00:00.000Z') + s * 1000).toISOString();
    const hostile = '<img src=x onerror="window.pwned=1">';
    const ran = [
      test('wave1 a', 'PASS', 'tests/t.yaml', { startedAt: at(0), endedAt: at(3), durationMs: 3000, hosts: { kafka: ['h1', 'h2', 'h3'] } }),
      test(hostile, 'FAIL', 'tests/t.yaml', { startedAt: at(0.2), endedAt: at(3.1), durationMs: 2900, hosts: { kafka: ['h4', 'h5', 'h6'] } }),
      test('wave2 c', 'PASS', 'tests/t.yaml', { startedAt: at(3.2), endedAt: at(6), durationMs: 2800, hosts: { kafka: ['h1', 'h2', 'h3'] } }),
      test('never', 'NOT_RUN', 'tests/t.yaml', { steps: [] }),
    ];
    const base = buildReport([], new Date(at(0)), new Date(at(6)));
    const report: RunReport = { ...base, status: 'ERROR', tests: Object.fromEntries(ran.map((t) => [t.id, t])), counts: { ...base.counts, tests: countTests(ran) } };
    const file = join(dir, 'timeline.html');
    writeFileSync(file, renderHtml(report, { session: 'results/x' }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      const rows = page.locator('#timeline .tl-row[data-test]');
      expect(await rows.count(), 'a row per test that ran, none for NOT_RUN').to.equal(3);
      const box = async (id: string) => {
        const b = await page.locator('#timeline .tl-row[data-test]').filter({ has: page.getByText(id, { exact: true }) }).locator('.tl-bar').boundingBox();
        expect(b, id).to.not.equal(null);
        return { from: b!.x, to: b!.x + b!.width };
      };
      const a = await box('wave1 a');
      const b = await box(hostile);
      const c = await box('wave2 c');
      expect(a.to - a.from, 'bars have a width').to.be.greaterThan(50);
      expect(Math.min(a.to, b.to) - Math.max(a.from, b.from), 'parallel tests overlap in x').to.be.greaterThan(0);
      expect(c.from, 'the next wave starts after the first ends').to.be.greaterThan(Math.max(a.to, b.to));
      expect(await rows.nth(2).textContent()).to.contain('wave2 c').and.contain('kafka: h1, h2, h3');
      expect(await rows.nth(1).textContent(), 'the id is text, not markup').to.contain(hostile);
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).to.equal(undefined);
      expect(await page.locator('#timeline img').count()).to.equal(0);
      expect(await page.locator('#timeline figcaption').textContent()).to.contain('6.0s');
      expect(errors).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });
});
