// Log collection streams over SFTP: a 100 MB log is copied by a child process whose memory stays bounded.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInventory } from '../../src/config/inventory.js';
import { collectLogs } from '../../src/services/collect-logs.js';
import { Connector } from '../../src/transport/connector.js';
import type { Lab } from '../lab/index.js';
import { ROOT } from '../support/cli.js';
import { closeLabHome, openLabHome } from '../transport/integration-support.js';

const CHILD = fileURLToPath(new URL('./collect-child.ts', import.meta.url));
const SIZE = 100 * 1024 * 1024;

describe('services: collecting logs @lab', function () {
  this.timeout(180_000);
  let lab: Lab;
  let dir: string;
  let inventory: string;

  before(async () => {
    ({ lab, home: dir, inventory } = await openLabHome({ hosts: 1 }, 'smoker-collect-'));
    const r = await lab.exec('host1', `mkdir -p /tmp/demo && yes "2026-11-22 10:00:00 INFO request served in 12ms by worker 7" | head -c ${SIZE} > /tmp/demo/big.log && chown -R ${lab.user} /tmp/demo && md5sum /tmp/demo/big.log`, { timeoutMs: 60_000 });
    expect(r.code, r.stderr).to.equal(0);
  });

  after(() => closeLabHome(lab, dir));

  it('copies a 100 MB log without holding it in memory (child RSS grows far less than the file)', async () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, inventory, 'host1', '/tmp/demo/big.log', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const got = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { bytes: number; localPath: string; rssBefore: number; rssMax: number; ms: number };
    expect(got.bytes).to.equal(SIZE);
    const growth = got.rssMax - got.rssBefore;
    console.log(`      [measure] 100 MB collected in ${got.ms} ms, child RSS grew ${(growth / 1048576).toFixed(1)} MiB`);
    // A buffered copy needs at least the file's 100 MiB; streaming costs only buffers awaiting GC.
    expect(growth).to.be.lessThan(64 * 1024 * 1024);
    const remote = (await lab.exec('host1', 'md5sum < /tmp/demo/big.log')).stdout.split(' ')[0];
    expect(execFileSync('md5sum', [got.localPath], { encoding: 'utf8' }).split(' ')[0]).to.equal(remote);
  });

  it('reports a missing log as a value and leaves no empty file behind', async () => {
    const inv = loadInventory(inventory);
    const connector = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
    const conn = await connector.connect(inv.hosts[0]!);
    try {
      // Repeated: the local file must not appear after the error, however the open and the removal interleave.
      for (let i = 0; i < 20; i++) {
        const [missing] = await collectLogs(conn, { [`gone${i}.log`]: '/tmp/demo/nowhere.log' }, dir);
        expect(missing).to.include({ name: `gone${i}.log`, error: 'no such file' });
        expect(existsSync(join(dir, `gone${i}.log`)), `gone${i}.log`).to.equal(false);
      }
    } finally {
      await conn.close();
      await connector.close();
    }
  });
});
