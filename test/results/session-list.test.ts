import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSessions, takeLast } from '../../src/results/session-list.js';
import { readSession, type LoadedSession } from '../../src/results/session-reader.js';
import { describeUnfinished, displayState, summarizeSession } from '../../src/results/session-summary.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import { report } from './data.js';

// A pid that is certainly not running: above the kernel's pid_max.
const DEAD_PID = 4_194_305;

function meta(id: string, fields: Partial<SessionMeta> = {}): SessionMeta {
  return { id, command: 'run', argv: ['run'], versions: { smoker: '0', node: 'v20' }, pid: process.pid, startedAt: '2026-11-22T10:00:00.000Z', state: 'complete', ...fields };
}

function loaded(m: SessionMeta, spec: Parameters<typeof report>[0], incomplete = false): LoadedSession {
  return { dir: `/r/${m.id}`, meta: m, report: report(spec), incomplete };
}

describe('results/session-summary', () => {
  it('states: complete, running (alive), incomplete (killed), interrupted', () => {
    expect(displayState(loaded(meta('a'), {}))).to.equal('complete');
    expect(displayState(loaded(meta('a', { state: 'running' }), {}))).to.equal('running');
    expect(displayState(loaded(meta('a', { state: 'running', pid: DEAD_PID }), {}, true))).to.equal('incomplete');
    expect(displayState(loaded(meta('a', { state: 'interrupted' }), {}, true))).to.equal('interrupted');
  });

  it('summarizes counts from the report and the planned hosts from session.json', () => {
    const s = summarizeSession(loaded(meta('2026-11-22--004', { state: 'running', pid: DEAD_PID, hosts: ['a', 'b', 'c'] }), { a: { x: 'OK', y: 'ERROR' }, b: 'refused' }, true));
    expect(s).to.include({ id: '2026-11-22--004', command: 'run', state: 'incomplete', status: 'ERROR', unreachable: 1, finishedHosts: 2, plannedHosts: 3, durationMs: 1500 });
    expect(s.hosts).to.deep.equal({ OK: 0, WARN: 0, UNKNOWN: 0, ERROR: 2 });
    expect(s.checks).to.deep.equal({ OK: 1, WARN: 0, UNKNOWN: 0, ERROR: 1 });
  });

  it('takes times, duration and inventory from session.json, the duration from the report while a run has none', () => {
    const ended = meta('2026-11-22--005', { endedAt: '2026-11-22T10:00:09.000Z', durationMs: 9000, inventory: 'lab.yaml' });
    expect(summarizeSession(loaded(ended, { a: { x: 'OK' } }))).to.include({
      state: 'complete', status: 'OK', startedAt: '2026-11-22T10:00:00.000Z', endedAt: '2026-11-22T10:00:09.000Z', durationMs: 9000, inventory: 'lab.yaml', finishedHosts: 1, plannedHosts: undefined,
    });
    const running = summarizeSession(loaded(meta('2026-11-22--006', { state: 'running' }), { a: { x: 'WARN' } }));
    expect(running).to.include({ state: 'running', status: 'WARN', durationMs: 1500, endedAt: undefined, inventory: undefined, unreachable: 0 });
  });

  it('says why a session did not finish: failed with its reason (or none recorded), planned hosts or not', () => {
    const failed = (fields: Partial<SessionMeta>, spec: Parameters<typeof report>[0]) => describeUnfinished(loaded(meta('a', { state: 'failed', ...fields }), spec, true));
    expect(failed({ reason: 'results disk full', hosts: ['a', 'b'] }, { a: { x: 'OK' } })).to.equal('session incomplete: 1 of 2 hosts finished (failed: results disk full)');
    expect(failed({}, { a: { x: 'OK' } })).to.equal('session incomplete: 1 host finished (failed: no reason recorded)');
    expect(failed({}, { a: { x: 'OK' }, b: { x: 'OK' } })).to.equal('session incomplete: 2 hosts finished (failed: no reason recorded)');
    expect(failed({}, {})).to.equal('session incomplete: 0 hosts finished (failed: no reason recorded)');
    expect(describeUnfinished(loaded(meta('a', { state: 'running', hosts: ['a', 'b'] }), {}))).to.equal(`session still running (pid ${process.pid}): 0 of 2 hosts finished so far`);
  });

  it('describes unfinished sessions as "N of M hosts finished"', () => {
    expect(describeUnfinished(loaded(meta('a', { hosts: ['a'] }), { a: { x: 'OK' } }))).to.equal(undefined);
    expect(describeUnfinished(loaded(meta('a', { state: 'running', pid: DEAD_PID, hosts: ['a', 'b', 'c'] }), { a: { x: 'OK' } }, true))).to.equal(
      `session incomplete: 1 of 3 hosts finished (smoker (pid ${DEAD_PID}) was killed before it ended)`,
    );
    expect(describeUnfinished(loaded(meta('a', { state: 'interrupted', hosts: ['a', 'b'] }), {}, true))).to.equal('session incomplete: 0 of 2 hosts finished (interrupted)');
    expect(describeUnfinished(loaded(meta('a', { state: 'running' }), { a: { x: 'OK' } }))).to.equal(`session still running (pid ${process.pid}): 1 host finished so far`);
  });
});

describe('results/session-list', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'smoker-list-'));
    const write = (id: string, m: SessionMeta | undefined, withReport: boolean) => {
      mkdirSync(join(root, id));
      if (m) writeFileSync(join(root, id, 'session.json'), JSON.stringify(m));
      if (withReport) writeFileSync(join(root, id, 'report.json'), JSON.stringify(report({ h: { c: 'OK' } })));
    };
    write('2026-11-22--010', meta('2026-11-22--010'), true);
    write('2026-11-22--009', meta('2026-11-22--009', { state: 'running', pid: DEAD_PID }), false);
    write('2026-11-21--001', meta('2026-11-21--001'), true);
    write('2026-11-22--011', undefined, false);
    writeFileSync(join(root, 'notes.txt'), 'not a session');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads every session, sorted by id, and names folders it cannot read', () => {
    const { sessions, problems } = listSessions(root);
    expect(sessions.map((s) => s.meta.id)).to.deep.equal(['2026-11-21--001', '2026-11-22--009', '2026-11-22--010']);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.contain('2026-11-22--011').and.contain('no session.json');
  });

  it('a session killed before report.json is empty and incomplete', () => {
    const s = readSession(join(root, '2026-11-22--009'));
    expect(s.incomplete).to.equal(true);
    expect(s.report.hosts).to.deep.equal({});
    expect(summarizeSession(s).state).to.equal('incomplete');
  });

  it('a missing root is no sessions; takeLast keeps the newest', () => {
    expect(listSessions(join(root, 'nowhere'))).to.deep.equal({ sessions: [], problems: [] });
    expect(takeLast([1, 2, 3], 2)).to.deep.equal([2, 3]);
    expect(takeLast([1, 2, 3], undefined)).to.deep.equal([1, 2, 3]);
  });
});
