import { expect } from 'chai';
import { buildHostResult, buildReport } from '../../src/results/aggregate.js';
import { filterReport } from '../../src/results/report-filter.js';
import { check, report } from './data.js';

const web01 = buildHostResult('web01', [
  check('web01', 'fsmount', 'ERROR', { type: 'smokeTest', category: 'system' }),
  check('web01', 'uname', 'OK', { type: 'healthCheck', category: 'system' }),
  check('web01', 'varnish', 'WARN', { type: 'smokeTest', category: 'infrastructure', component: 'varnish' }),
], 80);
const web02 = buildHostResult('web02', [check('web02', 'uname', 'OK', { type: 'healthCheck', category: 'system' })], 40);
const db1 = buildHostResult('db1', [], 5, 'connect ECONNREFUSED');
const full = buildReport([web01, web02, db1], new Date('2026-11-22T10:00:00Z'), new Date('2026-11-22T10:00:02Z'));

describe('results/report-filter', () => {
  it('without a selection keeps everything, counts included', () => {
    expect(filterReport(full, {})).to.deep.equal(full);
  });

  it('keeps the selected hosts and recomputes statuses and counts, keeping the timing', () => {
    const r = filterReport(full, { hosts: new Set(['web02']) });
    expect(Object.keys(r.hosts)).to.deep.equal(['web02']);
    expect(r.status).to.equal('OK');
    expect(r.counts).to.deep.equal({ hosts: { OK: 1, WARN: 0, UNKNOWN: 0, ERROR: 0 }, checks: { OK: 1, WARN: 0, UNKNOWN: 0, ERROR: 0 }, unreachable: 0 });
    expect([r.startedAt, r.endedAt, r.durationMs]).to.deep.equal([full.startedAt, full.endedAt, 2000]);
  });

  it('applies run filters to result fields: --smoke, --category, --component, -p, --exclude-check', () => {
    const names = (f: Parameters<typeof filterReport>[1]) => Object.values(filterReport(full, f).hosts).flatMap((h) => Object.keys(h.checks).map((c) => `${h.host}/${c}`));
    expect(names({ filters: { smoke: true } })).to.deep.equal(['web01/fsmount', 'web01/varnish']);
    expect(names({ filters: { health: true, categories: ['system'] } })).to.deep.equal(['web01/uname', 'web02/uname']);
    expect(names({ filters: { components: ['varnish'] } })).to.deep.equal(['web01/varnish']);
    expect(names({ filters: { names: ['u*'] } })).to.deep.equal(['web01/uname', 'web02/uname']);
    expect(names({ filters: { exclude: ['uname', 'fs*'] } })).to.deep.equal(['web01/varnish']);
  });

  it('a host left with no check is dropped; its status follows what is left', () => {
    const r = filterReport(full, { filters: { names: ['varnish'] } });
    expect(Object.keys(r.hosts)).to.deep.equal(['web01', 'db1']);
    expect(r.hosts.web01?.status).to.equal('WARN');
  });

  it('an unreachable host stays while selected (it still makes the exit code 3)', () => {
    const r = filterReport(full, { status: (s) => s === 'ERROR' });
    expect(Object.keys(r.hosts)).to.deep.equal(['web01', 'db1']);
    expect(r.counts.unreachable).to.equal(1);
    expect(r.counts.checks.ERROR).to.equal(1);
    expect(filterReport(full, { hosts: new Set(['web01']) }).counts.unreachable).to.equal(0);
  });

  it('a host a killed run never finished stays while selected, with the UNKNOWN it was given', () => {
    const unfinished = { host: 'web03', status: 'UNKNOWN' as const, unfinished: 'did not finish: smoker was killed', checks: {}, durationMs: 0 };
    const r = filterReport(buildReport([web02, unfinished], new Date('2026-11-22T10:00:00Z')), { status: (s) => s === 'ERROR' });
    expect(Object.keys(r.hosts)).to.deep.equal(['web03']);
    expect(r.hosts.web03?.status).to.equal('UNKNOWN');
    expect(r.status).to.equal('UNKNOWN');
  });

  it('an empty report stays empty and OK', () => {
    const r = filterReport(report({}), { filters: { smoke: true } });
    expect(r.status).to.equal('OK');
    expect(r.hosts).to.deep.equal({});
  });
});
