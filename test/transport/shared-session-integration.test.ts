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

  it('does not queue commands behind slow ones: once the running ones turn slow, waiting commands open sessions', async () => {
    const sid = `cut -d' ' -f6 /proc/self/stat`;
    const outs = await Promise.all([`sleep 3; ${sid}`, `sleep 3; ${sid}`, ...Array.from({ length: 6 }, () => sid)].map((c) => conn.exec(c, { shareSession: true })));
    const slowSessions = new Set(outs.slice(0, 2).map((o) => o.stdout));
    const fastSessions = new Set(outs.slice(2).map((o) => o.stdout));
    expect(outs.every((o) => /^\d+\n$/.test(o.stdout) && o.exitCode === 0)).to.equal(true);
    // Two sessions run the sleeps (one command may wait behind each); the other commands went to a third.
    expect(slowSessions.size).to.equal(2);
    expect([...fastSessions].some((s) => !slowSessions.has(s))).to.equal(true);
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

  it('a command queued behind one that is killed runs afterwards in another session', async () => {
    const inv = loadInventory(join(dir, 'inventory.yaml'));
    const fresh = await connector.connect(inv.hosts[0]!);
    try {
      // Two sessions (the base), each running a sleep; the third command queues behind one of them.
      const sleeps = [fresh.exec('sleep 30', { shareSession: true, timeoutMs: 1_000 }), fresh.exec('sleep 30', { shareSession: true, timeoutMs: 1_000 })];
      await new Promise((r) => setTimeout(r, 300));
      // Its timeout is shorter than the wait: counted from when it began, it does not expire while it waits.
      const mark = `/tmp/smoker-queued-${process.pid}`;
      const [a, b, queued] = await Promise.all([...sleeps, fresh.exec(`echo queued >> ${mark}; echo queued`, { shareSession: true, timeoutMs: 600 })]);
      expect([a?.timedOut, b?.timedOut]).to.deep.equal([true, true]);
      expect(queued).to.include({ stdout: 'queued\n', exitCode: 0, timedOut: false });
      // It ran once: the killed session's shell did not start it before it was sent elsewhere.
      expect((await lab.exec('host1', `cat ${mark}; rm -f ${mark}`)).stdout).to.equal('queued\n');
      // It began only after the kill.
      expect(Date.parse(queued!.startedAt)).to.be.at.least(Date.parse(a!.startedAt) + 900);
    } finally {
      await fresh.close();
    }
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

  it('with maxChannels 1, SFTP, shared and own-session commands take turns on the one slot instead of waiting forever', async () => {
    const inv = loadInventory(join(dir, 'inventory.yaml'));
    const one = await connector.connect({ ...inv.hosts[0]!, maxChannels: 1 });
    try {
      const got = await Promise.all([
        one.exec('echo a', { shareSession: true }),
        one.writeFile('/tmp/one-slot', 'uploaded').then(() => one.exec('cat /tmp/one-slot', { shareSession: true })),
        one.exec('cat', { stdin: 'own' }),
        one.exec('echo b', { shareSession: true }),
        one.writeFile('/tmp/one-slot-2', 'again').then(() => one.exec('cat', { stdin: 'own again' })),
      ]);
      expect(got.map((o) => o.stdout)).to.deep.equal(['a\n', 'uploaded', 'own', 'b\n', 'own again']);
    } finally {
      await one.close();
    }
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

  it("'idle' uses the warmed shared session only while it has nothing to do, else a session of its own, never waiting", async () => {
    const inv = loadInventory(lab.writeInventory(join(dir, 'inventory-idle.yaml')));
    const own = new Connector({ inventoryHosts: inv.hosts, sshConfig: false });
    try {
      const c = await own.connect(inv.hosts[0]!);
      await c.warm?.();
      // The warmed session's shell is already up: its Unix session id is the one the first command sees.
      const sid = `cut -d' ' -f6 /proc/self/stat`;
      const t0 = Date.now();
      // Three waits side by side: one in the shared session, two in sessions of their own; none behind another.
      const waits = await Promise.all([1, 2, 3].map(() => c.exec(`sleep 1; ${sid}`, { shareSession: 'idle' })));
      const took = Date.now() - t0;
      expect(waits.map((o) => o.exitCode)).to.deep.equal([0, 0, 0]);
      expect(new Set(waits.map((o) => o.stdout)).size).to.equal(3);
      expect(took).to.be.below(1900);
      // Idle again: the next one runs in the shared session (the first wait's), not a new one.
      const again = await c.exec(sid, { shareSession: 'idle' });
      expect(again.stdout).to.equal(waits[0]!.stdout);
    } finally {
      await own.close();
    }
  });
});
