// `smoker copy` / `smoker fetch` on a 10-host lab: a 3-level tree with modes out and back, byte for byte; per-host results.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { startLab, type Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import { describeTree, makeTree } from '../support/tree.js';

describe('smoker copy / fetch on a 10-host lab @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let dir: string;
  let inventory: string;
  const results = () => join(dir, 'results');
  const run = (args: string[]) => smoker([...args, '-i', inventory, '--results', results()], { env: { HOME: dir, SSH_AUTH_SOCK: '' } });
  const latest = (): RunReport => JSON.parse(readFileSync(join(results(), readlinkSync(join(results(), 'latest')), 'report.json'), 'utf8')) as RunReport;

  before(async () => {
    lab = await startLab({ hosts: 10 });
    dir = mkdtempSync(join(tmpdir(), 'smoker-copy-'));
    inventory = lab.writeInventory(join(dir, 'inventory.yaml'));
    makeTree(join(dir, 'tree'));
  });
  after(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies the tree to every host and fetches it back to LOCALDIR/<host>/: same bytes, same modes', async () => {
    const out = await run(['copy', join(dir, 'tree'), '/tmp/deploy/tree']);
    expect(out.code, out.stdout + out.stderr).to.equal(0);
    expect(out.stdout).to.match(/10 hosts: 10 OK/);
    for (const h of lab.hosts) expect(out.stdout).to.match(new RegExp(`^${h.name}\\s+\\[OK\\] .* → /tmp/deploy/tree: 7 files, 5 dirs, `, 'm'));
    // On a host itself (not through smoker): the modes are there.
    const stat = await lab.exec(lab.hosts[4]!.name, "cd /tmp/deploy/tree && stat -c '%a %n' a/b priv a/run.sh a/b/secret a/b/c/readonly");
    expect(stat.stdout.trim().split('\n')).to.deep.equal(['750 a/b', '700 priv', '755 a/run.sh', '600 a/b/secret', '444 a/b/c/readonly']);
    const back = await run(['fetch', '/tmp/deploy/tree', join(dir, 'back')]);
    expect(back.code, back.stdout + back.stderr).to.equal(0);
    const want = describeTree(join(dir, 'tree'));
    for (const h of lab.hosts) expect(describeTree(join(dir, 'back', h.name, 'tree')), h.name).to.deep.equal(want);
    expect(Object.values(latest().hosts).map((h) => h.checks['fetch']?.metrics['files']?.value)).to.deep.equal(Array(10).fill(7));
  });

  it('several sources go into DEST/: each under its own name', async () => {
    const out = await run(['copy', join(dir, 'tree', 'top.txt'), join(dir, 'tree', 'a'), '/tmp/many/', '-H', `${lab.hosts[0]!.name}`]);
    expect(out.code, out.stdout).to.equal(0);
    const ls = await lab.exec(lab.hosts[0]!.name, 'cd /tmp/many && ls && cat top.txt && stat -c %a a/run.sh');
    expect(ls.stdout).to.equal('a\ntop.txt\ntop level\n755\n');
  });

  it('a host where the copy fails is ERROR (exit 1) with its reason; the others still get it', async () => {
    const bad = lab.hosts[1]!.name;
    await lab.exec(bad, 'mkdir -p /tmp/ro && chmod 555 /tmp/ro');
    const out = await run(['copy', join(dir, 'tree', 'top.txt'), '/tmp/ro/sub/top.txt', '-H', `${lab.hosts[0]!.name},${bad}`]);
    expect(out.code).to.equal(1);
    const r = latest();
    expect(r.hosts[lab.hosts[0]!.name]?.status).to.equal('OK');
    expect(r.hosts[bad]?.checks['copy']?.status).to.equal('ERROR');
    expect(out.stdout).to.match(new RegExp(`^${bad}\\s+\\[ERROR\\] .*/tmp/ro/sub`, 'm'));
  });

  it('an unreachable host is that host\'s result: exit 3; a missing remote path is ERROR', async () => {
    const down = lab.hosts[9]!.name;
    await lab.stopHost(down);
    try {
      const out = await run(['fetch', '/tmp/deploy/tree/top.txt', '/tmp/nowhere-on-host', join(dir, 'partial'), '-H', `${lab.hosts[8]!.name},${down}`]);
      expect(out.code).to.equal(3);
      const r = latest();
      expect(r.hosts[down]?.unreachable).to.be.a('string');
      const c = r.hosts[lab.hosts[8]!.name]?.checks['fetch'];
      expect(c?.status).to.equal('ERROR');
      expect(c?.messages.info.join('\n')).to.contain('top.txt');
      expect(c?.messages.error.join('\n')).to.contain('/tmp/nowhere-on-host does not exist');
      expect(readFileSync(join(dir, 'partial', lab.hosts[8]!.name, 'top.txt'), 'utf8')).to.equal('top level\n');
    } finally {
      await lab.startHost(down);
    }
  });

  it('usage errors exit 2 before any host is touched: one path only, a missing local source', async () => {
    expect((await run(['copy', join(dir, 'tree')])).code).to.equal(2);
    const missing = await run(['copy', join(dir, 'nope'), '/tmp/x']);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('no such local file');
  });
});
