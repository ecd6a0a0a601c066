import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace, type Workspace } from '../results/workspace.js';

// Above the kernel's pid_max: never a live process.
const DEAD_PID = 4_194_305;

describe('smoker sessions (e2e)', () => {
  let ws: Workspace;
  before(() => {
    ws = makeWorkspace();
    ws.breakHosts('mid');
    ws.smoker(['run']);
    ws.breakHosts();
    ws.smoker(['exec', '--', 'true']);
  });
  after(() => ws.remove());

  it('lists id, command, state, hosts and checks by status, duration and start', () => {
    const r = ws.smoker(['sessions']);
    expect(r.code, r.stderr).to.equal(0);
    const [first, second] = ws.sessionIds();
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes(first!))).to.match(/│ run +│ complete +│ 2 OK, 1 ERROR +│ 7 OK, 1 ERROR +│ \d+ms +│ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d │/);
    expect(lines.find((l) => l.includes(second!))).to.match(/│ exec +│ complete +│ 3 OK +│ 3 OK +│/);
    expect(r.stdout).to.match(/^2 sessions in results$/m);
  });

  it('-o json: one object per session, oldest first', () => {
    const list = JSON.parse(ws.smoker(['sessions', '-o', 'json']).stdout) as { id: string; command: string; state: string; checks: Record<string, number>; plannedHosts: number }[];
    expect(list.map((s) => [s.id, s.command, s.state])).to.deep.equal(ws.sessionIds().map((id, i) => [id, i === 0 ? 'run' : 'exec', 'complete']));
    expect(list[0]?.checks).to.deep.equal({ OK: 7, WARN: 0, UNKNOWN: 0, ERROR: 1 });
    expect(list[0]?.plannedHosts).to.equal(3);
  });

  it('sorts numerically within a day and shows killed runs as incomplete', () => {
    const w = makeWorkspace({ solo: 0 });
    try {
      w.smoker(['run']);
      const [id] = w.sessionIds() as [string];
      const day = id.slice(0, 10);
      const results = join(w.dir, 'results');
      for (const n of ['999', '1000', '010']) {
        const dir = join(results, `${day}--${n}`);
        cpSync(join(results, id), dir, { recursive: true });
        const meta = JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8'));
        writeFileSync(join(dir, 'session.json'), JSON.stringify({ ...meta, id: `${day}--${n}`, ...(n === '1000' ? { state: 'running', pid: DEAD_PID, endedAt: undefined, durationMs: undefined } : {}) }));
      }
      mkdirSync(join(results, `${day}--1001`)); // claimed by a run killed before session.json
      const r = w.smoker(['sessions', '-o', 'json']);
      expect(r.code).to.equal(0);
      const list = JSON.parse(r.stdout) as { id: string; state: string }[];
      expect(list.map((s) => s.id.slice(12))).to.deep.equal(['001', '010', '999', '1000']);
      expect(list.map((s) => s.state)).to.deep.equal(['complete', 'complete', 'complete', 'incomplete']);
      expect(r.stderr).to.contain(`${day}--1001: no session.json`);
      expect(w.smoker(['sessions', '--last', '2', '-o', 'json']).stdout).to.contain('--1000').and.not.contain('--010"');
      expect(w.smoker(['sessions']).stdout).to.match(/1000 │ run +│ incomplete +│ 1 OK \(1 of 1 finished\)/);
    } finally {
      w.remove();
    }
  });

  it('no sessions: says so, exit 0; --last 0 is a usage error', () => {
    const w = makeWorkspace({ solo: 0 });
    try {
      const r = w.smoker(['sessions']);
      expect([r.code, r.stdout]).to.deep.equal([0, 'no sessions in results\n']);
      expect(w.smoker(['sessions', '--last', '0']).code).to.equal(2);
    } finally {
      w.remove();
    }
  });

  it('--results DIR reads another root', () => {
    const r = ws.smoker(['sessions', '--results', join(ws.dir, 'results'), '-o', 'json']);
    expect(JSON.parse(r.stdout)).to.have.length(2);
  });
});

describe('--keep and --no-results (e2e)', () => {
  it('--keep N on run and exec leaves the newest N sessions and latest pointing at the newest', () => {
    const ws = makeWorkspace({ solo: 0 });
    try {
      for (let i = 0; i < 4; i++) expect(ws.smoker(['run', '--keep', '2']).code).to.equal(0);
      const kept = ws.sessionIds();
      expect(kept.map((id) => id.slice(12))).to.deep.equal(['003', '004']);
      expect(ws.smoker(['exec', '--keep', '1', '--', 'true']).code).to.equal(0);
      expect(ws.sessionIds().map((id) => id.slice(12))).to.deep.equal(['005']);
      expect(readlinkSync(join(ws.dir, 'results', 'latest'))).to.equal(ws.sessionIds()[0]);
    } finally {
      ws.remove();
    }
  });

  it('--no-results writes nothing, for run and exec', () => {
    const ws = makeWorkspace({ solo: 0 });
    try {
      const r = ws.smoker(['run', '--no-results']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.not.contain('results/');
      expect(ws.smoker(['exec', '--no-results', '--', 'true']).code).to.equal(0);
      expect(existsSync(join(ws.dir, 'results'))).to.equal(false);
    } finally {
      ws.remove();
    }
  });
});
