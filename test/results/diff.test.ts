import { expect } from 'chai';
import { diffReports, hasRegressions, listChanges } from '../../src/results/diff.js';
import { renderDiffText } from '../../src/report/diff-text.js';
import { report } from './data.js';

describe('results/diff', () => {
  const a = report({ web01: { uname: 'OK', disk: 'WARN', fsmount: 'OK' }, web02: { uname: 'OK' }, db1: { uname: 'OK' } });
  const b = report({ web01: { uname: 'ERROR', disk: 'OK', fsmount: 'OK', tcp: 'OK' }, web02: { uname: 'UNKNOWN' }, web03: { uname: 'OK' } });

  it('lists regressions, improvements, appeared and disappeared per host/check', () => {
    const d = diffReports(a, b);
    expect(d.regressions.map((c) => [c.host, c.check, c.from, c.to])).to.deep.equal([
      ['web01', 'uname', 'OK', 'ERROR'],
      ['web02', 'uname', 'OK', 'UNKNOWN'],
    ]);
    expect(d.improvements.map((c) => [c.host, c.check, c.from, c.to])).to.deep.equal([['web01', 'disk', 'WARN', 'OK']]);
    expect(d.appeared.map((c) => [c.host, c.check, c.from, c.to])).to.deep.equal([['web01', 'tcp', null, 'OK'], ['web03', 'uname', null, 'OK']]);
    expect(d.disappeared.map((c) => [c.host, c.check, c.from, c.to])).to.deep.equal([['db1', 'uname', 'OK', null]]);
    expect(d.unchanged).to.equal(1);
    expect(hasRegressions(d)).to.equal(true);
    expect(listChanges(d).map((c) => c.kind)).to.deep.equal(['regressed', 'regressed', 'improved', 'appeared', 'appeared', 'disappeared']);
  });

  it('a check that first appears failing is a new failure (a regression); appearing OK or WARN is not', () => {
    const d = diffReports(report({ h: { a: 'OK' } }), report({ h: { a: 'OK', b: 'ERROR', c: 'UNKNOWN', d: 'WARN' } }));
    expect(d.regressions.map((c) => [c.check, c.from, c.to])).to.deep.equal([
      ['b', null, 'ERROR'],
      ['c', null, 'UNKNOWN'],
    ]);
    expect(d.appeared.map((c) => c.check)).to.deep.equal(['d']);
    expect(hasRegressions(d)).to.equal(true);
  });

  it('orders statuses ERROR > UNKNOWN > WARN > OK', () => {
    const d = diffReports(report({ h: { a: 'UNKNOWN', b: 'ERROR', c: 'WARN' } }), report({ h: { a: 'ERROR', b: 'UNKNOWN', c: 'UNKNOWN' } }));
    expect(d.regressions.map((c) => c.check)).to.deep.equal(['a', 'c']);
    expect(d.improvements.map((c) => c.check)).to.deep.equal(['b']);
  });

  it('a host becoming unreachable is a connect regression, and its checks are not listed as gone', () => {
    const d = diffReports(report({ web01: { uname: 'OK', disk: 'OK' } }), report({ web01: 'connect ECONNREFUSED' }));
    expect(d.regressions).to.deep.equal([{ kind: 'regressed', host: 'web01', check: 'connect', from: 'OK', to: 'ERROR', note: 'connect ECONNREFUSED' }]);
    expect(d.disappeared).to.deep.equal([]);
    const back = diffReports(report({ web01: 'timeout' }), report({ web01: { uname: 'OK' } }));
    expect(back.improvements.map((c) => [c.check, c.from, c.to])).to.deep.equal([['connect', 'ERROR', 'OK']]);
    expect(back.appeared).to.deep.equal([]);
    expect(hasRegressions(back)).to.equal(false);
  });

  it('identical reports have nothing to say', () => {
    const d = diffReports(a, a);
    expect(listChanges(d)).to.deep.equal([]);
    expect(d.unchanged).to.equal(5);
    expect(renderDiffText(d, { a: 'A', b: 'B' })).to.equal('A → B\nno status changed (5 unchanged)\n');
  });

  it('renders aligned groups, worse first, absent as -', () => {
    const text = renderDiffText(diffReports(a, b), { a: '2026-11-22--001', b: '2026-11-22--002' }, (s, t) => `<${t}>`);
    expect(text).to.equal(
      [
        '2026-11-22--001 → 2026-11-22--002',
        'regressed (got worse) (2):',
        '  web01  uname  <OK> → <ERROR>',
        '  web02  uname  <OK> → <UNKNOWN>',
        'improved (1):',
        '  web01  disk   <WARN> → <OK>',
        'appeared (2):',
        '  web01  tcp    - → <OK>',
        '  web03  uname  - → <OK>',
        'disappeared (1):',
        '  db1    uname  <OK> → -',
        '2 regressed, 1 improved, 2 appeared, 1 disappeared, 1 unchanged',
        '',
      ].join('\n'),
    );
  });
});
