import { expect } from 'chai';
import { join } from 'node:path';
import { cli, makeWorkspace, type Workspace } from '../results/workspace.js';

describe('smoker history (e2e)', () => {
  let ws: Workspace;
  let ids: string[];
  before(() => {
    ws = makeWorkspace();
    ws.smoker(['run']); //                       fast .  mid .  slow .
    ws.breakHosts('mid');
    ws.smoker(['run']); //                       fast .  mid E  slow .
    ws.smoker(['run', '-H', 'fast,mid']); //     fast .  mid E  slow -
    ws.breakHosts('fast', 'mid');
    ws.smoker(['run', '-p', 'sleepy']); //       flaky absent everywhere: not a column
    ws.smoker(['run']); //                       fast E  mid E  slow .
    ids = ws.sessionIds();
  });
  after(() => ws.remove());

  it('one row per host, one letter per session that ran the check, oldest left', () => {
    const r = ws.smoker(['history', 'flaky']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        `flaky · 4 sessions, ${ids[0]} … ${ids[4]} (oldest left)`,
        'fast  ...E',
        'mid   .EEE',
        'slow  ..-.',
        '. OK  W WARN  E ERROR  U UNKNOWN  - absent',
        '',
      ].join('\n'),
    );
  });

  it('-H and --last narrow hosts and sessions', () => {
    const r = ws.smoker(['history', 'flaky', '-H', 'quick,!fast', '--last', '2']);
    expect(r.stdout.split('\n').slice(1, 2)).to.deep.equal(['mid  EE']);
    expect(r.stdout).to.contain(`2 sessions, ${ids[2]} … ${ids[4]}`);
  });

  it('colours letters when asked (FORCE_COLOR)', () => {
    const r = ws.smoker(['history', 'flaky', '-H', 'mid'], { NO_COLOR: undefined, FORCE_COLOR: '1' } as NodeJS.ProcessEnv);
    expect(r.stdout).to.contain('\u001b[31mE\u001b[39m');
  });

  it('-o json: sessions and per-host statuses, null where absent', () => {
    const h = JSON.parse(ws.smoker(['history', 'flaky', '-o', 'json']).stdout);
    expect(h.check).to.equal('flaky');
    expect(h.sessions).to.deep.equal([ids[0], ids[1], ids[2], ids[4]]);
    expect(h.hosts).to.deep.equal([
      { host: 'fast', statuses: ['OK', 'OK', 'OK', 'ERROR'] },
      { host: 'mid', statuses: ['OK', 'ERROR', 'ERROR', 'ERROR'] },
      { host: 'slow', statuses: ['OK', 'OK', null, 'OK'] },
    ]);
  });

  it('an unknown check is a usage error with a suggestion; no sessions is a session error', () => {
    const r = ws.smoker(['history', 'flakey']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no session in results ran a check "flakey" (did you mean "flaky"?)');
    const none = cli(['history', 'flaky', '--results', join(ws.dir, 'none')]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain('no sessions in');
  });

  it('history exec: one timeline per command run, so exec uptime never mixes with exec df', () => {
    const w = makeWorkspace();
    try {
      w.smoker(['exec', '--', 'echo', 'up']);
      w.smoker(['exec', '-H', 'fast', '--', 'df -P /']);
      w.smoker(['exec', '-H', 'mid', '--', 'echo', 'up']);
      w.smoker(['exec', '-H', 'fast', '--', 'exit 3']);
      const [a, b, c, d] = w.sessionIds() as [string, string, string, string];
      const r = w.smoker(['history', 'exec']);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.equal(
        [
          `exec: echo up · 2 sessions, ${a} … ${c} (oldest left)`,
          'fast  .-',
          'mid   ..',
          'slow  .-',
          `exec: df -P / · 1 session, ${b} (oldest left)`,
          'fast  .',
          `exec: exit 3 · 1 session, ${d} (oldest left)`,
          'fast  E',
          '. OK  W WARN  E ERROR  U UNKNOWN  - absent',
          '',
        ].join('\n'),
      );
      const one = w.smoker(['history', 'exec', '-o', 'json', '--', 'echo', 'up']);
      expect(one.code, one.stderr).to.equal(0);
      const histories = JSON.parse(one.stdout) as { check: string; command: string; sessions: string[] }[];
      expect(histories.map((h) => [h.command, h.sessions])).to.deep.equal([['echo up', [a, c]]]);
      const typo = w.smoker(['history', 'exec', '--', 'echo', 'upp']);
      expect(typo.code).to.equal(2);
      expect(typo.stderr).to.contain('no session in results ran exec "echo upp" (did you mean "echo up"?)');
      expect(w.smoker(['history', 'flaky', '--', 'x']).code).to.equal(2);
    } finally {
      w.remove();
    }
  });

  it('--help shows examples', () => {
    expect(cli(['history', '--help']).stdout).to.contain('Examples:').and.contain('smoker history fsmount');
  });
});
