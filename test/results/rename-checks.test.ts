// `status` of every service shares one session: each service's checks are renamed apart, nothing else changes.
import { expect } from 'chai';
import { renameChecks } from '../../src/results/rename-checks.js';
import { emptyMessages } from '../../src/results/types.js';
import { report } from './data.js';

describe('results/rename-checks', () => {
  it('renames every check (key and name), keeping hosts, statuses, unreachable hosts and counts', () => {
    const before = report({ web01: { status: 'OK', logs: 'WARN' }, web02: { status: 'ERROR' }, db1: 'refused' });
    const after = renameChecks(before, (c) => `${c} kafka`);
    expect(Object.keys(after.hosts)).to.deep.equal(['web01', 'web02', 'db1']);
    expect(Object.keys(after.hosts.web01?.checks ?? {})).to.deep.equal(['status kafka', 'logs kafka']);
    expect(after.hosts.web01?.checks['logs kafka']).to.deep.equal({ ...before.hosts.web01?.checks.logs, check: 'logs kafka' });
    expect(after.hosts.web02?.checks['status kafka']?.status).to.equal('ERROR');
    expect(after.hosts.db1).to.deep.equal(before.hosts.db1);
    expect(after.hosts.web01?.status).to.equal('WARN');
    expect(after.counts).to.deep.equal(before.counts);
    expect(after.status).to.equal(before.status);
    expect(before.hosts.web01?.checks.status?.check, 'the report given is not changed').to.equal('status');
  });
});

describe('results/types: emptyMessages', () => {
  it('has no message of any level, and is a new object each time (callers push into it)', () => {
    const m = emptyMessages();
    expect(m).to.deep.equal({ info: [], warn: [], error: [] });
    m.warn.push('x');
    expect(emptyMessages()).to.deep.equal({ info: [], warn: [], error: [] });
  });
});
