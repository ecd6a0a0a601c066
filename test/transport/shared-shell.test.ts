// The shared shell's script and job lines, run by the real /bin/sh (dash on Debian) through pipes, framed back.
import { expect } from 'chai';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameReader } from '../../src/transport/frame-reader.js';
import { killJobCommand, withJob } from '../../src/transport/job-kill.js';
import { PID_MARKER } from '../../src/transport/remote-command.js';
import { needsOwnShell, sharedJobLine, sharedShellCommand } from '../../src/transport/shared-shell.js';
import type { ExecOptions } from '../../src/transport/types.js';
import { waitFor } from './integration-support.js';

interface Ran {
  stdout: string;
  stderr: string;
  status: number;
}

/** Starts the shared shell as sshd would (`sh -c COMMAND`), sends every job at once, returns each job's framed result. */
async function runShared(jobs: Array<{ command: string; opts?: Pick<ExecOptions, 'env' | 'cwd'> }>): Promise<{ ran: Ran[]; shellPid: number }> {
  const nonce = 'feedfacecafebeef';
  const child = spawn('/bin/sh', ['-c', sharedShellCommand(nonce)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const streams = { stdout: new FrameReader(nonce), stderr: new FrameReader(nonce) };
  const got = { stdout: [] as string[], stderr: [] as string[] };
  const status: number[] = [];
  let current = { stdout: '', stderr: '' };
  let stderrText = '';
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (chunk: Buffer) => {
      if (name === 'stderr') stderrText += chunk.toString();
      for (const f of streams[name].push(chunk)) {
        if (f.kind === 'data') current[name] += f.data.toString();
        else {
          got[name].push(current[name]);
          current[name] = '';
          if (name === 'stdout') status.push(f.status);
        }
      }
    });
  }
  for (const job of jobs) child.stdin.write(sharedJobLine(job.command, job.opts ?? {}));
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderrText).to.equal(0);
  const firstLine = stderrText.split('\n')[0] ?? '';
  expect(firstLine.startsWith(PID_MARKER), firstLine).to.equal(true);
  // The pid line precedes every job's stderr: drop it from the first job's.
  got.stderr[0] = (got.stderr[0] ?? '').slice(firstLine.length + 1);
  return { ran: jobs.map((_, i) => ({ stdout: got.stdout[i] ?? '', stderr: got.stderr[i] ?? '', status: status[i] ?? -1 })), shellPid: Number(firstLine.slice(PID_MARKER.length)) };
}

