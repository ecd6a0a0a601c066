import { expect } from 'chai';
import { buildHistories, buildHistory, execCommands } from '../../src/results/history.js';
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

  it('exec: one history per command, from params.command or (older sessions) what the session ran; --last per command', () => {
    const ran = (command: string | undefined, status: 'OK' | 'ERROR') => {
      const r = report({ web01: { exec: status } });
      const c = r.hosts.web01?.checks.exec;
      if (c && command !== undefined) c.params = { command };
      return r;
    };
    const execs = [
      { id: 's1', report: ran('uptime', 'OK') },
      { id: 's2', report: ran(undefined, 'ERROR'), execCommand: 'df -h' },
      { id: 's3', report: ran('uptime', 'ERROR') },
      { id: 's4', report: ran('uptime', 'OK') },
    ];
    const hs = buildHistories(execs, 'exec', { last: 2 });
    expect(hs.map((h) => [h.command, h.sessions, h.hosts[0]?.statuses])).to.deep.equal([
      ['uptime', ['s3', 's4'], ['ERROR', 'OK']],
      ['df -h', ['s2'], ['ERROR']],
    ]);
    expect(buildHistories(execs, 'exec', { command: 'df -h' }).map((h) => h.sessions)).to.deep.equal([['s2']]);
    expect(buildHistories(sessions, 'uname')).to.have.length(1);
  });

  it('a host gets a row only where it ran the check, not for other checks in the same sessions', () => {
    const h = buildHistory([...sessions, { id: '2026-11-22--003', report: report({ web01: { uname: 'OK' }, cache1: { other: 'OK' } }) }], 'uname');
    expect(h.hosts.map((r) => r.host)).to.deep.equal(['web01', 'web02', 'db1']);
  });

  it('a check other than exec has one history, with no command', () => {
    expect(buildHistories(sessions, 'uname')).to.deep.equal([buildHistory(sessions, 'uname')]);
  });

  it('exec: sessions without exec add no history; the commands are listed once each, in the order first run', () => {
    const ran = (command: string | undefined) => {
      const r = report({ web01: { exec: 'OK' } });
      const c = r.hosts.web01?.checks.exec;
      if (c && command !== undefined) c.params = { command };
      return r;
    };
    const execs = [
      { id: 's0', report: report({ web01: { uname: 'OK' } }) },
      { id: 's1', report: ran('uptime') },
      { id: 's2', report: ran(undefined) },
      { id: 's3', report: ran(undefined), execCommand: 'df -h' },
      { id: 's4', report: ran('uptime') },
    ];
    expect(buildHistories(execs, 'exec').map((h) => [h.command, h.sessions])).to.deep.equal([
      ['uptime', ['s1', 's4']],
      ['(command not recorded)', ['s2']],
      ['df -h', ['s3']],
    ]);
    expect(execCommands(execs)).to.deep.equal(['uptime', '(command not recorded)', 'df -h']);
    expect(execCommands(sessions)).to.deep.equal([]);
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
