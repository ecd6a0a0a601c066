// Parallel tests on disjoint hosts, on a 6-host lab: 4 tests needing 3 hosts each run in waves.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index.js';
import { latestSession, readReport } from '../services/support.js';
import { smoker } from '../support/cli.js';
import type { TestResult } from '../../src/results/test-types.js';

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
    });
  }
});
