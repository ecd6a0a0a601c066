// An sshd that dies mid-run: finished checks keep their results, running ones are ERROR, the remote command is killed.
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, onlySession, openLabHome, pgrepOnHost, waitFor, type LabHome } from '../transport/integration-support.js';

describe('run: the connection dies while checks run @lab', function () {
  this.timeout(90_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 2 }, 'smoker-conn-lost-');
    writeFileSync(
      join(env.home, 'lost.yaml'),
      `checks:
  fast: { command: "echo done" }
  slow: { command: "sleep 3031; echo never" }
`,
    );
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  /** Starts `smoker run` on one host with its own results dir; resolves when that host's slow check is running. */
  async function startRun(host: string, results: string) {
    const { lab, home, inventory } = env!;
    const run = smoker(['run', inventory, '-H', host, '--checks', join(home, 'lost.yaml'), '--results', results, '-o', 'json'], { env: cliEnv(home) });
    const started = await waitFor(async () => (await pgrepOnHost(lab, host, '^sleep 3031$')).length > 0, 15_000, 50);
    expect(started, `slow check started on ${host}`).to.equal(true);
    // The fast check's result is on disk before the connection goes.
    const fast = () => join(onlySession(results), 'hosts', host, 'fast', 'result.json');
    expect(await waitFor(async () => existsSync(results) && existsSync(fast()), 5_000, 50)).to.equal(true);
    // Wrapped: an async function returning the promise itself would wait for the run to end.
    return { run };
  }

  function expectResults(results: string, host: string, code: number | null, stderr: string): void {
    expect(code, `${stderr}\n${readFileSync(join(onlySession(results), "report.json"), "utf8")}`).to.equal(3);
    const report = JSON.parse(readFileSync(join(onlySession(results), 'report.json'), 'utf8')) as RunReport;
    const h = report.hosts[host];
    expect(h?.status).to.equal('ERROR');
    expect(h?.unreachable).to.match(/connection lost/);
    expect(h?.checks['fast']?.status).to.equal('OK');
    expect(h?.checks['slow']?.status).to.equal('ERROR');
    expect(h?.checks['slow']?.messages.error.join('\n')).to.match(/connection lost while running/);
    const slow = JSON.parse(readFileSync(join(onlySession(results), 'hosts', host, 'slow', 'result.json'), 'utf8')) as { status: string };
    expect(slow.status).to.equal('ERROR');
  }

  it('the host goes down (stopHost): the finished check keeps its OK, the running one is ERROR "connection lost while running", exit 3', async () => {
    const results = join(env!.home, 'results-stop');
    const { run } = await startRun('host1', results);
    await env!.lab.stopHost('host1');
    const r = await run;
    expectResults(results, 'host1', r.code, r.stderr);
  });

  it('only the session sshd dies (host up): same results, and a reconnect kills the orphaned command on the host', async () => {
    const { lab } = env!;
    const results = join(env!.home, 'results-session');
    const { run } = await startRun('host2', results);
    // `[^/]` spares the listener ("sshd: /usr/sbin/sshd ... [listener]"): new connections still work. Only
    // the sshds there now: a loop would also kill the session smoker opens to kill the orphan.
    await lab.exec('host2', 'kill -KILL $(pgrep -f "^sshd: [^/]")');
    const r = await run;
    expectResults(results, 'host2', r.code, r.stderr);
    // Without a pty nothing sends the command SIGHUP: only smoker's reconnect kill ends it.
    expect(await pgrepOnHost(lab, 'host2', '^sleep 3031$'), 'the orphaned command still runs').to.deep.equal([]);
  });
});
