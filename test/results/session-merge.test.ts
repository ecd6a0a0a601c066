import { expect } from 'chai';
import { SessionError } from '../../src/errors.js';
import { buildHostResult, buildReport } from '../../src/results/aggregate.js';
import { planMerge } from '../../src/results/session-merge.js';
import type { LoadedSession } from '../../src/results/session-reader.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import type { CheckResult } from '../../src/results/types.js';
import type { Status } from '../../src/results/status.js';

function check(host: string, name: string, status: Status): CheckResult {
  return {
    check: name, host, status, messages: { info: [], warn: [], error: [] }, components: {}, metrics: {},
    exitCode: 0, signal: null, durationMs: 5, startedAt: '2026-11-22T10:00:00.000Z', truncated: false, attempts: 1,
  };
}

/** A session with the given hosts, each with checks named by status. */
function session(dir: string, hosts: Record<string, Status[]>, meta: Partial<SessionMeta> = {}, window: [string, string] = ['10:00:00', '10:00:10']): LoadedSession {
  const results = Object.entries(hosts).map(([h, ss]) => buildHostResult(h, ss.map((s, i) => check(h, `c${i}`, s)), 10));
  const report = buildReport(results, new Date(`2026-11-22T${window[0]}.000Z`), new Date(`2026-11-22T${window[1]}.000Z`));
  const full: SessionMeta = {
    id: dir, command: 'run', argv: [], versions: { smoker: '0', node: 'v20' }, pid: 1,
    startedAt: report.startedAt, endedAt: report.endedAt, state: 'complete', inventory: '/inv.yaml', ...meta,
  };
  return { dir, meta: full, report, incomplete: full.state !== 'complete' };
}

