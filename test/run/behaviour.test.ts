// How checks run on lab hosts: maintenance lock, retries, timeouts, quoting, module temp dirs (fixtures/checks/behaviour.yaml).
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { explain, FIXTURES, result, run, runJson, startRunLab, type RunLab } from './support.js';

const BEHAVIOUR = join(FIXTURES, 'checks', 'behaviour.yaml');
const EVIL = "'; rm -rf /tmp/x; '";

describe('smoker run: lock, retries, timeouts, quoting, temp dirs @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  let report: RunReport;
  let tookMs: number;

  before(async () => {
    rl = await startRunLab(2);
    const { lab } = rl;
    for (const h of lab.hosts) {
      const prep = await lab.exec(h.name, `mkdir -p /tmp/x && touch /tmp/x/keep && chown -R ${lab.user} /tmp/x`);
      expect(prep.code, prep.stderr).to.equal(0);
    }
    await lab.exec('host1', 'touch /tmp/maintenance-host1.lock');
    const inv = rl.inventory('inventory-behaviour.yaml');
    const start = Date.now();
    report = (await runJson([inv, '--checks', BEHAVIOUR])).report;
    tookMs = Date.now() - start;
  });
  after(async () => rl?.close());

  const get = (host: string, check: string) => result(report, host, check);

  describe('maintenance lock', () => {
    it('a host with the lock file reports WARN "skipped: maintenance in progress" and runs nothing', () => {
      const r = get('host1', 'locked');
      expect(r.status, explain(r)).to.equal('WARN');
      expect(r.messages.warn).to.deep.equal(['skipped: maintenance in progress']);
      expect(r.messages.info).to.deep.equal([]);
      const m = get('host1', 'locked-module');
      expect(m.status, explain(m)).to.equal('WARN');
      expect(m.messages.warn).to.deep.equal(['skipped: maintenance in progress']);
    });
    it('runOnLocked: true runs anyway', () => {
      const r = get('host1', 'locked-run');
      expect(r.status, explain(r)).to.equal('OK');
      expect(r.messages.info).to.deep.equal(['ran anyway']);
    });
    it('a host without the lock runs the check ({{ host }} in the lock path)', () => {
      const r = get('host2', 'locked');
      expect(r.status, explain(r)).to.equal('OK');
      expect(r.messages.info).to.deep.equal(['ran on host2']);
      expect(get('host2', 'locked-module').status).to.equal('OK');
    });
  });

  describe('retries', () => {
    it('a check is re-run until OK, at most retries times; attempts are recorded', async () => {
      const ok = get('host1', 'retry-ok');
      expect(ok.status, explain(ok)).to.equal('OK');
      expect(ok.attempts).to.equal(3);
      expect(ok.messages.info).to.deep.equal(['try 3']);
      const short = get('host2', 'retry-short');
      expect(short.status, explain(short)).to.equal('ERROR');
      expect(short.attempts).to.equal(2);
      const none = get('host1', 'no-retry');
      expect(none.attempts).to.equal(1);
      const ran = await rl.lab.exec('host1', 'cat /tmp/tries-ok /tmp/tries-short; wc -l < /tmp/tries-none');
      expect(ran.stdout.split('\n')).to.deep.equal(['3', '2', '1', '']);
    });
  });

  describe('timeout', () => {
    it('a command over its timeout is ERROR "timed out", with what it printed, and the run does not wait for it', () => {
      const r = get('host1', 'slow');
      expect(r.status, explain(r)).to.equal('ERROR');
      expect(r.messages.error.join('\n')).to.match(/timed out after 1s/);
      expect(r.exitCode).to.equal(null);
      expect(r.durationMs).to.be.within(900, 8000);
      expect(r.stdoutTail).to.equal('begun\n');
      expect(tookMs).to.be.below(30_000);
    });
    it('a module over its timeout is ERROR too', () => {
      const r = get('host2', 'slow-module');
      expect(r.status, explain(r)).to.equal('ERROR');
      expect(r.messages.error.join('\n')).to.match(/timed out after 1s/);
    });
    it('nothing of the timed-out commands is left running on the hosts', async () => {
      for (const h of rl.lab.hosts) {
        const ps = await rl.lab.exec(h.name, "pgrep -af 'sleep (4242|4711)' || true");
        expect(ps.stdout.trim(), h.name).to.equal('');
      }
    });
  });

  describe('parameters are literal text', () => {
    it(`{{ evil }} = ${EVIL} reaches printf as ONE argument, and /tmp/x survives`, async () => {
      const r = get('host1', 'evil');
      expect(r.status, explain(r)).to.equal('OK');
      expect(r.messages.info).to.deep.equal([EVIL]);
      expect(r.stdoutTail).to.equal(`${EVIL}\n`);
    });
    it('also inside double and single quotes in the command', () => {
      const r = get('host2', 'evil-quoted');
      const value = "'; rm -rf /tmp/x; ' $(rm -rf /tmp/x) `rm -rf /tmp/x`";
      expect(r.status, explain(r)).to.equal('OK');
      expect(r.messages.info).to.deep.equal([`double ${value}`, `single ${value}`]);
    });
    it('a module gets it verbatim as SMOKER_PARAM_EVIL and in the JSON on stdin', () => {
      const r = get('host1', 'evil-module');
      expect(r.status, explain(r)).to.equal('OK');
      expect(r.messages.info).to.include(`env=${EVIL}`);
      const stdin = r.messages.info.find((l) => l.startsWith('stdin='));
      expect(JSON.parse((stdin as string).slice('stdin='.length))).to.deep.equal({ evil: EVIL });
    });
    it('/tmp/x still exists on every host', async () => {
      for (const h of rl.lab.hosts) expect((await rl.lab.exec(h.name, 'ls /tmp/x')).stdout, h.name).to.equal('keep\n');
    });
    it('an unknown {{ name }} is a configuration error at load (file:line:col, exit 2), and nothing runs', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'smoker-nope-'));
      writeFileSync(join(dir, 'nope.yaml'), 'checks:\n  no-such-param: { command: "echo {{ nope }}" }\n');
      const r = await run([rl.inventory('inventory-nope.yaml'), '--checks', join(dir, 'nope.yaml')]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/nope\.yaml:2:29 checks\.no-such-param\.command: undefined variable "nope" in \{\{ nope \}\} \(on host host1 and 1 more\)/);
    });
  });

  describe('module temp dirs', () => {
    it('modules run from a private mktemp dir under /tmp', () => {
      const dir = get('host2', 'evil-module').messages.info.find((l) => l.startsWith('dir='));
      expect(dir).to.match(/^dir=\/tmp\/smoker\.[A-Za-z0-9]{8}$/);
    });
    it('are removed afterwards on every host, even after a module timed out', async () => {
      for (const h of rl.lab.hosts) {
        const ls = await rl.lab.exec(h.name, 'ls -d /tmp/smoker.* 2>/dev/null; true');
        expect(ls.stdout.trim(), h.name).to.equal('');
      }
    });
  });
});
