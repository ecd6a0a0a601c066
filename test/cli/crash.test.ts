import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { CLI } from '../support/cli.js';
import { makeWorkspace, statuses, type Workspace } from '../results/workspace.js';

// fast finishes first, mid after 2s, slow after 4s; the `noisy` checks make the JSON report far larger than a terminal buffer.
const DELAYS = { fast: 0.3, mid: 2, slow: 4 };
const NOISY = ['  noisy1: { command: "seq 1 100000", hosts: slow }', '  noisy2: { command: "seq 1 100000", hosts: slow }', '  noisy3: { command: "seq 1 100000", hosts: slow }'].join('\n');

/** Starts `smoker ARGS` in the workspace (stdout piped and never read). */
function start(ws: Workspace, args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ws.dir, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Polls until `ready()` holds. */
async function until(ready: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The only session folder under results/ (each case uses a fresh workspace). */
function onlySession(ws: Workspace): string {
  const ids = ws.sessionIds();
  return ids.length === 1 ? join(ws.dir, 'results', ids[0]!) : '';
}

function finishedHosts(dir: string): string[] {
  return Object.keys((readJson(join(dir, 'report.json'))?.hosts as object | undefined) ?? {});
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('crash safety: a run killed at any moment leaves a readable session (e2e)', function () {
  this.timeout(60_000);
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace(DELAYS, NOISY);
    ws.breakHosts('fast');
  });
  afterEach(() => ws.remove());

  it('killed before the first host finished: empty, incomplete, 0 of 3 hosts', async () => {
    const child = start(ws, ['run']);
    await until(() => onlySession(ws) !== '' && existsSync(join(onlySession(ws), 'session.json')), 'session.json');
    await until(() => (readJson(join(onlySession(ws), 'session.json'))?.hosts as string[] | undefined)?.length === 3, 'the planned hosts');
    await kill(child);
    const dir = onlySession(ws);
    expect(existsSync(join(dir, 'report.json')), 'no host had finished').to.equal(false);
    const r = ws.smoker(['inspect', ws.sessionIds()[0]!]);
    expect(r.code, 'an incomplete session never passes').to.equal(3);
    expect(r.stderr).to.contain('session incomplete: 0 of 3 hosts finished');
    expect(r.stdout).to.match(/^3 hosts: 3 UNKNOWN · 0 checks/m).and.contain('did not finish: smoker was killed');
    expect(ws.smoker(['sessions']).stdout).to.match(/│ incomplete +│ - \(0 of 3 finished\)/);
  });

  it('killed mid-way: the finished host is there, with the exit code it earned', async () => {
    const child = start(ws, ['run']);
    await until(() => onlySession(ws) !== '' && finishedHosts(onlySession(ws)).length >= 1, 'the first host');
    await kill(child);
    const id = ws.sessionIds()[0]!;
    expect(finishedHosts(onlySession(ws))).to.deep.equal(['fast']);
    const r = ws.smoker(['inspect', id, '-o', 'json']);
    expect(r.code, 'incomplete: 3, whatever the finished hosts earned').to.equal(3);
    expect(r.stderr).to.contain(`${id}: session incomplete: 1 of 3 hosts finished`);
    expect(statuses(JSON.parse(r.stdout))).to.deep.equal({ fast: { sleepy: 'OK', flaky: 'ERROR' }, mid: {}, slow: {} });
    expect(JSON.parse(r.stdout).hosts.mid.unfinished).to.equal('did not finish: smoker was killed');
    expect(ws.smoker(['inspect', id, '-H', 'mid,slow']).code, 'nothing of mid/slow finished').to.equal(3);
    // The partial host's files are on disk too.
    expect(existsSync(join(onlySession(ws), 'hosts', 'fast', 'flaky', 'result.json'))).to.equal(true);
  });

  it('killed after every host finished but before it exited: all hosts, still incomplete', async () => {
    // Under a terminal whose output nobody reads, the process blocks in writing its JSON report: after every
    // host and the session's own reports are written, before the session is marked finished.
    const term = pty.spawn(process.execPath, [CLI, 'run', '-o', 'json'], { cwd: ws.dir, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', CI: '1' } as Record<string, string>, cols: 120, rows: 40 });
    term.pause();
    const exited = new Promise<void>((r) => term.onExit(() => r()));
    try {
      const dir = () => onlySession(ws);
      await until(() => dir() !== '' && finishedHosts(dir()).length === 3 && existsSync(join(dir(), 'report.html')), 'all hosts and the session reports', 30_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(readJson(join(dir(), 'session.json'))?.state, 'blocked before finishing').to.equal('running');
    } finally {
      process.kill(term.pid, 'SIGKILL');
      await exited;
    }
    const id = ws.sessionIds()[0]!;
    const r = ws.smoker(['inspect', id, '-o', 'minimal']);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.contain('session incomplete: 3 of 3 hosts finished').and.contain('killed');
    expect(r.stdout).to.match(/^3 hosts: 2 OK, 1 ERROR · 11 checks: 10 OK, 1 ERROR/m);
    expect(readlinkSync(join(ws.dir, 'results', 'latest')), 'latest points at a session from its start').to.equal(id);
  });

  it('an interrupted run (SIGINT) is written as interrupted and inspect says so', async () => {
    const child = start(ws, ['run']);
    await until(() => onlySession(ws) !== '' && finishedHosts(onlySession(ws)).length >= 1, 'the first host');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).to.equal(130);
    const id = ws.sessionIds()[0]!;
    expect(ws.meta(id).state).to.equal('interrupted');
    const r = ws.smoker(['inspect', id]);
    expect(r.stderr).to.match(/session incomplete: \d of 3 hosts finished \(interrupted\)/);
    expect(r.code).to.equal(3);
  });
});

describe('a killed run never hides behind an older green one (e2e)', function () {
  this.timeout(60_000);
  let ws: Workspace;
  let green: string;
  beforeEach(() => {
    ws = makeWorkspace(DELAYS);
    expect(ws.smoker(['run']).code).to.equal(0);
    green = ws.sessionIds()[0]!;
  });
  afterEach(() => ws.remove());

  /** Starts a run, waits for `ready` in its session folder, kills it with SIGKILL; returns the killed id. */
  async function killRun(ready: (dir: string) => boolean, what: string): Promise<string> {
    const child = start(ws, ['run']);
    const dir = () => (ws.sessionIds().length === 2 ? join(ws.dir, 'results', ws.sessionIds()[1]!) : '');
    await until(() => dir() !== '' && ready(dir()), what);
    await kill(child);
    return ws.sessionIds()[1]!;
  }

  function expectIncompleteLatest(killed: string, missing: string[]): void {
    expect(readlinkSync(join(ws.dir, 'results', 'latest'))).to.equal(killed);
    const human = ws.smoker(['inspect']);
    expect(human.code, human.stdout).to.equal(3);
    expect(human.stderr).to.contain(`${killed}: session incomplete`);
    expect(human.stdout).to.contain(`results/${killed}`).and.not.contain(green);
    const nagios = ws.smoker(['inspect', 'latest', '-o', 'nagios']);
    expect(nagios.code).to.equal(3);
    expect(nagios.stdout).to.match(/^SMOKER UNKNOWN - session incomplete/);
    const junit = ws.smoker(['inspect', '-o', 'junit']);
    expect(junit.code).to.equal(3);
    for (const host of missing) {
      expect(junit.stdout).to.match(new RegExp(`<testcase classname="smoker\\.${host}" name="unfinished" time="0.000">\\s*<error message="did not finish: smoker was killed" type="unfinished">`));
    }
    expect(junit.stdout.match(/name="unfinished"/g) ?? []).to.have.length(missing.length);
  }

  it('killed before the first host finished: latest is the killed session, every host missing', async () => {
    const killed = await killRun((d) => (readJson(join(d, 'session.json'))?.hosts as string[] | undefined)?.length === 3, 'the planned hosts');
    expectIncompleteLatest(killed, ['fast', 'mid', 'slow']);
  });

  it('killed mid-run: the finished host shows, the others are unfinished errors; --error re-runs them whole', async () => {
    const killed = await killRun((d) => finishedHosts(d).length === 1, 'the first host');
    expectIncompleteLatest(killed, ['mid', 'slow']);
    const rerun = ws.smoker(['run', '--error', '-o', 'json']);
    expect(rerun.stderr).to.contain(`--error: the latest session ${killed} did not complete`);
    expect(rerun.code, rerun.stderr).to.equal(0);
    expect(statuses(JSON.parse(rerun.stdout))).to.deep.equal({ mid: { sleepy: 'OK', flaky: 'OK', steady: 'OK' }, slow: { sleepy: 'OK', flaky: 'OK', steady: 'OK' } });
  });
});

describe('concurrent runs and re-runs (e2e)', function () {
  this.timeout(60_000);

  it('five runs started at the same moment get five distinct ids', async () => {
    const ws = makeWorkspace({ fast: 0, mid: 0, slow: 0 });
    try {
      const children = Array.from({ length: 5 }, () => start(ws, ['run', '-o', 'minimal']));
      const codes = await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
      expect(codes).to.deep.equal([0, 0, 0, 0, 0]);
      const ids = ws.sessionIds();
      expect(ids).to.have.length(5);
      expect(new Set(ids).size).to.equal(5);
      expect(ids.map((id) => id.slice(12))).to.deep.equal(['001', '002', '003', '004', '005']);
      const metas = ids.map((id) => ws.meta(id));
      expect(metas.map((m) => m.id)).to.deep.equal(ids);
      expect(new Set(metas.map((m) => m.pid)).size).to.equal(5);
      expect(metas.every((m) => m.state === 'complete')).to.equal(true);
      expect(ids).to.include(readlinkSync(join(ws.dir, 'results', 'latest')));
    } finally {
      ws.remove();
    }
  });

  it('--error re-runs only the failed checks, only on the hosts where they failed', () => {
    const ws = makeWorkspace({ fast: 0, mid: 0, slow: 0 }, '  also: { command: "test {{ host }} != slow" }');
    try {
      ws.breakHosts('mid', 'slow');
      expect(ws.smoker(['run']).code).to.equal(1);
      const [first] = ws.sessionIds() as [string];
      expect(statuses(ws.report(first))).to.deep.include({ fast: { sleepy: 'OK', flaky: 'OK', also: 'OK' } });
      ws.breakHosts('slow');
      const r = ws.smoker(['run', '--error', '-o', 'json']);
      expect(r.code).to.equal(1);
      const second = ws.sessionIds()[1]!;
      expect(statuses(ws.report(second))).to.deep.equal({ mid: { flaky: 'OK' }, slow: { flaky: 'ERROR', also: 'ERROR' } });
      expect(ws.meta(second).filters).to.deep.equal({ only: { mid: ['flaky'], slow: ['flaky', 'also'] } });
      // Then again: --error now reads the re-run session, where only slow failed (`also` always fails there).
      ws.breakHosts();
      expect(ws.smoker(['run', '--error']).code).to.equal(1);
      expect(statuses(ws.report(ws.sessionIds()[2]!))).to.deep.equal({ slow: { flaky: 'OK', also: 'ERROR' } });
    } finally {
      ws.remove();
    }
  });
});
