// Many quick checks on one host share its one connection (default maxChannels 8, under sshd's MaxSessions 10):
// every check completes, none is refused a channel.
import { expect } from 'chai';
import { explain, runJson, startRunLab, type RunLab } from './support.js';

describe('smoker run: many checks over one connection @lab', function () {
  this.timeout(120_000);
  let rl: RunLab;
  before(async () => {
    rl = await startRunLab(2);
  });
  after(async () => rl?.close());

  it('40 fast checks and 4 module checks per host, default maxChannels: all OK', async () => {
    const lines = ['checks:'];
    for (let i = 1; i <= 40; i++) lines.push(`  quick-${i}: { command: "echo ${i}" }`);
    lines.push('  mod-uname: { module: uname }'); // uname takes no thresholds (a load error since issue 15)
    for (const m of ['uptime', 'memory']) lines.push(`  mod-${m}: { module: ${m}, warn: 100, error: 100 }`);
    lines.push('  mod-disk: { module: disk, paths: /, warn: 100, error: 100 }');
    const checks = rl.checks('many.yaml', `${lines.join('\n')}\n`);
    for (let round = 0; round < 3; round++) {
      const { report, code } = await runJson([rl.inventory(`inventory-many-${round}.yaml`, { defaults: { maxChannels: 8 } }), '--checks', checks]);
      const bad = Object.values(report.hosts).flatMap((h) => (h.unreachable ? [`${h.host}: ${h.unreachable}`] : Object.values(h.checks).filter((c) => c.status !== 'OK').map(explain)));
      expect(bad, `round ${round}`).to.deep.equal([]);
      expect(report.counts.checks.OK).to.equal(88);
      expect(code).to.equal(0);
    }
  });
});
