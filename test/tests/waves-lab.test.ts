// Parallel tests on disjoint hosts, on a 6-host lab: 4 tests needing 3 hosts each run in waves.
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startLab, type Lab } from '../lab/index.js';
import { latestSession, readReport } from '../services/support.js';
import { smoker } from '../support/cli.js';
import type { TestResult } from '../../src/results/test-types.js';

const CHROMIUM = '/usr/bin/chromium';

/** The x extent of each test's bar in report.html's timeline, drawn by headless Chromium. */
async function timelineBars(html: string): Promise<Map<string, { from: number; to: number }>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(pathToFileURL(html).href);
    const bars = new Map<string, { from: number; to: number }>();
    const rows = page.locator('#timeline .tl-row[data-test]');
    for (let i = 0; i < (await rows.count()); i++) {
      const id = (await rows.nth(i).getAttribute('data-test')) as string;
      const b = await rows.nth(i).locator('.tl-bar').boundingBox();
      if (b) bars.set(id, { from: b.x, to: b.x + b.width });
    }
    return bars;
  } finally {
    await browser.close();
  }
}

/** Groups tests into waves: a test joins the current wave when it starts before every test of the wave ended. */
function waves(tests: TestResult[]): string[][] {
  const sorted = [...tests].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const out: { ids: string[]; end: number }[] = [];
  for (const t of sorted) {
    const start = Date.parse(t.startedAt);
    const last = out[out.length - 1];
    if (last && start < last.end) {
      last.ids.push(t.id);
      last.end = Math.min(last.end, Date.parse(t.endedAt as string));
    } else out.push({ ids: [t.id], end: Date.parse(t.endedAt as string) });
  }
  return out.map((w) => w.ids);
}

describe('smoker test: parallel waves on a 6-host lab @lab', function () {
  this.timeout(180_000);
  let lab: Lab;
  let dir: string;
  let inventory: string;

  before(async () => {
    lab = await startLab({ hosts: 6 });
    dir = mkdtempSync(join(tmpdir(), 'smoker-waves-'));
    mkdirSync(join(dir, '.ssh'), { mode: 0o700 });
    inventory = lab.writeInventory(join(dir, 'inventory.yaml'), { groups: { node: { hosts: ['host*'] } } });
    const tests = ['a', 'b', 'c', 'd'].map((n) => `  sleep_${n}:\n    needs: { node: 3 }\n    steps: [ { exec: "sleep 3; hostname" } ]`);
    writeFileSync(join(dir, 'waves.yaml'), `tests:\n${tests.join('\n')}\n`);
  });
  after(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [parallel, expected] of [
    [2, 2],
    [1, 4],
  ] as const) {
    it(`--max-parallel ${parallel}: ${expected} waves, no host shared by tests that overlap`, async () => {
      const r = await smoker(['test', join(dir, 'waves.yaml'), '-i', inventory, '--results', join(dir, 'results'), '--max-parallel', String(parallel)], { env: { HOME: dir, SSH_AUTH_SOCK: '' } });
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      const tests = Object.values(readReport(latestSession(join(dir, 'results'))).tests ?? {});
      expect(tests.map((t) => t.status)).to.deep.equal(['PASS', 'PASS', 'PASS', 'PASS']);
      const w = waves(tests);
      expect(w.map((x) => x.length), JSON.stringify(w)).to.deep.equal(Array(expected).fill(4 / expected));
      for (const wave of w) {
        const hosts = wave.flatMap((id) => tests.find((t) => t.id === id)?.hosts.node ?? []);
        expect(new Set(hosts).size, `wave ${wave.join(', ')}: disjoint hosts`).to.equal(hosts.length);
      }
      if (!existsSync(CHROMIUM)) return;
      // report.html's timeline shows the same waves: bars of one wave overlap in x, the next wave's start after the first of them ends.
      const bars = await timelineBars(join(latestSession(join(dir, 'results')), 'report.html'));
      expect([...bars.keys()].sort()).to.deep.equal(tests.map((t) => t.id).sort());
      const bar = (id: string) => bars.get(id) as { from: number; to: number };
      for (const [i, wave] of w.entries()) {
        for (const a of wave) for (const b of wave) if (a !== b) expect(Math.min(bar(a).to, bar(b).to) - Math.max(bar(a).from, bar(b).from), `${a} and ${b} overlap`).to.be.greaterThan(0);
        const next = w[i + 1];
        const firstEnd = Math.min(...wave.map((a) => bar(a).to));
        if (next) for (const b of next) expect(bar(b).from, `${b} after wave ${wave.join(', ')}`).to.be.at.least(firstEnd - 1);
      }
    });
  }
});
