// A full results disk is a clear error, exit 70, every connection closed and remote work killed; it never hangs (SPEC §4).
import { expect } from 'chai';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { CLI, ROOT } from '../support/cli.js';
import { cliEnv, closeLabHome, listFiles, onlySession, openLabHome, pgrepOnHost, readSessionMeta, waitFor } from '../transport/integration-support.js';

/** A hang bound, not a speed check: a run that has not exited by then is killed and reported as hung. */
const HANG_MS = 30_000;

/** Runs `smoker ARGS`; resolves with its exit code, output and time, or with `hung` after HANG_MS (then killed). */
function runBounded(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '--trace-warnings', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => ((hung = true), child.kill('SIGKILL')), HANG_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
  });
}

/** Mounts a tmpfs of `size` at `dir` (root only), leaving `free` bytes when given by filling the rest. */
function mountSmallDisk(dir: string, size: string, freeBytes?: number): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (freeBytes !== undefined) {
    const total = Number(execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).split('\n')[1]);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(total - freeBytes));
  }
}

/** SSH sessions still open on a host once sshd had a moment to notice the client left (`[s]` keeps pgrep's own shell out). */
async function sshSessionsOn(lab: Lab, host: string): Promise<number[]> {
  const pattern = '^[s]shd(-session)?: [^ ]+@';
  await waitFor(async () => (await pgrepOnHost(lab, host, pattern)).length === 0, 3_000);
  return pgrepOnHost(lab, host, pattern);
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir]);
  } catch {
    // Not mounted (the test failed before mounting).
  }
}

describe('a full results disk: exit 70, connections closed, never a hang @lab', function () {
  this.timeout(120_000);
  let lab: Lab;
  let home: string;
  let inventory: string;
  let disk: string;

  before(async function () {
    if (process.getuid?.() !== 0) this.skip();
    ({ lab, home, inventory } = await openLabHome({ hosts: 5 }, 'smoker-diskfull-'));
    writeFileSync(join(home, 'big.yaml'), 'checks:\n  big: { command: "head -c 5000000 /dev/zero | tr \'\\\\0\' x; exec sleep 600", hosts: host1 }\n');
    writeFileSync(join(home, 'echo.yaml'), 'checks:\n  echo: { command: "echo hello from $(hostname)" }\n');
  });
  beforeEach(() => (disk = join(home, `disk-${Date.now()}`)));
  afterEach(() => unmount(disk));
  after(() => closeLabHome(lab, home));

  function expectFailedCleanly(r: Awaited<ReturnType<typeof runBounded>>, results: string): void {
    expect(r.hung, `smoker did not exit within ${HANG_MS / 1000}s; stderr: ${r.stderr}`).to.equal(false);
    expect(r.code, r.stderr).to.equal(70);
    expect(r.stderr).to.match(/^smoker: cannot write .*: ENOSPC: no space left on device/m);
    expect(r.stderr, r.stderr).not.to.match(/internal error|\n\s+at /);
    expect(r.stderr, r.stderr).not.to.contain('MaxListenersExceededWarning');
    const meta = readSessionMeta(onlySession(results));
    expect(meta.state).to.equal('failed');
    expect(meta.reason).to.match(/^cannot write .*ENOSPC/);
    expect(listFiles(results).filter((f) => f.includes('.tmp-')), 'temp files left').to.deep.equal([]);
  }

  it('a check writing 5 MB onto a 1 MB results disk: exit 70, its remote command killed, session failed', async () => {
    mountSmallDisk(disk, '1m');
    const results = join(disk, 'results');
    const r = await runBounded(['run', inventory, '--checks', join(home, 'big.yaml'), '--results', results], cliEnv(home));
    expectFailedCleanly(r, results);
    expect(await pgrepOnHost(lab, 'host1', '^sleep 600$'), 'the check was left running on host1').to.deep.equal([]);
    expect(await sshSessionsOn(lab, 'host1'), 'an SSH session is still open on host1').to.deep.equal([]);
    // inspect says what happened, and never passes.
    const inspect = await runBounded(['inspect', '--results', results], cliEnv(home));
    expect(inspect.code).to.equal(3);
    expect(inspect.stderr).to.contain('failed: cannot write');
  });

  it('a plain 5-host run with 32 KB free: exit 70 with the reason, every SSH session closed', async () => {
    mountSmallDisk(disk, '1m', 32 * 1024);
    const results = join(disk, 'results');
    const r = await runBounded(['run', inventory, '--checks', join(home, 'echo.yaml'), '--results', results], cliEnv(home));
    expectFailedCleanly(r, results);
    for (const h of lab.hosts) expect(await sshSessionsOn(lab, h.name), `an SSH session is still open on ${h.name}`).to.deep.equal([]);
  });
});