describe('transport/shared-shell (local /bin/sh)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'smoker-shared-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs each job in turn with its own output, status, env and directory', async () => {
    const { ran } = await runShared([
      { command: 'echo one; echo err >&2' },
      { command: 'printf "no newline"; exit 3' },
      { command: "printf '%s\\n' \"it's\" 'a \"quoted\" word'\necho second line" },
      { command: 'printf "%s|%s" "$GREETING" "$(pwd)"', opts: { env: { GREETING: 'hello\nworld; $(touch x)' }, cwd: dir } },
      { command: 'cat; echo after-cat' },
      { command: 'if then' },
      { command: 'true' },
      { command: 'echo ran', opts: { cwd: '/nonexistent-dir' } },
    ]);
    expect(ran[0]).to.deep.equal({ stdout: 'one\n', stderr: 'err\n', status: 0 });
    expect(ran[1]).to.deep.equal({ stdout: 'no newline', stderr: '', status: 3 });
    expect(ran[2]).to.deep.equal({ stdout: `it's\na "quoted" word\nsecond line\n`, stderr: '', status: 0 });
    expect(ran[3]).to.deep.equal({ stdout: `hello\nworld; $(touch x)|${dir}`, stderr: '', status: 0 });
    // stdin is /dev/null: the command cannot swallow the jobs that follow it.
    expect(ran[4]).to.deep.equal({ stdout: 'after-cat\n', stderr: '', status: 0 });
    expect(ran[5]?.status).to.equal(2);
    expect(ran[5]?.stderr).to.match(/syntax error|unexpected/i);
    expect(ran[6]).to.deep.equal({ stdout: '', stderr: '', status: 0 });
    // A directory that cannot be entered fails the command without running it.
    expect(ran[7]?.stdout).to.equal('');
    expect(ran[7]?.status).to.not.equal(0);
  });

  it('runs a plain command in the forked subshell (no new /bin/sh); one with $$ or a background & in a /bin/sh of its own', async () => {
    // `read` is a builtin: it reads the command line of the process that runs the job's shell code (the marker is split, so
    // only the shared shell's script, not this command's own, holds it whole).
    const cmdline = 'read -r c </proc/self/cmdline; case "$c" in *"SMOKER""-PID"*) echo shared;; *) echo own;; esac';
    const { ran } = await runShared([
      { command: cmdline },
      { command: `${cmdline} # $$` },
      { command: `${cmdline}; true & wait` },
      { command: `${cmdline} && true 2>&1 >&2 <&0` },
    ]);
    expect(ran.map((r) => r.stdout)).to.deep.equal(['shared\n', 'own\n', 'own\n', 'shared\n']);
    expect(needsOwnShell('a && b 2>&1')).to.equal(false);
    expect(needsOwnShell('a &>/dev/null')).to.equal(true);
  });

  it('a kill of a job run in the forked subshell (it carries no job marker) ends its loop, and not an earlier job\'s daemon', async function () {
    this.timeout(10_000);
    const tag = `${process.pid}`;
    const child = spawn('/bin/sh', ['-c', sharedShellCommand('feedfacecafebeef')], { stdio: ['pipe', 'ignore', 'ignore'] });
    const running = (arg: string) => execFileSync('sh', ['-c', `pgrep -f '^sleep ${arg}$' || true`], { encoding: 'utf8' }).trim() !== '';
    try {
      child.stdin.write(sharedJobLine(`nohup sleep 3${tag} >/dev/null 2>&1 &`, { env: withJob({}, '1111111111111111') }));
      child.stdin.write(sharedJobLine(`while :; do sleep 0.2${tag}; done`, { env: withJob({}, '2222222222222222') }));
      expect(await waitFor(async () => running(`0.2${tag}`), 3_000), 'the loop did not start').to.equal(true);
      execFileSync('/bin/sh', ['-c', killJobCommand({ jobs: ['2222222222222222'], first: child.pid, fallbackGroup: child.pid })]);
      // While the loop's shell lives it starts a new sleep every 0.2 s.
      await new Promise((r) => setTimeout(r, 800));
      expect(running(`0.2${tag}`), 'the loop survived the kill').to.equal(false);
      expect(running(`3${tag}`), 'the other job\'s daemon was killed').to.equal(true);
    } finally {
      child.kill('SIGKILL');
      execFileSync('sh', ['-c', `pkill -f '^sleep (3|0.2)${tag}$' || true`]);
    }
  });

  it('gives each command its own $$ and leaves the shell unchanged by what a command does', async () => {
    const { ran, shellPid } = await runShared([
      { command: 'echo $$' },
      { command: 'cd /; X=1; export Y=2; exit 0' },
      { command: 'echo "$$ $(pwd) ${X-unset} ${Y-unset}"' },
      { command: 'echo "${l-unset} ${n-unset} $(command -v e || echo unset) $0"' },
    ]);
    // The shell's own variables are not visible to commands; $0 is /bin/sh as in a session of its own.
    expect(ran[3]?.stdout).to.equal('unset unset unset /bin/sh\n');
    const first = Number(ran[0]?.stdout.trim());
    expect(first).to.be.greaterThan(0).and.not.equal(shellPid);
    const [pid, cwd, x, y] = (ran[2]?.stdout.trim() ?? '').split(' ');
    expect(Number(pid)).to.not.equal(shellPid);
    expect([cwd, x, y]).to.deep.equal([process.cwd(), 'unset', 'unset']);
  });
});
