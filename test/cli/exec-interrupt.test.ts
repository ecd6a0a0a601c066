// Ctrl-C on a terminal during `smoker exec -- sleep 600`: remote work killed, session interrupted, exit 130 (SPEC §5).
import { expect } from 'chai';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { renderScreen } from '../support/screen.js';
import { cliEnv, closeLabHome, onlySession, openLabHome, pgrepOnHost, readSessionMeta, spawnOnPty, waitFor } from '../transport/integration-support.js';

describe('Ctrl-C during smoker exec on a terminal @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;

  before(async () => ({ lab, home, inventory } = await openLabHome({ hosts: 4 }, 'smoker-interrupt-')));
  after(() => closeLabHome(lab, home));

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
    const { exitCode, signal, at } = await run.exited;
    const text = run.output();
    // Exited by itself with 130, not killed by the SIGINT (node-pty reports that as code 0, signal 2).
    expect({ exitCode, signal: signal || 0 }, text).to.deep.equal({ exitCode: 130, signal: 0 });
    expect(text).to.include('smoker: interrupted; stopping remote work');
    // A hang bound, not a performance check: the kill takes well under a second here.
    expect(at - pressed, 'time from Ctrl-C to exit (ms)').to.be.below(30_000);
    expect(readSessionMeta(onlySession(results)).state).to.equal('interrupted');
    for (const h of ['host1', 'host2', 'host3']) expect(await pgrepOnHost(lab, h, '^sleep 600$'), h).to.deep.equal([]);
    const report = JSON.parse((await import('node:fs')).readFileSync(join(onlySession(results), 'report.json'), 'utf8')) as {
      hosts: Record<string, { checks: Record<string, { status: string; messages: { error: string[] } }> }>;
    };
    expect(report.hosts['host1']?.checks['exec']?.messages.error).to.deep.equal(['interrupted']);
  });

  it('leaves no spinner line on the screen after Ctrl-C (issue 15 item 16)', async () => {
    const run = await spawnOnPty(['exec', inventory, '-H', 'host1', '--no-results', '--', 'sleep 600'], cliEnv(home));
    const spinning = await waitFor(async () => /exec: 0\/1 hosts/.test(run.output()) && (await pgrepOnHost(lab, 'host1', '^sleep 600$')).length === 1, 15_000, 50);
    expect(spinning, run.output()).to.equal(true);
    run.pty.write('\x03');
    const { exitCode } = await run.exited;
    expect(exitCode, run.output()).to.equal(130);
    const screen = renderScreen(run.output());
    expect(screen.join('\n')).to.include('smoker: interrupted; stopping remote work');
    expect(screen.filter((l) => /hosts$|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/.test(l)), `screen:\n${screen.join('\n')}`).to.deep.equal([]);
  });

  it('one Ctrl-C still exits when a host stopped answering (the kill gives up after its grace)', async () => {
    const run = await spawnOnPty(['exec', inventory, '-H', 'host3,host4', '--no-results', '--', 'sleep 600'], cliEnv(home));
    const running = await waitFor(async () => (await pgrepOnHost(lab, 'host4', '^sleep 600$')).length === 1, 15_000, 100);
    expect(running, run.output()).to.equal(true);
    await lab.exec('host4', 'ip link set eth0 down');
    try {
      const pressed = Date.now();
      run.pty.write('\x03');
      const { exitCode, signal, at } = await run.exited;
      expect({ exitCode, signal: signal || 0 }, run.output()).to.deep.equal({ exitCode: 130, signal: 0 });
      // The kill's 5s grace plus 2s for the goodbye; without them, it never exited.
      expect(at - pressed, 'time from Ctrl-C to exit (ms)').to.be.below(30_000);
      expect(await pgrepOnHost(lab, 'host3', '^sleep 600$'), 'host3').to.deep.equal([]);
    } finally {
      // What ran on the silent host could not be killed: clean it up for the next test.
      await lab.exec('host4', "ip link set eth0 up; pkill -f '^sleep 600$' || true");
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
      const { exitCode, signal, at } = await run.exited;
      expect({ exitCode, signal: signal || 0 }, run.output()).to.deep.equal({ exitCode: 130, signal: 0 });
      expect(run.output()).to.include('interrupted again, exiting now');
      // Sooner than the first Ctrl-C's cleanup could end (its kill alone waits 5s for the silent host).
      expect(at - pressed, 'time from the second Ctrl-C to exit (ms)').to.be.below(4000);
    } finally {
      // What ran on the silent host could not be killed: clean it up for the next test.
      await lab.exec('host4', "ip link set eth0 up; pkill -f '^sleep 600$' || true");
    }
  });
});
