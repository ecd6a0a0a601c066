// What a reader of a session folder sees while SessionWriter writes it, when a write fails, and after pruning (SPEC §4).
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsWriteError, SessionError } from '../../src/errors.js';
import { datePart } from '../../src/results/session-id.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import { pruneSessions, SessionWriter } from '../../src/results/session-writer.js';

/** What the sessions of these tests say they ran. */
const META = { command: 'run', argv: ['smoker', 'run', '-i', 'lab.yaml'], inventory: 'lab.yaml', versions: { smoker: 'test', node: process.version } };

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The error a promise rejects with (failing when it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: Error) => err,
  );
}

describe('results/session-writer', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'smoker-writer-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const readMeta = (w: SessionWriter): SessionMeta => JSON.parse(readFileSync(join(w.dir, 'session.json'), 'utf8')) as SessionMeta;
  const logLines = (w: SessionWriter): string[] => readFileSync(join(w.dir, 'session.log'), 'utf8').split('\n').filter(Boolean);

  describe('a session as it starts', () => {
    it("claims today's next id, writes session.json as running and points latest at it before anything runs", async () => {
      const w = await SessionWriter.create(root, META);
      const id = `${datePart(new Date())}--001`;
      expect(w.id).to.equal(id);
      expect(w.root).to.equal(root);
      expect(w.dir).to.equal(join(root, id));
      const meta = readMeta(w);
      expect(meta).to.deep.include({ ...META, id, pid: process.pid, state: 'running' });
      expect(meta.startedAt).to.match(ISO);
      expect(meta).to.not.have.property('endedAt');
      expect(readlinkSync(join(root, 'latest'))).to.equal(id);
      const second = await SessionWriter.create(root, META);
      expect(second.id).to.equal(`${datePart(new Date())}--002`);
      expect(readlinkSync(join(root, 'latest')), 'latest follows the newest session from its start').to.equal(second.id);
      await Promise.all([w.finish('complete'), second.finish('complete')]);
    });

    it('points latest at the new session before session.json exists (a run killed in between never shows the older one)', async () => {
      const first = await SessionWriter.create(root, META);
      const proto = SessionWriter.prototype as unknown as { writeMeta(this: SessionWriter): Promise<void> };
      const writeMeta = proto.writeMeta;
      const seen: string[] = [];
      proto.writeMeta = function (this: SessionWriter) {
        if (!existsSync(join(this.dir, 'session.json'))) seen.push(readlinkSync(join(root, 'latest')));
        return writeMeta.call(this);
      };
      try {
        const second = await SessionWriter.create(root, META);
        expect(seen).to.deep.equal([second.id]);
        await second.finish('complete');
      } finally {
        proto.writeMeta = writeMeta;
      }
      await first.finish('complete');
    });

    it('creates the root, and writes session.json as indented JSON ending in a newline', async () => {
      const w = await SessionWriter.create(join(root, 'deep', 'results'), META);
      const text = readFileSync(join(w.dir, 'session.json'), 'utf8');
      expect(text).to.equal(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      await w.finish('complete');
    });

    it('starts session.log with a timestamped line naming the command line', async () => {
      const w = await SessionWriter.create(root, META);
      w.log('connecting to web01');
      await w.finish('complete');
      const lines = logLines(w);
      expect(lines[0]).to.match(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z session ${w.id} started: smoker run -i lab.yaml$`));
      expect(lines[1]).to.match(/^\S+Z connecting to web01$/);
    });

    it('refuses a latest that is not a link before claiming an id: nothing is created', async () => {
      mkdirSync(join(root, 'latest'));
      const err = await rejection(SessionWriter.create(root, META));
      expect(err).to.be.instanceOf(SessionError);
      expect(readdirSync(root)).to.deep.equal(['latest']);
    });

    it('a root that cannot hold a session is a ResultsWriteError naming the root', async () => {
      writeFileSync(join(root, 'file'), '');
      const err = await rejection(SessionWriter.create(join(root, 'file'), META));
      expect(err).to.be.instanceOf(ResultsWriteError);
      expect(err.message).to.match(new RegExp(`^cannot write a session in ${join(root, 'file')}: E`));
    });
  });

  describe('files inside the session', () => {
    it('puts each check under hosts/<host>/<check> and other folders under the session, names encoded', async () => {
      const w = await SessionWriter.create(root, META);
      const c = await w.checkDir('web/01', '..');
      expect(c).to.equal(join(w.dir, 'hosts', 'web%2F01', '%2E%2E'));
      expect(statSync(c).isDirectory()).to.equal(true);
      const s = await w.subdir('services', 'kafka/x', 'web01');
      expect(s).to.equal(join(w.dir, 'services', 'kafka%2Fx', 'web01'));
      expect(statSync(s).isDirectory()).to.equal(true);
      expect(await w.checkDir('web/01', '..'), 'again: the same folder').to.equal(c);
      await w.finish('complete');
    });

    it('writes named files at the session root, and report.json as indented JSON ending in a newline', async () => {
      const w = await SessionWriter.create(root, META);
      await w.writeFile('summary.txt', 'PASS\n');
      expect(readFileSync(join(w.dir, 'summary.txt'), 'utf8')).to.equal('PASS\n');
      const report = { status: 'OK', hosts: { web01: { status: 'OK' } } };
      await w.writeReport(report);
      expect(readFileSync(join(w.dir, 'report.json'), 'utf8')).to.equal(`${JSON.stringify(report, null, 2)}\n`);
      await w.finish('complete');
      expect(readdirSync(w.dir).sort()).to.deep.equal(['report.json', 'session.json', 'session.log', 'summary.txt']);
    });

    it('update changes only the given fields of session.json', async () => {
      const w = await SessionWriter.create(root, META);
      const before = readMeta(w);
      await w.update({ hosts: ['a', 'b'] });
      await w.update({ shard: '1/2' });
      expect(readMeta(w)).to.deep.equal({ ...before, hosts: ['a', 'b'], shard: '1/2' });
      await w.finish('complete');
    });
  });

  describe('finishing', () => {
    it('records the end: state, end time, duration and the given fields, and the last log line', async () => {
      const w = await SessionWriter.create(root, META);
      const { startedAt } = readMeta(w);
      await new Promise((r) => setTimeout(r, 20));
      const counts = { hosts: { OK: 1, WARN: 0, UNKNOWN: 0, ERROR: 0 } };
      await w.finish('complete', { counts } as Partial<SessionMeta>);
      const meta = readMeta(w);
      expect(meta.state).to.equal('complete');
      expect(meta.counts).to.deep.equal(counts);
      expect(meta.endedAt).to.match(ISO);
      expect(meta.durationMs).to.equal(Date.parse(meta.endedAt ?? '') - Date.parse(startedAt));
      expect(meta.durationMs).to.be.at.least(20);
      expect(logLines(w).at(-1)).to.match(new RegExp(` session ${w.id} complete$`));
    });

    it('a failed session records its reason in session.json and session.log', async () => {
      const w = await SessionWriter.create(root, META);
      await w.finish('failed', { reason: 'results disk full' });
      expect(readMeta(w)).to.deep.include({ state: 'failed', reason: 'results disk full' });
      expect(logLines(w).at(-1)).to.match(new RegExp(` session ${w.id} failed: results disk full$`));
    });

    it('the log is closed once finished: later lines are dropped, not written nor thrown', async () => {
      const w = await SessionWriter.create(root, META);
      await w.finish('interrupted');
      w.log('after the end');
      await new Promise((r) => setTimeout(r, 20));
      expect(logLines(w).at(-1)).to.match(/ interrupted$/);
      expect(readFileSync(join(w.dir, 'session.log'), 'utf8')).to.not.contain('after the end');
      expect(w.failure.aborted, 'a line after the end is no write error').to.equal(false);
    });

    it('waits for report writes still under way, so the last report is on disk when it resolves', async () => {
      const w = await SessionWriter.create(root, META);
      const reports = Array.from({ length: 6 }, (_, v) => ({ version: v, pad: 'x'.repeat(2_000_000) }));
      for (const r of reports) void w.writeReport(r);
      await w.finish('complete');
      expect(JSON.parse(readFileSync(join(w.dir, 'report.json'), 'utf8')).version).to.equal(5);
    });
  });

  describe('a write that fails', () => {
    it('rejects naming report.json, leaves no temp file, and aborts `failure` with that error', async () => {
      const w = await SessionWriter.create(root, META);
      // A folder where report.json should be: the rename over it fails, as a full or read-only disk would.
      mkdirSync(join(w.dir, 'report.json', 'x'), { recursive: true });
      expect(w.failure.aborted).to.equal(false);
      const err = await rejection(w.writeReport({ status: 'OK' }));
      expect(err).to.be.instanceOf(ResultsWriteError);
      expect(err.message).to.match(new RegExp(`^cannot write ${join(w.dir, 'report.json')}: E`));
      expect(w.failure.aborted).to.equal(true);
      expect(w.failure.reason).to.equal(err);
      expect(readdirSync(w.dir).filter((f) => f.includes('.tmp')), 'temp files left behind').to.deep.equal([]);
      // A failed session ends without waiting on that write, and says why.
      await w.finish('failed', { reason: err.message });
      expect(readMeta(w)).to.deep.include({ state: 'failed', reason: err.message });
    });

    it('the first failure wins: later ones reject with their own error but `failure` keeps the first', async () => {
      const w = await SessionWriter.create(root, META);
      writeFileSync(join(w.dir, 'hosts'), '');
      const first = await rejection(w.checkDir('web01', 'disk'));
      expect(first).to.be.instanceOf(ResultsWriteError);
      expect(first.message).to.match(new RegExp(`^cannot write ${join(w.dir, 'hosts', 'web01', 'disk')}: E`));
      mkdirSync(join(w.dir, 'summary.txt', 'x'), { recursive: true });
      const second = await rejection(w.writeFile('summary.txt', 'PASS\n'));
      expect(second.message).to.match(new RegExp(`^cannot write ${join(w.dir, 'summary.txt')}: E`));
      const third = await rejection(w.subdir('hosts', 'web02'));
      expect(third.message).to.match(new RegExp(`^cannot write ${join(w.dir, 'hosts', 'web02')}: E`));
      expect(w.failure.reason).to.equal(first);
      expect(w.fail(new ResultsWriteError('later')), 'fail returns the first failure').to.equal(first);
      await w.finish('failed', { reason: first.message });
    });

    it('a session that is not `failed` does not end over a report write that failed', async () => {
      const w = await SessionWriter.create(root, META);
      mkdirSync(join(w.dir, 'report.json', 'x'), { recursive: true });
      const err = await rejection(w.writeReport({ status: 'OK' }));
      expect(await rejection(w.finish('complete'))).to.equal(err);
      expect(readMeta(w).state).to.equal('running');
    });

    it('fail() aborts `failure` with the given error, once', () => {
      return SessionWriter.create(root, META).then(async (w) => {
        const e = new ResultsWriteError('cannot write x: ENOSPC');
        expect(w.fail(e)).to.equal(e);
        expect(w.failure.aborted).to.equal(true);
        expect(w.failure.reason).to.equal(e);
        await w.finish('failed');
        expect(readMeta(w).state).to.equal('failed');
        expect(logLines(w).at(-1)).to.match(/ failed$/);
      });
    });
  });

  describe('pruneSessions', () => {
    const ids = ['2026-11-21--005', '2026-11-22--999', '2026-11-22--1000', '2026-11-22--1001'];
    beforeEach(() => {
      for (const id of ids) mkdirSync(join(root, id, 'hosts'), { recursive: true });
      mkdirSync(join(root, 'notes'));
      symlinkSync('2026-11-22--1001', join(root, 'latest'));
    });

    it('removes the oldest sessions (numerically within a day) so that `keep` remain, and returns them', async () => {
      expect(await pruneSessions(root, 2)).to.deep.equal(['2026-11-21--005', '2026-11-22--999']);
      expect(readdirSync(root).sort()).to.deep.equal(['2026-11-22--1000', '2026-11-22--1001', 'latest', 'notes']);
      expect(await pruneSessions(root, 2)).to.deep.equal([]);
    });

    it('keeps everything when there are fewer than `keep`, and removes every session with keep 0, never other folders', async () => {
      expect(await pruneSessions(root, 10)).to.deep.equal([]);
      expect(await pruneSessions(root, 4)).to.deep.equal([]);
      expect(await pruneSessions(root, 0)).to.deep.equal(ids);
      expect(readdirSync(root).sort()).to.deep.equal(['latest', 'notes']);
      expect(existsSync(join(root, 'notes'))).to.equal(true);
    });
  });
});