describe('results/session-merge: planMerge', () => {
  it('takes every host once, sorted naturally, and recomputes counts', () => {
    const plan = planMerge([
      session('s1', { web10: ['OK', 'ERROR'], web2: ['OK'] }, { shard: '1/2' }),
      session('s2', { db1: ['WARN'] }, { shard: '2/2' }, ['10:00:05', '10:00:30']),
    ]);
    expect(Object.keys(plan.report.hosts)).to.deep.equal(['db1', 'web2', 'web10']);
    expect(plan.report.counts.hosts).to.deep.include({ OK: 1, WARN: 1, ERROR: 1 });
    expect(plan.report.counts.checks).to.deep.include({ OK: 2, WARN: 1, ERROR: 1 });
    expect(plan.report.status).to.equal('ERROR');
    expect(plan.report.startedAt).to.equal('2026-11-22T10:00:00.000Z');
    expect(plan.report.durationMs).to.equal(30_000);
    expect(plan.origin.get('db1')).to.equal('s2');
    expect(plan.incomplete).to.equal(false);
    expect(plan.warnings).to.deep.equal([]);
    expect(plan.meta).to.deep.equal({ inventory: '/inv.yaml' });
  });

  it('refuses a host found in two sessions, naming both', () => {
    expect(() => planMerge([session('a', { web1: ['OK'] }), session('b', { web1: ['OK'], web2: ['OK'] })]))
      .to.throw(SessionError, 'host web1 is in both a and b');
  });

  it('marks the merge incomplete when a source is', () => {
    const plan = planMerge([session('a', { h1: ['OK'] }, { shard: '1/2' }), session('b', { h2: ['OK'] }, { shard: '2/2', state: 'interrupted' })]);
    expect(plan.incomplete).to.equal(true);
    expect(plan.warnings).to.deep.equal(['b is interrupted; the merged session is marked interrupted']);
  });

  it('warns about missing shards, mixed splits, unsharded sessions and mixed commands', () => {
    expect(planMerge([session('a', { h1: ['OK'] }, { shard: '1/3' })]).warnings).to.deep.equal(['shards 2/3, 3/3 not given: the merged session covers part of the hosts']);
    expect(planMerge([session('a', { h1: ['OK'] }, { shard: '1/2' }), session('b', { h2: ['OK'] }, { shard: '2/3' })]).warnings).to.deep.equal([
      'the sessions are shards of different splits (1/2, 2/3)',
    ]);
    expect(planMerge([session('a', { h1: ['OK'] }, { shard: '1/1' }), session('b', { h2: ['OK'] }, { command: 'exec' })]).warnings).to.deep.equal([
      'the sessions ran different commands (run, exec)',
      'only 1 of the 2 sessions ran with --shard',
    ]);
  });

  it('keeps the inventory only when every source agrees, and lists planned hosts when all have them', () => {
    const plan = planMerge([session('a', { h1: ['OK'] }, { hosts: ['h1'] }), session('b', { h2: ['OK'] }, { inventory: '/other.yaml', hosts: ['h2'] })]);
    expect(plan.meta).to.deep.equal({ hosts: ['h1', 'h2'] });
  });

  it('needs at least one session', () => {
    expect(() => planMerge([])).to.throw(SessionError, 'sessions merge: no sessions given');
  });

  it('names every host found twice in one message', () => {
    expect(() => planMerge([session('a', { web1: ['OK'], web2: ['OK'] }), session('b', { web1: ['OK'], web2: ['OK'] })])).to.throw(
      SessionError,
      'sessions merge: host web1 is in both a and b; host web2 is in both a and b. Merge shards of one run, each given once.',
    );
  });

  it('spans the sources from their reports, and from session.json or the report duration when a report has no end', () => {
    const early = session('a', { h1: ['OK'] }, { startedAt: '2026-11-22T09:00:00.000Z' }, ['10:00:00', '10:00:10']);
    const open = session('b', { h2: ['OK'] }, { endedAt: '2026-11-22T10:01:00.000Z' }, ['10:00:20', '10:00:30']);
    delete open.report.endedAt;
    const plan = planMerge([early, open]);
    expect(plan.report.startedAt, 'the report start, not session.json').to.equal('2026-11-22T10:00:00.000Z');
    expect(plan.report.endedAt, "session.json's end").to.equal('2026-11-22T10:01:00.000Z');
    const killed = session('c', { h3: ['OK'] }, { state: 'running', endedAt: undefined }, ['10:00:20', '10:00:45']);
    delete killed.report.endedAt;
    expect(planMerge([early, killed]).report.endedAt, 'start plus duration').to.equal('2026-11-22T10:00:45.000Z');
  });

  it('keeps filters all sources share, and planned hosts only when every source recorded them', () => {
    const filters = { smoke: true };
    const both = planMerge([session('a', { h1: ['OK'] }, { filters, hosts: ['h1'] }), session('b', { h2: ['OK'] }, { filters, hosts: ['h2', 'h3'] })]);
    expect(both.meta).to.deep.equal({ inventory: '/inv.yaml', filters, hosts: ['h1', 'h2', 'h3'] });
    const one = planMerge([session('a', { h1: ['OK'] }, { filters, hosts: ['h1'] }), session('b', { h2: ['OK'] }, { filters: { smoke: false } })]);
    expect(one.meta).to.deep.equal({ inventory: '/inv.yaml' });
  });

  it('has nothing to warn about shards of unsharded sessions; names a killed source and a single missing shard', () => {
    expect(planMerge([session('a', { h1: ['OK'] }), session('b', { h2: ['OK'] })]).warnings).to.deep.equal([]);
    const killed = planMerge([session('a', { h1: ['OK'] }, { shard: '1/2', state: 'running' }), session('b', { h2: ['OK'] }, { shard: '2/2' })]);
    expect(killed.warnings).to.deep.equal(['a is incomplete (killed while running); the merged session is marked interrupted']);
    expect(planMerge([session('a', { h1: ['OK'] }, { shard: '2/2' })]).warnings).to.deep.equal(['shard 1/2 not given: the merged session covers part of the hosts']);
    const tens = Array.from({ length: 11 }, (_, i) => session(`s${i + 2}`, { [`h${i + 2}`]: ['OK'] }, { shard: `${i + 2}/12` }));
    expect(planMerge(tens).warnings).to.deep.equal(['shard 1/12 not given: the merged session covers part of the hosts']);
  });
});
