// How results add up (SPEC §2: ERROR > UNKNOWN > WARN > OK) and the exit code a report earns (SPEC §3, §8).
import { expect } from 'chai';
import { buildHostResult, buildReport, zeroCounts } from '../../src/results/aggregate.js';
import { exitCodeFor } from '../../src/results/exit-code.js';
import { isStatus, isWorse, worst, type Status } from '../../src/results/status.js';
import type { TestCounts } from '../../src/results/test-types.js';
import type { RunReport } from '../../src/results/types.js';
import { check, report } from './data.js';

const noTests = (): TestCounts => ({ PASS: 0, FAIL: 0, FLAKY: 0, OK_TO_FAIL: 0, IGNORED: 0, NOT_RUN: 0, INTERRUPTED: 0 });
const withTests = (r: RunReport, counts: Partial<TestCounts>): RunReport => ({ ...r, counts: { ...r.counts, tests: { ...noTests(), ...counts } } });

describe('results: statuses, aggregation and exit codes', () => {
  it('orders statuses ERROR > UNKNOWN > WARN > OK, whatever order they come in', () => {
    expect(worst([])).to.equal('OK');
    expect(worst(['OK', 'OK'])).to.equal('OK');
    expect(worst(['WARN', 'OK'])).to.equal('WARN');
    expect(worst(['OK', 'UNKNOWN', 'WARN'])).to.equal('UNKNOWN');
    expect(worst(['ERROR', 'UNKNOWN', 'WARN'])).to.equal('ERROR');
    expect(worst(new Set<Status>(['WARN', 'ERROR', 'OK']))).to.equal('ERROR');
    const order: Status[] = ['OK', 'WARN', 'UNKNOWN', 'ERROR'];
    for (const [i, a] of order.entries()) {
      for (const [j, b] of order.entries()) expect(isWorse(a, b), `${a} vs ${b}`).to.equal(i > j);
    }
  });

  it('knows the four statuses and nothing else', () => {
    for (const s of ['OK', 'WARN', 'UNKNOWN', 'ERROR']) expect(isStatus(s), s).to.equal(true);
    for (const v of ['ok', 'WARNING', 'CRITICAL', '', 0, null, undefined]) expect(isStatus(v), String(v)).to.equal(false);
  });

  it('a host is as bad as its worst check; an unreachable host is ERROR with no checks', () => {
    const h = buildHostResult('web1', [check('web1', 'a', 'OK'), check('web1', 'b', 'WARN')], 42);
    expect(h).to.deep.include({ host: 'web1', status: 'WARN', durationMs: 42 });
    expect(Object.keys(h.checks)).to.deep.equal(['a', 'b']);
    expect(h).to.not.have.property('unreachable');
    expect(buildHostResult('web1', [], 1).status).to.equal('OK');
    const down = buildHostResult('web2', [], 5, 'connection refused');
    expect(down).to.deep.equal({ host: 'web2', status: 'ERROR', unreachable: 'connection refused', checks: {}, durationMs: 5 });
    expect(buildHostResult('web2', [check('web2', 'a', 'OK')], 5, '').status).to.equal('ERROR');
  });

  it('counts hosts and checks per status and unreachable hosts, and takes the worst host', () => {
    const r = report({ a: { x: 'OK', y: 'WARN' }, b: { x: 'UNKNOWN' }, c: 'timed out' });
    expect(r.status).to.equal('ERROR');
    expect(Object.keys(r.hosts)).to.deep.equal(['a', 'b', 'c']);
    expect(r.counts).to.deep.equal({
      hosts: { OK: 0, WARN: 1, UNKNOWN: 1, ERROR: 1 },
      checks: { OK: 1, WARN: 1, UNKNOWN: 1, ERROR: 0 },
      unreachable: 1,
    });
    expect(r.startedAt).to.equal('2026-11-22T10:00:00.000Z');
    expect(r.endedAt).to.equal('2026-11-22T10:00:01.500Z');
    expect(r.durationMs).to.equal(1500);
    expect(zeroCounts()).to.deep.equal({ OK: 0, WARN: 0, UNKNOWN: 0, ERROR: 0 });
  });

  it('a report still running has no end and measures up to now', () => {
    const started = new Date(Date.now() - 60_000);
    const r = buildReport([], started);
    expect(r).to.not.have.property('endedAt');
    expect(r.status).to.equal('OK');
    expect(r.durationMs).to.be.within(60_000, 120_000);
  });

  it('exit 3 for an unreachable host or an incomplete session, before anything else', () => {
    expect(exitCodeFor(report({ a: { x: 'OK' }, b: 'refused' }))).to.equal(3);
    expect(exitCodeFor(report({ a: { x: 'ERROR' }, b: 'refused' }))).to.equal(3);
    expect(exitCodeFor({ ...report({ a: { x: 'OK' } }), incomplete: 'killed' })).to.equal(3);
    expect(exitCodeFor({ ...report({ a: { x: 'OK' } }), incomplete: '' })).to.equal(3);
  });

  it('exit 1 for an ERROR or UNKNOWN check; WARN only fails with failOn warn', () => {
    expect(exitCodeFor(report({ a: { x: 'OK' } }))).to.equal(0);
    expect(exitCodeFor(report({ a: { x: 'ERROR' } }))).to.equal(1);
    expect(exitCodeFor(report({ a: { x: 'UNKNOWN' } }))).to.equal(1);
    expect(exitCodeFor(report({ a: { x: 'WARN' } }))).to.equal(0);
    expect(exitCodeFor(report({ a: { x: 'WARN' } }), 'warn')).to.equal(1);
    expect(exitCodeFor(report({ a: { x: 'WARN' } }), 'flaky')).to.equal(0);
    expect(exitCodeFor(report({ a: { x: 'OK' } }), 'warn')).to.equal(0);
    expect(exitCodeFor(report({}))).to.equal(0);
  });

  it('tests: FAIL, INTERRUPTED and NOT_RUN fail; FLAKY only with failOn flaky', () => {
    const r = report({ a: { x: 'OK' } });
    expect(exitCodeFor(withTests(r, { PASS: 3, OK_TO_FAIL: 1, IGNORED: 1 }))).to.equal(0);
    for (const bad of ['FAIL', 'INTERRUPTED', 'NOT_RUN'] as const) expect(exitCodeFor(withTests(r, { [bad]: 1 })), bad).to.equal(1);
    expect(exitCodeFor(withTests(r, { FLAKY: 1 }))).to.equal(0);
    expect(exitCodeFor(withTests(r, { FLAKY: 1 }), 'warn')).to.equal(0);
    expect(exitCodeFor(withTests(r, { FLAKY: 1 }), 'flaky')).to.equal(1);
    expect(exitCodeFor(withTests(r, { PASS: 1 }), 'flaky')).to.equal(0);
  });
});
