// Small config rules: durations as users write them, "did you mean" suggestions, settings precedence, `~` expansion.
import { expect } from 'chai';
import { userInfo } from 'node:os';
import { formatDuration, parseDuration } from '../../src/config/duration.js';
import { expandTilde, findHomeDirectory } from '../../src/config/home.js';
import { mergeHostSettings } from '../../src/config/precedence.js';
import { didYouMean, editDistance, optimalStringAlignment, suggest } from '../../src/config/suggest.js';

describe('config: small rules', () => {
  it('parses durations: ms, s, m, h, bare numbers as seconds, decimals, blanks around', () => {
    const cases: Array<[unknown, number | undefined]> = [
      ['500ms', 500],
      ['30s', 30_000],
      ['5m', 300_000],
      ['1h', 3_600_000],
      ['1.5s', 1500],
      ['0.25m', 15_000],
      [' 2 s ', 2000],
      ['10', 10_000],
      [10, 10_000],
      [0.0015, 2],
      [0, 0],
      ['0', 0],
    ];
    for (const [given, ms] of cases) expect(parseDuration(given), JSON.stringify(given)).to.equal(ms);
    for (const bad of ['', 's', '-1s', '1d', '1.s', '.5s', '5 m s', '1e3', -1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, ['1s']]) {
      expect(parseDuration(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('formats durations for people', () => {
    expect(formatDuration(0)).to.equal('0ms');
    expect(formatDuration(999.4)).to.equal('999ms');
    expect(formatDuration(1000)).to.equal('1.0s');
    expect(formatDuration(59_949)).to.equal('59.9s');
    expect(formatDuration(60_000)).to.equal('1m00s');
    expect(formatDuration(185_000)).to.equal('3m05s');
    expect(formatDuration(3_600_000)).to.equal('60m00s');
  });

  it('measures edit distance case-insensitively; a swap of neighbours is one slip in the typo distance', () => {
    expect(editDistance('', '')).to.equal(0);
    expect(editDistance('abc', '')).to.equal(3);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(editDistance('kitten', 'sitting')).to.equal(3);
    expect(editDistance('Web', 'wEB')).to.equal(0);
    expect(editDistance('web', 'wbe')).to.equal(2);
    expect(optimalStringAlignment('web', 'wbe')).to.equal(1);
    expect(optimalStringAlignment('ca', 'abc')).to.equal(3);
    expect(optimalStringAlignment('kitten', 'sitting')).to.equal(3);
    expect(optimalStringAlignment('', 'ab')).to.equal(2);
    expect(optimalStringAlignment('ab', '')).to.equal(2);
    expect(optimalStringAlignment('HOSTS', 'hsots')).to.equal(1);
  });

  it('suggests the closest name within a third of the word (at least 2 edits), first of equals', () => {
    expect(suggest('hots', ['hosts', 'groups'])).to.equal('hosts');
    expect(suggest('wbe', ['webs', 'web'])).to.equal('web');
    expect(suggest('xyz', ['hosts', 'groups'])).to.equal(undefined);
    expect(suggest('ab', ['xy'])).to.equal('xy');
    expect(suggest('abc', ['xyz'])).to.equal(undefined);
    expect(suggest('abcdefghi', ['abcxyzghi'])).to.equal('abcxyzghi');
    expect(suggest('abcdefghi', ['abwxyzghi'])).to.equal(undefined);
    expect(suggest('aa', ['ab', 'ac'])).to.equal('ab');
    expect(suggest('x', [])).to.equal(undefined);
    expect(didYouMean('prot', ['port', 'user'])).to.equal(' (did you mean "port"?)');
    expect(didYouMean('zzzzzz', ['port'])).to.equal('');
  });

  it('merges settings: host over child group over parent group over defaults; vars and env key by key', () => {
    const merged = mergeHostSettings(
      { user: 'root', port: 22, env: { A: 'defaults', B: 'defaults' } },
      [
        { user: 'deploy', vars: { tier: 'parent', dc: 'x' }, env: { B: 'parent' } },
        { port: 2222, vars: { tier: 'child' }, user: undefined },
      ],
      { vars: { own: 1 }, env: { C: 'host' } },
      { tier: 'inventory', global: true },
    );
    expect(merged).to.deep.equal({
      vars: { tier: 'child', global: true, dc: 'x', own: 1 },
      user: 'deploy',
      port: 2222,
      env: { A: 'defaults', B: 'parent', C: 'host' },
    });
  });

  it('leaves group membership keys out, and does not change the inventory vars it starts from', () => {
    const inventoryVars = { a: 1 };
    const merged = mergeHostSettings({}, [{ vars: { a: 2 }, hosts: ['x'], children: ['y'] } as never], {}, inventoryVars);
    expect(merged).to.deep.equal({ vars: { a: 2 } });
    expect(inventoryVars).to.deep.equal({ a: 1 });
  });

  it('expands ~ and ~/ only, with the passwd home', () => {
    expect(expandTilde('~', '/home/u')).to.equal('/home/u');
    expect(expandTilde('~/.ssh/known_hosts', '/home/u')).to.equal('/home/u/.ssh/known_hosts');
    expect(expandTilde('~other/x', '/home/u')).to.equal('~other/x');
    expect(expandTilde('/abs/~/x', '/home/u')).to.equal('/abs/~/x');
    expect(findHomeDirectory()).to.deep.equal({ path: userInfo().homedir, source: 'passwd' });
    expect(expandTilde('~/x')).to.equal(`${userInfo().homedir}/x`);
  });
});
