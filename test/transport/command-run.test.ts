// superviseCommand over a real local process group, started the way the SSH wrapper starts commands.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { ResultsWriteError } from '../../src/errors.js';
import { superviseCommand, type RunningProcess } from '../../src/transport/command-run.js';
import { PID_MARKER } from '../../src/transport/remote-command.js';
import { waitFor } from './integration-support.js';

/** `/bin/sh -c script` in its own process group; kill(pid) kills that group, kill(undefined) only lets go, as closing an SSH channel does. */
function startGroup(script: string): RunningProcess & { kills: (number | undefined)[]; groupAlive(): boolean } {
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const kills: (number | undefined)[] = [];
  let settle: (s: { exitCode: number | null; signal: string | null }) => void = () => undefined;
  const done = new Promise<{ exitCode: number | null; signal: string | null }>((resolve) => (settle = resolve));
  child.on('close', (code, signal) => settle({ exitCode: code, signal }));
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    done,
    kills,
    kill: async (pid) => {
      kills.push(pid);
      if (pid !== undefined) process.kill(-pid, 'SIGKILL');
    },
    abandon: () => settle({ exitCode: null, signal: 'SIGKILL' }),
    groupAlive: () => livingInGroup(child.pid!) > 0,
  };
}

/** Processes of group `pgid` that are not zombies (a container's init may leave killed orphans unreaped). */
function livingInGroup(pgid: number): number {
  let n = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

describe('transport/command-run', () => {
  it('an abort before the pid line came waits for it, then kills the process group', async () => {
    // The pid line comes 300 ms late, as from a slow login shell; the command then never ends by itself.
    const proc = startGroup(`sleep 0.3; printf '${PID_MARKER}%s\\n' "$$" >&2; exec sleep 600`);
    const ac = new AbortController();
    const running = superviseCommand(proc, { signal: ac.signal }, new Date(), true);
    ac.abort();
    const out = await running;
    expect(out.aborted).to.equal(true);
    expect(proc.kills).to.have.length(1);
    expect(proc.kills[0]).to.be.a('number');
    // Killed processes finish exiting after their pipes close: poll briefly.
    expect(await waitFor(async () => !proc.groupAlive(), 2000, 20), 'the sleep was left running').to.equal(true);
    expect(out.stderr).to.equal('');
  });

  it('a timeout kills the group by the pid the wrapper printed, and the outcome says so', async () => {
    const proc = startGroup(`printf '${PID_MARKER}%s\\n' "$$" >&2; echo started; echo warming >&2; sleep 600 & wait`);
    const out = await superviseCommand(proc, { timeoutMs: 300 }, new Date(), true);
    expect(out).to.include({ timedOut: true, exitCode: null, signal: 'SIGKILL', stdout: 'started\n', stderr: 'warming\n' });
    expect(await waitFor(async () => !proc.groupAlive(), 2000, 20), 'the group was left running').to.equal(true);
  });

  it('an output file that cannot be written ends the command and throws ResultsWriteError: never waits for a drain', async () => {
    // 20 MB of output into a file that cannot even be opened: the stream is paused on back-pressure, no drain ever comes.
    const proc = startGroup(`printf '${PID_MARKER}%s\\n' "$$" >&2; head -c 20000000 /dev/zero; exec sleep 600`);
    const err = await superviseCommand(proc, { stdoutFile: '/nonexistent-dir/stdout' }, new Date(), true).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ResultsWriteError);
    expect((err as Error).message).to.match(/^cannot write \/nonexistent-dir\/stdout: ENOENT/);
    expect(proc.kills, 'the command was killed').to.have.length(1);
    expect(await waitFor(async () => !proc.groupAlive(), 2000, 20), 'the group was left running').to.equal(true);
  });
});
