// smoker exec --timeout kills the remote process tree; a host whose sshd dies mid-command errors, never hangs (SPEC §5).
import { expect } from 'chai';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { smoker } from '../support/cli.js';
import {
  cliEnv,
  closeLabHome,
  hostOf,
  onlySession,
  openLabHome,
  parseExecJson,
  pgrepOnHost,
  readSessionMeta,
  waitFor,
} from '../transport/integration-support.js';

/** How many `sleep 600` a command noted in `pidFile` on the host, and how many of them still run. */
async function sleepsOf(lab: Lab, host: string, pidFile: string): Promise<{ started: number; alive: number }> {
  const r = await lab.exec(host, `n=0; a=0; for p in $(cat ${pidFile}); do n=$((n+1)); [ "$(ps -o args= -p $p)" = 'sleep 600' ] && a=$((a+1)); done; echo $n $a`);
  const [started = NaN, alive = NaN] = r.stdout.trim().split(' ').map(Number);
  return { started, alive };
}

describe('smoker exec timeouts and dying hosts @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;

  before(async () => ({ lab, home, inventory } = await openLabHome({ hosts: 3 }, 'smoker-timeout-')));
  after(() => closeLabHome(lab, home));

  it('--timeout 1s kills `sleep 600` and everything it started; nothing is left on the host', async () => {
    // A background child in its own subshell outlives its parent: only killing the group gets it.
    // Both sleeps note their pids first, so "none left" below means killed, not never started.
    const pids = '/tmp/timeout-1s.pids';
    const command = `(sleep 600 & echo $! >> ${pids}); echo $$ >> ${pids}; exec sleep 600`;
    const results = join(home, 'results-timeout');
    const r = await smoker(['exec', inventory, '-H', 'host1', '--timeout', '1s', '--results', results, '-o', 'json', '--', command], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    const h = hostOf(parseExecJson(r.stdout, r.stderr), 'host1');
    expect(h.status).to.equal('ERROR');
    expect(h.timedOut).to.equal(true);
    expect(h.stdout).to.equal('');
    expect(await sleepsOf(lab, 'host1', pids)).to.deep.equal({ started: 2, alive: 0 });
    expect(await pgrepOnHost(lab, 'host1', '^sleep 600$'), 'sleep processes left on host1').to.deep.equal([]);
    expect(readSessionMeta(onlySession(results)).state).to.equal('complete');
  });

  it('--timeout also kills what ignores SIGTERM, before smoker exits', async () => {
    // The stubborn one holds none of the channel's streams, so the channel closes as soon as TERM ends the shell.
    const pids = '/tmp/timeout-stubborn.pids';
    const command = `(trap '' TERM; exec sleep 600 </dev/null >/dev/null 2>&1) & echo $! >> ${pids}; echo $$ >> ${pids}; exec sleep 600`;
    const r = await smoker(['exec', inventory, '-H', 'host1', '--timeout', '1s', '--no-results', '-o', 'json', '--', command], { env: cliEnv(home) });
    expect(hostOf(parseExecJson(r.stdout, r.stderr), 'host1').timedOut).to.equal(true);
    expect(await sleepsOf(lab, 'host1', pids)).to.deep.equal({ started: 2, alive: 0 });
  });

  it('reports the exit code, or the signal that killed the command, as sshd sent it', async () => {
    const command = 'case $(hostname) in host1) exit 7;; host2) kill -TERM $$;; *) kill -KILL $$;; esac';
    const r = await smoker(['exec', inventory, '--no-results', '-o', 'json', '--', command], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    const out = parseExecJson(r.stdout, r.stderr) as unknown as { hosts: Array<{ host: string; exitCode: number | null; signal: string | null }> };
    expect(out.hosts.map((h) => [h.host, h.exitCode, h.signal])).to.deep.equal([
      ['host1', 7, null],
      ['host2', null, 'SIGTERM'],
      ['host3', null, 'SIGKILL'],
    ]);
  });

  it('a timeout on one host leaves the others to finish', async () => {
    const command = 'if [ "$(hostname)" = host2 ]; then sleep 600; else echo done; fi';
    const r = await smoker(['exec', inventory, '--timeout', '2s', '--no-results', '-o', 'json', '--', command], { env: cliEnv(home) });
    expect(r.code, r.stderr).to.equal(1);
    const out = parseExecJson(r.stdout, r.stderr);
    expect(hostOf(out, 'host1').stdout).to.equal('done\n');
    expect(hostOf(out, 'host3').stdout).to.equal('done\n');
    expect(hostOf(out, 'host2').timedOut).to.equal(true);
    expect(await pgrepOnHost(lab, 'host2', '^sleep 600$')).to.deep.equal([]);
  });

  it('a host that stops answering during --timeout does not keep smoker from exiting', async () => {
    const run = smoker(['exec', inventory, '-H', 'host1,host2', '--timeout', '2s', '--no-results', '-o', 'json', '--', 'sleep 600'], { env: cliEnv(home) });
    const running = await waitFor(async () => (await pgrepOnHost(lab, 'host1', '^sleep 600$')).length === 1, 10_000, 50);
    expect(running, 'sleep started on host1').to.equal(true);
    // Packets to host1 now vanish without a reset: neither the kill nor the goodbye gets an answer.
    await lab.exec('host1', 'ip link set eth0 down');
    const t0 = Date.now();
    let r;
    try {
      r = await run;
    } finally {
      // What ran on the silent host could not be killed: clean it up for the next test.
      await lab.exec('host1', "ip link set eth0 up; pkill -f '^sleep 600$' || true");
    }
    // Timeout, the kill's 5s grace, 2s for the goodbye: a hang bound, far under a TCP timeout (minutes).
    expect(Date.now() - t0, 'exit after the link went down (ms)').to.be.below(40_000);
    const out = parseExecJson(r.stdout, r.stderr);
    expect(hostOf(out, 'host1').timedOut).to.equal(true);
    expect(hostOf(out, 'host2').timedOut).to.equal(true);
    expect(await pgrepOnHost(lab, 'host2', '^sleep 600$')).to.deep.equal([]);
  });

  it('sshd killed mid-command: that host gets an error at once, the others finish', async () => {
    const t0 = Date.now();
    const run = smoker(['exec', inventory, '--no-results', '-o', 'json', '--', 'sleep 3; echo finished'], { env: cliEnv(home) });
    const running = await waitFor(async () => (await pgrepOnHost(lab, 'host3', '^sleep 3$')).length > 0, 10_000, 50);
    expect(running, 'sleep started on host3').to.equal(true);
    // Every sshd of host3: the session processes carrying our connection (pid 1, the listener, is
    // immune to SIGKILL from inside its namespace and keeps serving new connections).
    // `[^/]` spares the listener ("sshd: /usr/sbin/sshd ... [listener]").
    const killed = await lab.exec('host3', 'for i in 1 2 3; do pkill -KILL -f "^sshd: [^/]"; sleep 0.1; done; pgrep -f "^sshd: [^/]" || true');
    expect(killed.stdout.trim(), 'session sshd processes left').to.equal('');
    const r = await run;
    const elapsed = Date.now() - t0;
    const out = parseExecJson(r.stdout, r.stderr);
    expect(hostOf(out, 'host1').stdout).to.equal('finished\n');
    expect(hostOf(out, 'host2').stdout).to.equal('finished\n');
    const h3 = hostOf(out, 'host3');
    expect(h3.status).to.equal('ERROR');
    expect(h3.unreachable, JSON.stringify(h3)).to.match(/^host3: connection lost while the command ran: /);
    expect(r.code, r.stderr).to.equal(3);
    // The others need 3s; a hang would wait for keepalives (45s or more) or forever.
    expect(elapsed, 'no hang').to.be.below(30_000);
  });
});
