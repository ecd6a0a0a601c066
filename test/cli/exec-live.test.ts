// exec --live: lines as they arrive, prefixed `host: `, before slow hosts finish; on a pipe and on a real TTY (issue 15 item 8).
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { Lab } from '../lab/index.js';
import { CLI, ROOT, smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, openLabHome, spawnOnPty, waitFor } from '../transport/integration-support.js';

// host3 takes 5 s more than the others.
const COMMAND = 'echo first-$(hostname); [ "$(hostname)" = host3 ] && sleep 5; echo last-$(hostname) >&2';

describe('smoker exec --live @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;

  before(async () => {
    ({ lab, home, inventory } = await openLabHome({ hosts: 3 }, 'smoker-exec-live-'));
  });

  after(() => closeLabHome(lab, home));

  it('on a pipe: fast hosts’ lines come before the slow host ends; stderr lines on stderr; no spinner bytes', async () => {
    const child = spawn(process.execPath, [CLI, 'exec', inventory, '--no-results', '-L', '--', COMMAND], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: '', ...cliEnv(home) } });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    let sawFast: number | undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (sawFast === undefined && stderr.includes('host1: last-host1\n') && stderr.includes('host2: last-host2\n')) sawFast = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const ended = Date.now();
    expect(code, stderr).to.equal(0);
    expect(stdout).to.include('host1: first-host1\n').and.include('host3: first-host3\n');
    expect(stderr).to.include('host3: last-host3\n');
    expect(sawFast, stderr).to.be.a('number');
    expect(ended - (sawFast ?? ended), 'fast hosts printed well before the slow one ended').to.be.greaterThan(2500);
    expect(stdout + stderr, 'no escape sequence (spinner) on a pipe').to.not.match(/\u001b|[\u2800-\u28ff]/);
  });

  it('without --live on a pipe: progress as plain periodic lines on stderr once the command lasts 5 s, no spinner bytes', async () => {
    const slow = 'echo hi; [ "$(hostname)" = host3 ] && sleep 7; true';
    const r = await smoker(['exec', inventory, '--no-results', '--', slow], { env: { ...cliEnv(home), CI: '' } });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.match(/^exec: 2\/3 hosts \(\d+s\)$/m);
    expect(r.stdout + r.stderr, 'no escape sequence (spinner) on a pipe').to.not.match(/\u001b|\r|[\u2800-\u28ff]/);
  });

  it('on a TTY: fast hosts’ lines come before the slow host ends', async () => {
    const run = await spawnOnPty(['exec', inventory, '--no-results', '--live', '--', COMMAND], cliEnv(home));
    const seen = await waitFor(async () => (run.output().includes('host2: last-host2') && run.output().includes('host1: last-host1') ? Date.now() : undefined), 15_000, 20);
    const exit = await run.exited;
    expect(exit.exitCode, run.output()).to.equal(0);
    expect(seen, run.output()).to.be.a('number');
    expect(exit.at - (seen ?? exit.at)).to.be.greaterThan(2500);
    expect(run.output()).to.include('host3: first-host3');
  });
});
