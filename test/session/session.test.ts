// Session: every operation merged into one report.json; close writes the CLI's files; tests count in the exit code.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '../../src/results/exit-code.js';
import type { TestResult } from '../../src/results/test-types.js';
import type { RunReport } from '../../src/results/types.js';
import { Session } from '../../src/session/session.js';
import { report } from '../results/data.js';

/** A test result with the given status. */
export function testResult(id: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  return { id, name: id.split('@')[0] as string, file: 'tests/demo.yaml', params: {}, status, hosts: {}, startedAt: '2026-11-22T10:00:00.000Z', durationMs: 1200, steps: [], attempts: 1, dir: `tests/${id}`, ...extra };
}

describe('session/Session', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'smoker-session-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const readReport = (s: Session): RunReport => JSON.parse(readFileSync(join(s.dir as string, 'report.json'), 'utf8')) as RunReport;

  it('merges every operation into report.json as they arrive; the same host+check again becomes name#2', async () => {
    const s = await Session.open({ root, command: 'script', argv: [] });
    const start = s.operation('start demo');
    await start.writeReport(report({ h1: { 'start demo': 'ERROR' } }));
    const exec = s.operation('exec');
    await exec.writeReport(report({ h1: { exec: 'OK' }, h2: { exec: 'OK' } }));
    expect(Object.keys(readReport(s).hosts.h1!.checks)).to.deep.equal(['start demo', 'exec']);
    // A second exec on the same hosts keeps the first.
    const again = s.operation('exec');
    expect(await again.checkDir('h1', 'exec')).to.equal(join(s.dir as string, 'hosts', 'h1', 'exec#2'));
    await again.writeReport(report({ h1: { exec: 'WARN' } }));
    // Rewriting an operation's partial report replaces only that operation's part.
    await start.writeReport(report({ h1: { 'start demo': 'ERROR' }, h2: { 'start demo': 'OK' } }));
    const r = readReport(s);
    expect(Object.fromEntries(Object.entries(r.hosts.h1!.checks).map(([k, c]) => [k, c.status]))).to.deep.equal({ 'start demo': 'ERROR', exec: 'OK', 'exec#2': 'WARN' });
    expect(r.status).to.equal('ERROR');
    expect(r.counts.checks).to.deep.equal({ OK: 3, WARN: 1, UNKNOWN: 0, ERROR: 1 });
    await s.close();
  });

  it('records assertions on the controller, and close writes summary, junit, html and a complete session.json', async () => {
    const s = await Session.open({ root, command: 'script', argv: ['x'] });
    expect(await s.addAssertion({ name: 'all consumed', passed: false, message: 'expected 100, got 99' })).to.equal(false);
    await s.addAssertion({ name: 'all consumed', passed: true });
    const r = await s.close();
    expect(r.hosts.controller!.checks['all consumed']!.status).to.equal('ERROR');
    expect(r.hosts.controller!.checks['all consumed#2']!.status).to.equal('OK');
    expect(exitCodeFor(r)).to.equal(1);
    for (const f of ['report.json', 'summary.txt', 'junit.xml', 'report.html', 'session.json', 'session.log']) expect(existsSync(join(s.dir as string, f)), f).to.equal(true);
    expect(readFileSync(join(s.dir as string, 'summary.txt'), 'utf8')).to.match(/^FAIL/).and.contain('expected 100, got 99');
    const meta = JSON.parse(readFileSync(join(s.dir as string, 'session.json'), 'utf8'));
    expect(meta.state).to.equal('complete');
    expect(meta.counts.checks.ERROR).to.equal(1);
    expect(readFileSync(join(root, 'latest', 'session.json'), 'utf8')).to.contain(s.id as string);
    expect(await s.close(), 'idempotent').to.equal(r);
  });

  it('without a root writes nothing and still merges', async () => {
    const s = await Session.open({ command: 'script' });
    expect(s.dir).to.equal(undefined);
    const op = s.operation('exec');
    expect(await op.checkDir('h1', 'exec')).to.equal(undefined);
    await op.writeReport(report({ h1: { exec: 'OK' } }));
    await s.addReport(report({ h1: { exec: 'ERROR' } }));
    const r = await s.close();
    expect(Object.keys(r.hosts.h1!.checks)).to.deep.equal(['exec', 'exec#2']);
  });

  it('holds tests by id (replacing the same id), counts them, and a scoped sink writes under its folder without merging', async () => {
    const s = await Session.open({ root, command: 'test' });
    const sink = s.scoped('tests', 't1');
    expect(await sink.subdir('services', 'demo', 'h1')).to.equal(join(s.dir as string, 'tests', 't1', 'services', 'demo', 'h1'));
    await sink.writeReport(report({ h1: { exec: 'ERROR' } }));
    await s.addTest(testResult('t1', 'FAIL'));
    await s.addTest(testResult('t1', 'FLAKY'));
    await s.addTest(testResult('t2', 'OK_TO_FAIL'));
    const r = await s.close();
    expect(Object.keys(r.hosts)).to.deep.equal([]);
    expect(Object.keys(r.tests ?? {})).to.deep.equal(['t1', 't2']);
    expect(r.counts.tests).to.include({ FLAKY: 1, OK_TO_FAIL: 1, FAIL: 0 });
    expect(exitCodeFor(r)).to.equal(0);
    expect(exitCodeFor(r, 'flaky')).to.equal(1);
  });
});

describe('results/exitCodeFor with tests', () => {
  const withTests = (...tests: TestResult[]): RunReport => {
    const r = report({});
    const counts = { PASS: 0, FAIL: 0, FLAKY: 0, OK_TO_FAIL: 0, IGNORED: 0, NOT_RUN: 0, INTERRUPTED: 0 };
    for (const t of tests) counts[t.status]++;
    return { ...r, tests: Object.fromEntries(tests.map((t) => [t.id, t])), counts: { ...r.counts, tests: counts } };
  };
  it('FAIL, INTERRUPTED and NOT_RUN fail; PASS, FLAKY, OK_TO_FAIL and IGNORED do not', () => {
    expect(exitCodeFor(withTests(testResult('a', 'PASS'), testResult('b', 'FLAKY'), testResult('c', 'OK_TO_FAIL'), testResult('d', 'IGNORED')))).to.equal(0);
    for (const bad of ['FAIL', 'INTERRUPTED', 'NOT_RUN'] as const) expect(exitCodeFor(withTests(testResult('a', 'PASS'), testResult('b', bad))), bad).to.equal(1);
  });
});
