// Reading a session folder back: finding it by path, id, latest, latest~N or previous; what a killed run leaves.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionError } from '../../src/errors.js';
import { locateSession, readSession, selectFromSession } from '../../src/results/session-reader.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import { thrownBy } from '../support/thrown.js';
import { report } from './data.js';

// A pid that is certainly not running: above the kernel's pid_max.
const DEAD_PID = 4_194_305;

function meta(id: string, fields: Partial<SessionMeta> = {}): SessionMeta {
  return { id, command: 'run', argv: ['run'], versions: { smoker: '0', node: 'v20' }, pid: process.pid, startedAt: '2026-11-22T10:00:00.000Z', state: 'complete', ...fields };
}

/** The message of what `fn` throws (failing when it does not throw a SessionError). */
function sessionError(fn: () => unknown): string {
  return thrownBy(fn, SessionError).message;
}

describe('results/session-reader', () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'smoker-reader-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A session folder under root with session.json (and report.json unless `withReport` is false). */
  const session = (id: string, fields: Partial<SessionMeta> = {}, withReport = true): string => {
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'session.json'), JSON.stringify(meta(id, fields)));
    if (withReport) writeFileSync(join(dir, 'report.json'), JSON.stringify(report({ [`host-of-${id}`]: { c: 'OK' } })));
    return dir;
  };
  const latest = (id: string) => symlinkSync(id, join(root, 'latest'));

  describe('locateSession', () => {
    it('finds a session by folder path, by id under root, and by latest (also with no ref at all)', () => {
      const a = session('2026-11-22--001');
      const b = session('2026-11-22--002');
      latest('2026-11-22--002');
      expect(locateSession(a, '/nowhere')).to.equal(a);
      expect(locateSession('2026-11-22--001', root)).to.equal(a);
      expect(locateSession('latest', root)).to.equal(b);
      expect(locateSession(undefined, root)).to.equal(b);
      expect(locateSession(join(root, 'latest'), '/nowhere'), 'the link resolved to the real folder').to.equal(b);
    });

    it('previous and latest~N count back from latest in id order, numerically within a day, skipping folders without session.json', () => {
      for (const id of ['2026-11-21--100', '2026-11-22--002', '2026-11-22--999', '2026-11-22--1000', '2026-11-22--1001']) session(id);
      mkdirSync(join(root, '2026-11-22--998')); // claimed by a run killed before it wrote session.json
      session('notes'); // a folder with session.json whose name is not an id
      latest('2026-11-22--1000');
      expect(locateSession('previous', root)).to.equal(join(root, '2026-11-22--999'));
      expect(locateSession('latest~1', root)).to.equal(join(root, '2026-11-22--999'));
      expect(locateSession('latest~2', root)).to.equal(join(root, '2026-11-22--002'));
      expect(locateSession('latest~3', root)).to.equal(join(root, '2026-11-21--100'));
      expect(locateSession('latest~0', root)).to.equal(join(root, '2026-11-22--1000'));
    });

    it('says how many sessions latest has before it when latest~N goes back too far', () => {
      session('2026-11-22--001');
      session('2026-11-22--002');
      latest('2026-11-22--002');
      expect(sessionError(() => locateSession('latest~2', root))).to.equal(`no session "latest~2": latest (2026-11-22--002) has 1 session before it in ${root}`);
      expect(sessionError(() => locateSession('latest~5', root))).to.equal(`no session "latest~5": latest (2026-11-22--002) has 1 session before it in ${root}`);
      rmSync(join(root, 'latest'));
      latest('2026-11-22--001');
      expect(sessionError(() => locateSession('previous', root))).to.equal(`no session "previous": latest (2026-11-22--001) has 0 sessions before it in ${root}`);
      session('2026-11-22--003');
      rmSync(join(root, 'latest'));
      latest('2026-11-22--003');
      expect(sessionError(() => locateSession('latest~3', root))).to.equal(`no session "latest~3": latest (2026-11-22--003) has 2 sessions before it in ${root}`);
    });

    it('names where it looked for an unknown ref, and the missing latest for previous', () => {
      expect(sessionError(() => locateSession('nope', root))).to.equal(`no session "nope" (looked for nope/session.json and ${join(root, 'nope', 'session.json')})`);
      expect(sessionError(() => locateSession(undefined, root))).to.equal(`no session "latest" (looked for latest/session.json and ${join(root, 'latest', 'session.json')})`);
      session('2026-11-22--001');
      expect(sessionError(() => locateSession('previous', root))).to.equal(`no session "previous": there is no ${join(root, 'latest', 'session.json')}`);
      expect(sessionError(() => locateSession('latest~1', root))).to.match(/^no session "latest~1": there is no /);
      // latest points at a run killed before it wrote session.json.
      mkdirSync(join(root, '2026-11-22--002'));
      symlinkSync('2026-11-22--002', join(root, 'latest'));
      expect(sessionError(() => locateSession('previous', root))).to.equal(`no session "previous": there is no ${join(root, 'latest', 'session.json')}`);
      rmSync(join(root, 'latest'));
      // Only the whole ref is a back reference.
      latest('2026-11-22--001');
      for (const ref of ['latest~', 'latest~x', 'xlatest~1', 'latest~1x', 'previousx', 'xprevious']) {
        expect(sessionError(() => locateSession(ref, root)), ref).to.match(new RegExp(`^no session "${ref}" \\(looked for`));
      }
    });

    it('a folder without session.json is not a session', () => {
      mkdirSync(join(root, '2026-11-22--001'));
      expect(() => locateSession('2026-11-22--001', root)).to.throw(SessionError, /no session "2026-11-22--001"/);
    });
  });

  describe('readSession', () => {
    it('reads session.json and report.json of a finished session', () => {
      const dir = session('2026-11-22--001', { hosts: ['host-of-2026-11-22--001'] });
      const s = readSession(dir);
      expect(s.dir).to.equal(dir);
      expect(s.meta).to.deep.equal(meta('2026-11-22--001', { hosts: ['host-of-2026-11-22--001'] }));
      expect(s.report).to.deep.equal(JSON.parse(JSON.stringify(report({ 'host-of-2026-11-22--001': { c: 'OK' } }))));
      expect(s.incomplete).to.equal(false);
    });

    it('a run killed before its first host finished has an empty report that starts and ends when the session started', () => {
      const s = readSession(session('2026-11-22--001', { state: 'running', pid: DEAD_PID, startedAt: '2026-11-22T09:30:00.000Z' }, false));
      expect(s.report.hosts).to.deep.equal({});
      expect(s.report.status).to.equal('OK');
      expect(s.report.startedAt).to.equal('2026-11-22T09:30:00.000Z');
      expect(s.report.endedAt).to.equal('2026-11-22T09:30:00.000Z');
      expect(s.report.durationMs).to.equal(0);
      expect(s.incomplete).to.equal(true);
    });

    it('a report.json that does not parse reads as an empty report rather than failing', () => {
      const dir = session('2026-11-22--001', { state: 'interrupted' }, false);
      writeFileSync(join(dir, 'report.json'), '{"hosts": {"a"');
      const s = readSession(dir);
      expect(s.report.hosts).to.deep.equal({});
      expect(s.incomplete).to.equal(true);
    });

    it('is incomplete when interrupted, failed, or running under a pid that is gone; not when complete or still running', () => {
      const incomplete = (fields: Partial<SessionMeta>) => readSession(session('2026-11-22--001', fields)).incomplete;
      expect(incomplete({ state: 'complete' })).to.equal(false);
      expect(incomplete({ state: 'complete', pid: DEAD_PID })).to.equal(false);
      expect(incomplete({ state: 'interrupted' })).to.equal(true);
      expect(incomplete({ state: 'failed', reason: 'disk full' })).to.equal(true);
      expect(incomplete({ state: 'running', pid: DEAD_PID })).to.equal(true);
      expect(incomplete({ state: 'running', pid: process.pid })).to.equal(false);
    });

    it('names session.json when it is missing or not JSON', () => {
      const dir = join(root, '2026-11-22--001');
      mkdirSync(dir);
      expect(sessionError(() => readSession(dir))).to.match(new RegExp(`^cannot read ${join(dir, 'session.json')}: ENOENT`));
      writeFileSync(join(dir, 'session.json'), '{"id": ');
      expect(sessionError(() => readSession(dir))).to.match(new RegExp(`^cannot read ${join(dir, 'session.json')}: .*JSON`));
    });
  });

  describe('selectFromSession', () => {
    it('maps each host to its checks whose status matches, leaving out hosts with none', () => {
      const r = report({ a: { x: 'OK', y: 'ERROR', z: 'WARN' }, b: { x: 'OK' }, c: { y: 'ERROR' } });
      const picked = selectFromSession(r, (s) => s !== 'OK');
      expect([...picked.keys()]).to.deep.equal(['a', 'c']);
      expect([...(picked.get('a') ?? [])]).to.deep.equal(['y', 'z']);
      expect([...(picked.get('c') ?? [])]).to.deep.equal(['y']);
      expect(selectFromSession(r, () => false).size).to.equal(0);
    });
  });
});
