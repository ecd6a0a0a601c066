// Commands that may share a session, against a real OpenSSH sshd (MaxSessions 10): fewer sessions, same results.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInventory } from '../../src/config/inventory.js';
import { Connector } from '../../src/transport/connector.js';
import type { Connection } from '../../src/transport/types.js';
import { startLab, type Lab } from '../lab/index.js';

describe('transport: shared sessions @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let dir: string;
  let connector: Connector;
  let conn: Connection;

  before(async () => {
    lab = await startLab({ hosts: 1 });
    dir = mkdtempSync(join(tmpdir(), 'smoker-shared-lab-'));
    const inv = loadInventory(lab.writeInventory(join(dir, 'inventory.yaml')));
    connector = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
    conn = await connector.connect(inv.hosts[0]!);
  });

  after(async () => {
    await conn?.close();
    await connector?.close();
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs 40 commands at once in a few sessions (at most maxChannels, 8), each with its own output and status', async () => {
    // sshd makes each session its own Unix session: distinct session ids (field 6 of /proc/self/stat) are sessions used.
    const outs = await Promise.all(Array.from({ length: 40 }, (_, i) => conn.exec(`echo "$(cut -d' ' -f6 /proc/self/stat) ${i}"; echo "e${i}" >&2; exit ${i % 4}`, { shareSession: true })));
    const shells = new Set<string>();
    outs.forEach((o, i) => {
      const [ppid, n] = o.stdout.trim().split(' ');
      shells.add(ppid ?? '');
      expect([n, o.stderr, o.exitCode, o.timedOut]).to.deep.equal([String(i), `e${i}\n`, i % 4, false]);
    });
    console.log(`      [measure] 40 commands used ${shells.size} sessions`);
    expect(shells.size).to.be.within(1, 8);
  });

  it('opens more sessions when the shared ones are busy with slow commands (up to maxChannels)', async () => {
    const outs = await Promise.all(Array.from({ length: 6 }, () => conn.exec(`sleep 1; cut -d' ' -f6 /proc/self/stat`, { shareSession: true })));
    // Three sessions would run them in two rounds; waiting commands open their own after a short wait.
    expect(new Set(outs.map((o) => o.stdout)).size).to.equal(6);
  });

  it('kills a timed-out command with its children, and the next commands still run', async () => {
    const tag = `smoker-shared-${process.pid}`;
    const [slow, ...fast] = await Promise.all([
      conn.exec(`sh -c 'sleep 30; echo ${tag}' & sleep 30`, { shareSession: true, timeoutMs: 600 }),
      ...Array.from({ length: 5 }, (_, i) => conn.exec(`echo ${i}`, { shareSession: true })),
    ]);
    expect(slow).to.include({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(fast.map((o) => o.stdout)).to.deep.equal(['0\n', '1\n', '2\n', '3\n', '4\n']);
    const left = await lab.exec('host1', `pgrep -f '[s]leep 30; echo ${tag}' || true`);
    expect(left.stdout.trim()).to.equal('');
    const after = await conn.exec('echo still here', { shareSession: true, timeoutMs: 5_000 });
    expect(after).to.include({ stdout: 'still here\n', exitCode: 0, timedOut: false });
  });

  it('mixes shared commands, own-session commands with stdin and SFTP writes without refused channels', async () => {
    const jobs: Promise<string>[] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 10 === 3) jobs.push(conn.writeFile(`/tmp/shared-${i}`, `file ${i}`).then(() => `w${i}`));
      else if (i % 5 === 1) jobs.push(conn.exec('cat', { stdin: `in${i}` }).then((o) => o.stdout));
      else jobs.push(conn.exec(`echo s${i}`, { shareSession: true }).then((o) => o.stdout.trim()));
    }
    const got = await Promise.all(jobs);
    expect(got).to.deep.equal(Array.from({ length: 30 }, (_, i) => (i % 10 === 3 ? `w${i}` : i % 5 === 1 ? `in${i}` : `s${i}`)));
    const files = await conn.exec('cat /tmp/shared-3 /tmp/shared-13 /tmp/shared-23', { shareSession: true });
    expect(files.stdout).to.equal('file 3file 13file 23');
  });

  it('streams large output and keeps it apart from the next command', async () => {
    const [big, next] = await Promise.all([
      conn.exec('head -c 3000000 /dev/zero | tr "\\0" x; echo; echo done >&2', { shareSession: true, maxBuffer: 4_000_000 }),
      conn.exec('echo next', { shareSession: true }),
    ]);
    expect(big.stdout.length).to.equal(3_000_001);
    expect(big.stdout.replaceAll('x', '')).to.equal('\n');
    expect([big.stderr, next.stdout]).to.deep.equal(['done\n', 'next\n']);
  });

  it('an abort kills the shared command and reports it interrupted', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const out = await conn.exec('sleep 20', { shareSession: true, signal: ac.signal });
    expect(out).to.include({ aborted: true, exitCode: null });
    expect(out.durationMs).to.be.lessThan(10_000);
  });
});
