import { expect } from 'chai';
import { rerunSelection } from '../../src/results/rerun.js';
import { report } from './data.js';

describe('results/rerun', () => {
  const r = report({ web01: { a: 'ERROR', b: 'WARN', c: 'OK' }, web02: { a: 'OK', b: 'UNKNOWN' }, db1: 'no route to host' });

  it('--error: the ERROR checks on the hosts where they failed, everything on unreachable hosts', () => {
    expect([...rerunSelection(r, 'error')].map(([h, s]) => [h, s === 'all' ? s : [...s]])).to.deep.equal([['web01', ['a']], ['db1', 'all']]);
  });

  it('a host a killed run never finished runs everything again', () => {
    const killed = { ...r, hosts: { ...r.hosts, web03: { host: 'web03', status: 'UNKNOWN' as const, unfinished: 'did not finish: smoker was killed', checks: {}, durationMs: 0 } } };
    expect(rerunSelection(killed, 'error').get('web03')).to.equal('all');
    expect(rerunSelection(killed, 'nook').get('web03')).to.equal('all');
  });

  it('--nook: every check that was not OK', () => {
    expect([...rerunSelection(r, 'nook')].map(([h, s]) => [h, s === 'all' ? s : [...s]])).to.deep.equal([['web01', ['a', 'b']], ['web02', ['b']], ['db1', 'all']]);
  });
});
