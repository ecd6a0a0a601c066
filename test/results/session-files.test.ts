// The session folder's own files: ids claimed with mkdir (SPEC §4), the `latest` symlink, write errors naming the file,
// and how an unfinished session is judged.
import { expect } from 'chai';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsWriteError, SessionError } from '../../src/errors.js';
import { checkLatestIsLink, pointLatest } from '../../src/results/latest-link.js';
import { asResultsWriteError, resultsWriteError, writeResultFile } from '../../src/results/results-write-error.js';
import { claimSessionDir, datePart, isSessionId } from '../../src/results/session-id.js';
import type { LoadedSession } from '../../src/results/session-reader.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import { judgeSession } from '../../src/results/unfinished.js';
import { report } from './data.js';

describe('results: session folder files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'smoker-sfiles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('session ids', () => {
    it('dates ids in local time, zero-padded', () => {
      expect(datePart(new Date(2026, 0, 5, 23, 59))).to.equal('2026-01-05');
      expect(datePart(new Date(2026, 11, 31, 0, 0))).to.equal('2026-12-31');
    });

    it('recognises YYYY-MM-DD--NNN (three or more digits) only', () => {
      for (const id of ['2026-11-22--001', '2026-11-22--1000']) expect(isSessionId(id), id).to.equal(true);
      for (const id of ['2026-11-22--01', '2026-11-22-001', 'x2026-11-22--001', '2026-11-22--001x', 'latest', '26-11-22--001']) {
        expect(isSessionId(id), id).to.equal(false);
      }
    });

    it('counts up within the day from the highest id there, ignoring other days and names', async () => {
      const now = new Date(2026, 10, 22, 12);
      expect(await claimSessionDir(join(root, 'new'), now)).to.deep.equal({ id: '2026-11-22--001', dir: join(root, 'new', '2026-11-22--001') });
      for (const name of ['2026-11-22--002', '2026-11-22--009', '2026-11-21--050', 'latest', 'notes']) mkdirSync(join(root, name));
      const claimed = await claimSessionDir(root, now);
      expect(claimed).to.deep.equal({ id: '2026-11-22--010', dir: join(root, '2026-11-22--010') });
      expect(lstatSync(claimed.dir).isDirectory()).to.equal(true);
      expect((await claimSessionDir(root, new Date(2026, 10, 21, 12))).id).to.equal('2026-11-21--051');
      mkdirSync(join(root, '2026-11-22--999'));
      expect((await claimSessionDir(root, now)).id).to.equal('2026-11-22--1000');
    });

    it('gives 20 concurrent claims 20 different ids', async () => {
      const now = new Date(2026, 10, 22, 12);
      const ids = (await Promise.all(Array.from({ length: 20 }, () => claimSessionDir(root, now)))).map((c) => c.id);
      expect(new Set(ids).size).to.equal(20);
      expect(readdirSync(root).sort()).to.deep.equal([...ids].sort());
      expect([...ids].sort(), 'counting up from 001 without gaps').to.deep.equal(Array.from({ length: 20 }, (_, i) => `2026-11-22--${String(i + 1).padStart(3, '0')}`));
    });

    it('fails on a root that cannot hold folders, rather than looping', async () => {
      writeFileSync(join(root, 'file'), '');
      const err = await claimSessionDir(join(root, 'file'), new Date()).then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(err?.code).to.be.oneOf(['ENOTDIR', 'EEXIST']);
      // A folder that can be listed but takes no new folder (Linux's /proc): the mkdir error, not the next id.
      const proc = await claimSessionDir('/proc', new Date()).then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(proc?.code).to.equal('ENOENT');
    });
  });

  describe('the latest link', () => {
    it('points latest at a session id, replacing the previous link, and leaves no temp link behind', async () => {
      await checkLatestIsLink(root);
      await pointLatest(root, '2026-11-22--001');
      expect(readlinkSync(join(root, 'latest'))).to.equal('2026-11-22--001');
      await checkLatestIsLink(root);
      await pointLatest(root, '2026-11-22--002');
      expect(readlinkSync(join(root, 'latest'))).to.equal('2026-11-22--002');
      expect(readdirSync(root)).to.deep.equal(['latest']);
    });

    it('refuses a latest that is a directory or a file, naming it, and cleans up a failed move', async () => {
      mkdirSync(join(root, 'latest'));
      writeFileSync(join(root, 'latest', 'x'), '');
      const dir = await checkLatestIsLink(root).then(() => undefined, (e: Error) => e);
      expect(dir).to.be.instanceOf(SessionError);
      expect(dir?.message).to.equal(`${join(root, 'latest')} is a directory, not the symlink smoker keeps there: move it away (or use --results DIR); nothing was run`);
      const moved = await pointLatest(root, 'x').then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(moved?.code).to.be.oneOf(['EISDIR', 'ENOTEMPTY', 'EEXIST']);
      expect(readdirSync(root)).to.deep.equal(['latest']);
      rmSync(join(root, 'latest'), { recursive: true });
      writeFileSync(join(root, 'latest'), '');
      expect((await checkLatestIsLink(root).then(() => undefined, (e: Error) => e))?.message).to.match(/latest is a file, not the symlink/);
    });

    it('accepts a dangling link, and reports a root it cannot look into', async () => {
      symlinkSync('gone', join(root, 'latest'));
      await checkLatestIsLink(root);
      writeFileSync(join(root, 'file'), '');
      const err = await checkLatestIsLink(join(root, 'file')).then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(err?.code).to.equal('ENOTDIR');
    });
  });

  describe('write errors', () => {
    it('writes a result file, and names the file when it cannot', async () => {
      await writeResultFile(join(root, 'r.json'), '{}');
      const err = await writeResultFile(join(root, 'no', 'r.json'), '{}').then(() => undefined, (e: Error) => e);
      expect(err).to.be.instanceOf(ResultsWriteError);
      expect(err?.message).to.match(new RegExp(`^cannot write ${join(root, 'no', 'r.json')}: ENOENT`));
      expect((err as Error & { cause?: NodeJS.ErrnoException }).cause?.code).to.equal('ENOENT');
    });

    it('tells a file-system error under the session folder from any other error', () => {
      const under = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC', path: `${root}/hosts/a/result.json` });
      const wrapped = asResultsWriteError(under, root);
      expect(wrapped).to.be.instanceOf(ResultsWriteError);
      expect(wrapped?.message).to.equal(`cannot write ${root}/hosts/a/result.json: ENOSPC: no space left`);
      expect(wrapped?.cause, 'the original error stays reachable').to.equal(under);
      expect(asResultsWriteError(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/elsewhere/f' }), root)).to.equal(undefined);
      expect(asResultsWriteError(Object.assign(new Error('x'), { path: `${root}/f` }), root)).to.equal(undefined);
      expect(asResultsWriteError(Object.assign(new Error('x'), { code: 'EIO' }), root)).to.equal(undefined);
      expect(asResultsWriteError(new Error('x'), root)).to.equal(undefined);
      expect(asResultsWriteError(undefined, root)).to.equal(undefined);
      const own = new ResultsWriteError('mine');
      expect(asResultsWriteError(own, root)).to.equal(own);
      expect(resultsWriteError('/p', own)).to.equal(own);
      expect(resultsWriteError('/p', 'plain text').message).to.equal('cannot write /p: plain text');
      expect(resultsWriteError('/p', undefined).message).to.equal('cannot write /p: undefined');
      expect(resultsWriteError('/p', null).message).to.equal('cannot write /p: null');
    });
  });

  describe('judging an unfinished session', () => {
    const meta = (fields: Partial<SessionMeta>): SessionMeta => ({
      id: '2026-11-22--001', command: 'run', argv: [], versions: { smoker: '0', node: 'v20' }, pid: 4_194_305, startedAt: '2026-11-22T10:00:00.000Z', state: 'complete', ...fields,
    });
    const session = (m: SessionMeta, incomplete: boolean, spec: Parameters<typeof report>[0] = { a: { x: 'OK' } }): LoadedSession => ({ dir: '/r', meta: m, report: report(spec), incomplete });

    it('a complete session is judged by its report as it is', () => {
      const s = session(meta({ hosts: ['a', 'b'] }), false);
      expect(judgeSession(s)).to.equal(s.report);
    });

    it('a killed run: every planned host without a result is UNKNOWN, and the session is incomplete', () => {
      const j = judgeSession(session(meta({ state: 'running', hosts: ['a', 'b', 'c'] }), true));
      expect(j.incomplete).to.equal(`session incomplete: 1 of 3 hosts finished (smoker (pid 4194305) was killed before it ended)`);
      expect(j.hosts['b']).to.deep.equal({ host: 'b', status: 'UNKNOWN', unfinished: 'did not finish: smoker was killed', checks: {}, durationMs: 0 });
      expect(Object.keys(j.hosts)).to.deep.equal(['a', 'b', 'c']);
      expect(j.status).to.equal('UNKNOWN');
      expect(j.counts.hosts).to.deep.equal({ OK: 1, WARN: 0, UNKNOWN: 2, ERROR: 0 });
      expect(j.endedAt).to.equal('2026-11-22T10:00:01.500Z');
    });

    it('says why each host did not finish: interrupted, failed with its reason, or still running', () => {
      const why = (m: Partial<SessionMeta>, incomplete: boolean) => judgeSession(session(meta({ hosts: ['a', 'z'], ...m }), incomplete)).hosts['z']?.unfinished;
      expect(why({ state: 'interrupted' }, true)).to.equal('did not finish: interrupted');
      expect(why({ state: 'failed', reason: 'disk full' }, true)).to.equal('did not finish: the session failed: disk full');
      expect(why({ state: 'failed' }, true)).to.equal('did not finish: the session failed: no reason recorded');
      expect(why({ state: 'running', pid: process.pid }, false)).to.equal('not finished yet');
    });

    it('keeps the test counts, and takes the end from session.json when the report has none', () => {
      const s = session(meta({ state: 'interrupted', endedAt: '2026-11-22T10:00:05.000Z' }), true);
      const tests = { PASS: 1, FAIL: 0, FLAKY: 0, OK_TO_FAIL: 0, IGNORED: 0, NOT_RUN: 2, INTERRUPTED: 0 };
      const { endedAt: _dropped, ...open } = s.report;
      const j = judgeSession({ ...s, report: { ...open, counts: { ...open.counts, tests } } });
      expect(j.counts.tests).to.deep.equal(tests);
      expect(j.endedAt).to.equal('2026-11-22T10:00:05.000Z');
      expect(j.durationMs).to.equal(5000);
      expect(Object.keys(j.hosts)).to.deep.equal(['a']);
      const noTests = judgeSession(s);
      expect(noTests.counts).to.not.have.property('tests');
    });
  });
});
