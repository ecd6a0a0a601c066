// What each human level shows of a host and a check: hidden OK hosts in minimal (never an unreachable, unfinished
// or empty one elsewhere), `full`'s detail lines, exec output in long, notes and colours.
import { expect } from 'chai';
import { paintBold, paintDim, withColor } from '../../src/report/color.js';
import { renderHostNotice, renderHuman } from '../../src/report/human.js';
import type { CheckResult, HostResult } from '../../src/results/types.js';
import { makeCheck, makeHost, makeReport, messages } from './sample.js';

function lines(hosts: HostResult[], level: 'minimal' | 'normal' | 'long' | 'full', color = false): string[] {
  return renderHuman(makeReport(hosts), level, { timeZone: 'utc', color }).split('\n').slice(0, -2);
}

describe('report/human: levels in detail', () => {
  it('minimal hides an all-OK host, but not one unreachable, unfinished or itself not OK', () => {
    expect(lines([makeHost('a', [makeCheck('a', 'k')])], 'minimal')).to.deep.equal([]);
    const gone: HostResult = { ...makeHost('b', []), unreachable: 'refused' };
    expect(lines([gone], 'minimal')).to.deep.equal(['b                                  [OK]', '    [error] unreachable: refused']);
    const cut: HostResult = { ...makeHost('c', [makeCheck('c', 'k')]), unfinished: 'stopped' };
    expect(lines([cut], 'minimal')).to.deep.equal(['c                                  [OK]', '    [error] stopped']);
    const odd: HostResult = { ...makeHost('d', [makeCheck('d', 'k')]), status: 'WARN' };
    expect(lines([odd], 'minimal')).to.deep.equal(['d                                  [WARN]']);
  });

  it('normal shows a host without checks, and an OK check without its messages, time, output or truncation note', () => {
    expect(lines([makeHost('e', [])], 'normal')).to.deep.equal(['e                                  [OK]']);
    const quiet = makeCheck('f', 'k', { messages: messages({ warn: ['w'], error: ['x'] }), truncated: true });
    expect(lines([makeHost('f', [quiet])], 'normal')).to.deep.equal(['f                                  [OK]', '- k                                [OK]']);
  });

  it('long shows an exec check\'s output line by line (its last newline dropped), but no other check\'s output', () => {
    const exec = makeCheck('h', 'exec', { stdoutTail: 'a\nb\n', startedAt: '' });
    expect(lines([makeHost('h', [exec])], 'long')).to.deep.equal([
      'h                                  [OK]',
      '- exec                             [OK]',
      '    [stdout] a',
      '             b',
    ]);
    const other = makeCheck('h', 'uname', { stdoutTail: 'Linux\n', stderrTail: 'warn\n', startedAt: '' });
    expect(lines([makeHost('h', [other])], 'long')).to.deep.equal(['h                                  [OK]', '- uname                            [OK]']);
  });

  it('full adds classification, timings, params, metrics and the action, each only when there is one', () => {
    const rich: CheckResult = makeCheck('h', 'disk', {
      type: 'smokeTest', category: 'infra', component: 'varnish', signal: 'SIGKILL', exitCode: null, attempts: 2, startedAt: '',
      params: { s: 'x', n: 3, o: { a: [1] }, u: undefined },
      metrics: { '/': { value: 85, uom: '%', warn: '80', max: 100 }, load: { value: 1.5 } },
      action: { name: 'restart', where: 'host', status: 'ERROR', exitCode: null, durationMs: 1500, stdout: '', stderr: '' },
      truncated: true,
      messages: messages({ info: ['i\tj'] }),
    });
    expect(lines([makeHost('h', [rich])], 'full')).to.deep.equal([
      'h                                  [OK] (1 checks, 220ms)',
      '- disk                             [OK]',
      '    type smokeTest · category infra · component varnish',
      '    took 120ms · exit - · signal SIGKILL · attempts 2',
      '    params: s=x, n=3, o={"a":[1]}, u=undefined',
      '    metric /=85% (warn 80, max 100)',
      '    metric load=1.5',
      '    action restart on host: ERROR (exit -, 1.5s)',
      '    [info] i  j',
      '    [note] output truncated',
    ]);
    const plain = makeCheck('h', 'k', { category: 'infra' });
    expect(lines([makeHost('h', [plain])], 'full')).to.deep.equal([
      'h                                  [OK] (1 checks, 220ms)',
      '- k                                [OK] (2026-11-22 16:12:58)',
      '    category infra',
      '    started 2026-11-22T16:12:58.000Z · took 120ms · exit 0 · attempts 1',
    ]);
    const bare = makeCheck('h', 'k', { startedAt: '' });
    expect(lines([makeHost('h', [bare])], 'full')).to.deep.equal([
      'h                                  [OK] (1 checks, 220ms)',
      '- k                                [OK]',
      '    took 120ms · exit 0 · attempts 1',
    ]);
  });

  it('with colour, host names are bold and full\'s detail lines dim', () => {
    const out = lines([makeHost('h', [makeCheck('h', 'k', { startedAt: '' })])], 'full', true);
    expect(out[0]?.startsWith(withColor(true, () => paintBold('h')))).to.equal(true);
    expect(out[2]).to.equal(withColor(true, () => paintDim('    took 120ms · exit 0 · attempts 1')));
  });

  it('a host notice: empty for an all-OK host, else the host (bold) with its non-OK checks or "unreachable"', () => {
    const ok = makeHost('a', [makeCheck('a', 'k')]);
    expect(renderHostNotice('a', ok)).to.equal('');
    expect(renderHostNotice('a', { ...ok, status: 'WARN' })).to.equal('a                                  [WARN]\n');
    expect(renderHostNotice('a', { ...ok, unreachable: 'x' })).to.equal('a                                  [OK] unreachable\n');
    const bad = { ...ok, checks: { ...ok.checks, d: makeCheck('a', 'd', { status: 'WARN' }) } };
    expect(renderHostNotice('a', bad)).to.equal('a                                  [OK] d\n');
    expect(renderHostNotice('a', bad, { color: true })).to.equal(withColor(true, () => `${paintBold('a')}                                  \u001b[32m[OK]\u001b[39m ${paintDim('d')}\n`));
  });
});
