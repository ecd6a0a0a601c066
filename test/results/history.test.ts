import { expect } from 'chai';
import { buildHistory } from '../../src/results/history.js';
import { renderTimeline, statusLetter } from '../../src/report/history-text.js';
import { report } from './data.js';

const sessions = [
  { id: '2026-11-21--001', report: report({ web01: { uname: 'OK' }, web02: { uname: 'OK' } }) },
  { id: '2026-11-21--002', report: report({ web01: { other: 'OK' } }) },
  { id: '2026-11-22--001', report: report({ web01: { uname: 'WARN' }, web02: 'unreachable' }) },
  { id: '2026-11-22--002', report: report({ web01: { uname: 'ERROR' }, web02: { uname: 'UNKNOWN' }, db1: { uname: 'OK' } }) },
];

describe('results/history', () => {
  it('one row per host, one status per session that ran the check, null where absent', () => {
    const h = buildHistory(sessions, 'uname');
    expect(h.sessions).to.deep.equal(['2026-11-21--001', '2026-11-22--001', '2026-11-22--002']);
    expect(h.hosts).to.deep.equal([
      { host: 'web01', statuses: ['OK', 'WARN', 'ERROR'] },
      { host: 'web02', statuses: ['OK', null, 'UNKNOWN'] },
      { host: 'db1', statuses: [null, null, 'OK'] },
    ]);
  });

  it('--last keeps the newest N sessions that ran it; keepHost narrows the rows', () => {
    const h = buildHistory(sessions, 'uname', { last: 2, keepHost: (x) => x.startsWith('web') });
    expect(h.sessions).to.deep.equal(['2026-11-22--001', '2026-11-22--002']);
    expect(h.hosts.map((r) => r.host)).to.deep.equal(['web01', 'web02']);
  });

  it('a check no session ran has no sessions and no hosts', () => {
    expect(buildHistory(sessions, 'nope')).to.deep.equal({ check: 'nope', sessions: [], hosts: [] });
  });

  it('letters: . W E U and - for absent', () => {
    expect(['OK', 'WARN', 'ERROR', 'UNKNOWN', null].map((s) => statusLetter(s as never))).to.deep.equal(['.', 'W', 'E', 'U', '-']);
  });

  it('renders a compact timeline with a legend, painting statuses but not absences', () => {
    const text = renderTimeline(buildHistory(sessions, 'uname'), (s, t) => (s === 'OK' ? t : `[${t}]`));
    expect(text).to.equal(
      [
        'uname · 3 sessions, 2026-11-21--001 … 2026-11-22--002 (oldest left)',
        'web01  .[W][E]',
        'web02  .-[U]',
        'db1    --.',
        '. OK  [W] WARN  [E] ERROR  [U] UNKNOWN  - absent',
        '',
      ].join('\n'),
    );
  });
});
