// Ctrl-C on a terminal during `smoker exec -- sleep 600`: remote work killed, session interrupted, exit 130 (SPEC §5).
import { expect } from 'chai';
import { join } from 'node:path';
import type { IPty } from 'node-pty';
import { startLab, type Lab } from '../lab/index.js';
import { CLI, ROOT } from '../support/cli.js';
import { cliEnv, makeTempHome, onlySession, pgrepOnHost, readSessionMeta, removeDir, waitFor } from '../transport/integration-support.js';

/** A CLI run on a pseudo-terminal: everything it printed, and its exit. */
interface PtyRun {
  pty: IPty;
  output: () => string;
  exited: Promise<{ exitCode: number; at: number }>;
}

/** Spawns `smoker ARGS` on a new pty (node-pty is native: a load failure fails the test with its reason). */
async function spawnOnPty(args: string[], env: NodeJS.ProcessEnv): Promise<PtyRun> {
  const { spawn } = await import('node-pty');
  const fullEnv = Object.fromEntries(Object.entries({ ...process.env, ...env, CI: '', TERM: 'xterm' }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const pty = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: fullEnv, cols: 120, rows: 40, name: 'xterm' });
  let text = '';
  pty.onData((d) => (text += d));
  const exited = new Promise<{ exitCode: number; at: number }>((resolve) => pty.onExit(({ exitCode }) => resolve({ exitCode, at: Date.now() })));
  return { pty, output: () => text, exited };
}

describe('Ctrl-C during smoker exec on a terminal @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;

  before(async () => {
    lab = await startLab({ hosts: 4 });
    home = makeTempHome('smoker-interrupt-');
    inventory = lab.writeInventory(join(home, 'inventory.yaml'));
  });

  after(async () => {
    await lab?.close();
    removeDir(home);
  });

  it('exits 130 with the interrupted notice, session interrupted, no sleep left on any host', async () => {
    const results = join(home, 'results');
    const run = await spawnOnPty(['exec', inventory, '-H', 'host1,host2,host3', '--results', results, '--', 'sleep 600'], cliEnv(home));
    const running = await waitFor(async () => {
      const counts = await Promise.all(['host1', 'host2', 'host3'].map(async (h) => (await pgrepOnHost(lab, h, '^sleep 600$')).length));
      return counts.every((n) => n === 1);
    }, 15_000, 100);
    expect(running, `sleep 600 running on every host; output so far: ${run.output()}`).to.equal(true);

    const pressed = Date.now();
    run.pty.write('\x03');
    const { exitCode, at } = await run.exited;
    const text = run.output();
    expect(exitCode, text).to.equal(130);
    expect(text).to.include('smoker: interrupted; stopping remote work');
    expect(at - pressed, 'time from Ctrl-C to exit (ms)').to.be.below(10_000);
    expect(readSessionMeta(onlySession(results)).state).to.equal('interrupted');
    for (const h of ['host1', 'host2', 'host3']) expect(await pgrepOnHost(lab, h, '^sleep 600$'), h).to.deep.equal([]);
    const report = JSON.parse((await import('node:fs')).readFileSync(join(onlySession(results), 'report.json'), 'utf8')) as {
      hosts: Record<string, { checks: Record<string, { status: string; messages: { error: string[] } }> }>;
    };
    expect(report.hosts['host1']?.checks['exec']?.messages.error).to.deep.equal(['interrupted']);
  });

  it('one Ctrl-C still exits when a host stopped answering (the kill gives up after its grace)', async () => {
    const run = await spawnOnPty(['exec', inventory, '-H', 'host3,host4', '--no-results', '--', 'sleep 600'], cliEnv(home));
    const running = await waitFor(async () => (await pgrepOnHost(lab, 'host4', '^sleep 600$')).length === 1, 15_000, 100);
    expect(running, run.output()).to.equal(true);
    await lab.exec('host4', 'ip link set eth0 down');
    try {
      const pressed = Date.now();
      run.pty.write('\x03');
      const { exitCode, at } = await run.exited;
      expect(exitCode, run.output()).to.equal(130);
      expect(at - pressed, 'time from Ctrl-C to exit (ms)').to.be.below(15_000);
      expect(await pgrepOnHost(lab, 'host3', '^sleep 600$'), 'host3').to.deep.equal([]);
    } finally {
      await lab.exec('host4', 'ip link set eth0 up');
    }
  });

  it('a second Ctrl-C exits at once while the first waits on a host that stopped answering', async () => {
    const run = await spawnOnPty(['exec', inventory, '-H', 'host4', '--no-results', '--', 'sleep 600'], cliEnv(home));
    const running = await waitFor(async () => (await pgrepOnHost(lab, 'host4', '^sleep 600$')).length === 1, 15_000, 100);
    expect(running, run.output()).to.equal(true);
    // Packets to host4 now vanish: the kill after the first Ctrl-C gets no answer.
    await lab.exec('host4', 'ip link set eth0 down');
    try {
      run.pty.write('\x03');
      await waitFor(async () => run.output().includes('stopping remote work'), 5000, 20);
      const pressed = Date.now();
      run.pty.write('\x03');
      const { exitCode, at } = await run.exited;
      expect(exitCode, run.output()).to.equal(130);
      expect(run.output()).to.include('interrupted again, exiting now');
      expect(at - pressed, 'time from the second Ctrl-C to exit (ms)').to.be.below(2000);
    } finally {
      await lab.exec('host4', 'ip link set eth0 up');
    }
  });
});
