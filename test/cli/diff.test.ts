import { expect } from 'chai';
import { join } from 'node:path';
import { cli, makeWorkspace, type Workspace } from '../results/workspace.js';

describe('smoker diff (e2e)', () => {
  let ws: Workspace;
  let a: string;
  let b: string;
  let c: string;
  before(() => {
    ws = makeWorkspace();
    ws.breakHosts('mid');
    ws.smoker(['run', '-H', 'fast,mid']);
    ws.breakHosts('fast');
    ws.smoker(['run', '-H', 'fast,mid,slow', '--exclude-check', 'sleepy']);
    ws.smoker(['run', '-H', 'fast,mid,slow', '--exclude-check', 'sleepy']);
    [a, b, c] = ws.sessionIds() as [string, string, string];
  });
  after(() => ws.remove());

  it('lists regressions first, then improvements, appeared and disappeared; exit 1 on a regression', () => {
    const r = ws.smoker(['diff', a, b]);
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout).to.equal(
      [
        `${a} → ${b}`,
        'regressed (got worse) (1):',
        '  fast  flaky   OK → ERROR',
        'improved (1):',
        '  mid   flaky   ERROR → OK',
        'appeared (2):',
        '  slow  flaky   - → OK',
        '  slow  steady  - → OK',
        'disappeared (2):',
        '  fast  sleepy  OK → -',
        '  mid   sleepy  OK → -',
        '1 regressed, 1 improved, 2 appeared, 2 disappeared, 1 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('the other way round the regression is an improvement and vice versa', () => {
    const r = ws.smoker(['diff', b, a, '-o', 'json']);
    expect(r.code).to.equal(1);
    const d = JSON.parse(r.stdout);
    expect([d.a, d.b]).to.deep.equal([b, a]);
    expect(d.regressions).to.deep.equal([{ kind: 'regressed', host: 'mid', check: 'flaky', from: 'OK', to: 'ERROR' }]);
    expect(d.improvements).to.deep.equal([{ kind: 'improved', host: 'fast', check: 'flaky', from: 'ERROR', to: 'OK' }]);
  });

  it('nothing changed: exit 0; accepts folders and latest', () => {
    const r = cli(['diff', join(ws.dir, 'results', b), 'latest', '--results', join(ws.dir, 'results')]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(`${b} → ${c}\nno status changed (5 unchanged)\n`);
  });

  it('session references: previous is latest~1, latest~N counts back from latest', () => {
    const r = ws.smoker(['diff', 'previous', 'latest']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(`${b} → ${c}\nno status changed (5 unchanged)\n`);
    const back = ws.smoker(['diff', 'latest~2', 'latest~1', '-o', 'json']);
    expect(back.code, back.stderr).to.equal(1);
    expect((JSON.parse(back.stdout) as { a: string; b: string })).to.include({ a, b });
    expect(ws.smoker(['diff', 'latest~0', 'latest']).stdout).to.equal(`${c} → ${c}\nno status changed (5 unchanged)\n`);
  });

  it('a reference past the oldest session exits 2 and says how many there are', () => {
    const r = ws.smoker(['diff', 'latest~3', 'latest']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain(`no session "latest~3": latest (${c}) has 2 sessions before it in results`);
  });

  it('an improvement alone exits 0', () => {
    const w = makeWorkspace({ solo: 0 });
    try {
      w.breakHosts('solo');
      w.smoker(['run']);
      w.breakHosts();
      w.smoker(['run']);
      const [x, y] = w.sessionIds() as [string, string];
      const r = w.smoker(['diff', x, y]);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.contain('improved (1):');
    } finally {
      w.remove();
    }
  });

  it('a missing session exits 2', () => {
    const r = ws.smoker(['diff', a, '2020-01-01--001']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no session "2020-01-01--001"');
  });
});
