import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import { buildSampleReport, HOSTILE, makeReport } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = fileURLToPath(new URL('../../test-output/report.png', import.meta.url));
const SESSION = '2026-11-22--001';

// The few browser globals the tests touch (the test tsconfig has no DOM library).
interface BrowserGlobals { getComputedStyle(el: unknown): { backgroundColor: string }; pwned?: number }

/** Returns the text of the <script type="application/json"> element. */
function extractJson(html: string): string {
  const match = /<script type="application\/json" id="smoker-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match, 'data script').to.not.equal(null);
  return match![1]!;
}

describe('report/html (static)', () => {
  it('is one document with no URL to load: no src, href, url(), @import or http(s)', () => {
    const html = renderHtml(buildSampleReport(), { session: SESSION });
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).to.not.match(/<[^>]*\s(src|href|srcset|action|formaction|poster|data|background)\s*=/i);
    expect(html).to.not.match(/url\(|@import|https?:|wss?:|ftp:/i);
    expect(html).to.not.match(/fetch\(|XMLHttpRequest|WebSocket|EventSource|new Image|import\(|sendBeacon/);
    expect(html).to.contain("default-src 'none'");
  });

  it('embeds the data as JSON that </script> in messages cannot break out of', () => {
    const report = buildSampleReport();
    const html = renderHtml(report, { session: SESSION });
    const json = extractJson(html);
    expect(json).to.not.contain('<');
    expect(html.match(/<\/script/gi)).to.have.length(2);
    expect(JSON.parse(json)).to.deep.equal({ report: JSON.parse(JSON.stringify(report)), session: SESSION });
  });

  it('escapes the session and shows counts in the header without script', () => {
    const html = renderHtml(buildSampleReport(), { session: '<i>x</i>' });
    expect(html).to.contain('<title>smoker ERROR · &lt;i&gt;x&lt;/i&gt;</title>');
    expect(html).to.not.contain('<i>x</i>');
    expect(html).to.contain('<span>8 checks: 5 OK, 1 WARN, 1 UNKNOWN, 1 ERROR</span>');
    expect(html).to.contain('<span>started 2026-11-22 16:12:57 UTC</span>');
  });
});

describe('report/html in headless Chromium', function () {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let fileUrl: string;
  let requests: string[];
  let opened: string[];
  let pageErrors: string[];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'smoker-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(buildSampleReport(), { session: SESSION }));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    requests = [];
    opened = [fileUrl];
    pageErrors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await page.goto(fileUrl);
  });

  afterEach(async () => {
    expect(pageErrors, 'page errors').to.deep.equal([]);
    expect(requests, 'requests').to.include(fileUrl);
    expect(requests.filter((r) => !opened.includes(r)), 'requests other than the page').to.deep.equal([]);
    await page.close();
  });

  /** Counts the result cells a user can see. */
  async function countVisibleCells(): Promise<number> {
    let n = 0;
    for (const cell of await page.locator('td.cell').all()) if (await cell.isVisible()) n += 1;
    return n;
  }

  it('draws a host × check grid with one coloured cell per result', async () => {
    expect(await page.locator('#grid tbody tr').count()).to.equal(3);
    expect(await page.locator('#grid thead th[data-check]').allTextContents())
      .to.deep.equal(['connect', 'fsmount', 'varnish', 'disk', 'uname', 'http']);
    expect(await page.locator('td.cell').count()).to.equal(9);
    expect(await page.locator('td.empty').count()).to.equal(3 * 6 - 9);
    const statuses = await page.locator('td.cell').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'OK')).to.have.length(5);
    expect(statuses.filter((s) => s === 'WARN')).to.have.length(1);
    expect(statuses.filter((s) => s === 'UNKNOWN')).to.have.length(1);
    expect(statuses.filter((s) => s === 'ERROR')).to.have.length(2);
    const cell = page.locator('td.cell[data-host="web01"][data-check="fsmount"] button');
    expect(await cell.textContent()).to.equal('ERROR');
    expect(await cell.evaluate((b) => (globalThis as unknown as BrowserGlobals).getComputedStyle(b).backgroundColor)).to.equal('rgb(217, 52, 43)');
    expect(await page.locator('#shown').textContent()).to.equal('showing 9 of 9');
    expect(await page.locator('#details').isVisible()).to.equal(false);
  });

  it('hides cells whose status is unticked, and rows left empty', async () => {
    await page.locator('input[data-status-filter="OK"]').uncheck();
    expect(await countVisibleCells()).to.equal(4);
    expect(await page.locator('td.cell[data-status="OK"]').first().isVisible()).to.equal(false);
    expect(await page.locator('#shown').textContent()).to.equal('showing 4 of 9');
    await page.locator('input[data-status-filter="ERROR"]').uncheck();
    expect(await countVisibleCells()).to.equal(2);
    expect(await page.locator('tr[data-host="db1"]').isVisible()).to.equal(false);
    expect(await page.locator('tr[data-host="web01"]').isVisible()).to.equal(true);
    await page.locator('input[data-status-filter="OK"]').check();
    expect(await countVisibleCells()).to.equal(7);
  });

  it('hides a column when the filters hide every one of its cells (issue 15 item 16)', async () => {
    const shownColumns = async () => {
      const names: string[] = [];
      for (const th of await page.locator('#grid thead th[data-check]').all()) if (await th.isVisible()) names.push((await th.textContent()) ?? '');
      return names;
    };
    await page.locator('input[data-status-filter="OK"]').uncheck();
    // varnish and uname have only OK cells: their columns (empty cells too) go, not a blank stripe.
    expect(await shownColumns()).to.deep.equal(['connect', 'fsmount', 'disk', 'http']);
    for (const c of ['varnish', 'uname']) {
      for (const td of await page.locator(`#grid tbody td[data-check="${c}"]`).all()) expect(await td.isVisible(), c).to.equal(false);
    }
    await page.locator('input[data-status-filter="OK"]').check();
    expect(await shownColumns()).to.deep.equal(['connect', 'fsmount', 'varnish', 'disk', 'uname', 'http']);
  });

  it('reserves no details column until a cell is opened (issue 15 item 16)', async () => {
    const gridWidth = async () => (await page.locator('.grid-wrap').boundingBox())?.width ?? 0;
    const mainWidth = await page.locator('main').evaluate((m) => (m as unknown as { clientWidth: number }).clientWidth - 48);
    expect(await gridWidth(), 'the grid takes the whole width').to.be.closeTo(mainWidth, 2);
    await page.locator('td.cell[data-host="web01"][data-check="fsmount"] button').click();
    expect(await page.locator('#details').isVisible()).to.equal(true);
    expect(await gridWidth(), 'the details panel takes its column').to.be.below(mainWidth - 400);
    await page.keyboard.press('Escape');
    expect(await gridWidth(), 'closed: the grid has the width again').to.be.closeTo(mainWidth, 2);
  });

  it('filters hosts and checks by text', async () => {
    await page.locator('#filter-host').fill('WEB02');
    expect(await countVisibleCells()).to.equal(4);
    expect(await page.locator('tr[data-host="web01"]').isVisible()).to.equal(false);
    await page.locator('#filter-check').fill('disk');
    expect(await countVisibleCells()).to.equal(1);
    expect(await page.locator('#grid thead th[data-check="fsmount"]').isVisible()).to.equal(false);
    expect(await page.locator('#grid thead th[data-check="disk"]').isVisible()).to.equal(true);
    await page.locator('#filter-host').fill('');
    expect(await countVisibleCells()).to.equal(2);
  });

  it('shows messages, components, output tails and timings for a clicked cell', async () => {
    await page.locator('td.cell[data-host="web01"][data-check="fsmount"] button').click();
    const details = page.locator('#details');
    expect(await details.isVisible()).to.equal(true);
    const text = await details.innerText();
    expect(text).to.contain('web01 / fsmount');
    expect(text).to.contain('1 of 2 mounts failed');
    expect(text).to.contain('Read/Write: file write failed: Read-only file system');
    expect(text).to.contain('inodes 91% used');
    expect(await details.locator('.components .components .name').allTextContents()).to.deep.equal(['inodes', 'read-write']);
    expect(await page.locator('#stderr-tail').textContent()).to.equal('touch: cannot touch /data/.smoker: Read-only file system');
    expect(await page.locator('#stdout-tail').textContent()).to.equal('{"status":"ERROR"}');
    expect(text).to.match(/exit code\s+1/);
    expect(text).to.match(/duration\s+120ms/);
    expect(text).to.contain('"Ignore": "^/media/.*$"');
    mkdirSync(fileURLToPath(new URL('.', pathToFileURL(SCREENSHOT))), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows metrics, and the connection error of an unreachable host', async () => {
    await page.locator('td.cell[data-host="web01"][data-check="disk"] button').click();
    expect(await page.locator('#details table.metrics').innerText()).to.match(/\/\s+85%\s+80\s+90\s+0\s+100/);
    await page.locator('td.cell[data-host="db1"][data-check="connect"] button').click();
    expect(await page.locator('#details').innerText()).to.contain('unreachable: connect ECONNREFUSED 10.0.0.21:2222');
    await page.keyboard.press('Escape');
    expect(await page.locator('#details').isVisible()).to.equal(false);
  });

  it('renders hostile messages as text, never as markup', async () => {
    await page.locator('td.cell[data-host="web02"][data-check="http"] button').click();
    const first = page.locator('#details .messages li.m-error').first();
    expect(await first.textContent()).to.equal(`error${HOSTILE}`);
    expect(await page.locator('#details b, #details script').count()).to.equal(0);
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).pwned)).to.equal(undefined);
    expect(await page.locator('#details .messages li.m-error').nth(1).textContent()).to.not.match(/[\u0000-\u0008\u001b]/);
  });

  it('copes with an empty run', async () => {
    const file = join(dir, 'empty.html');
    writeFileSync(file, renderHtml(makeReport([])));
    const url = pathToFileURL(file).href;
    opened.push(url);
    await page.goto(url);
    expect(await page.locator('.none').textContent()).to.equal('No hosts in this run.');
    expect(requests).to.include(url);
  });
});
